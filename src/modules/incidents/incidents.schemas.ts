import { z } from 'zod';
import { optionalMultiLineText, singleLineText } from '../../lib/text-schemas.js';
import { incidentBody } from '../activities/activities.schemas.js';
import { INCIDENT_SITUATIONS, INCIDENT_VICTIMS, needsSeriousReport } from './incident-rules.js';

/** Bodies and queries of incidents recorded on their own (issue #19). */

const instant = z.iso.datetime({ offset: true });
const id = z.string().min(1).max(64);
const optionalInstant = instant.nullish().transform((v) => v ?? null);
const optionalLine = (max: number) =>
  singleLineText(max, 0)
    .nullish()
    .transform((v) => (v ? v : null));

/**
 * An incident on its own: the near-miss/accident fields of an activity report's incident, plus
 * when and where, who was hurt or what was damaged, hospital and diagnosis, days of treatment,
 * who was told and when, and at most one link (activity, request, training session, event).
 */
export const incidentRecordBody = incidentBody
  .safeExtend({
    activityId: id.nullish().transform((v) => v ?? null),
    requestId: id.nullish().transform((v) => v ?? null),
    trainingSessionId: id.nullish().transform((v) => v ?? null),
    eventId: id.nullish().transform((v) => v ?? null),
    occurredAt: instant,
    place: singleLineText(200),
    situation: z.enum(INCIDENT_SITUATIONS),
    victim: z.enum(INCIDENT_VICTIMS),
    victimName: optionalLine(100),
    damage: optionalMultiLineText(2000),
    hospital: optionalLine(200),
    diagnosis: optionalMultiLineText(1000),
    treatmentDays: z
      .number('incidents.validation.days')
      .int('incidents.validation.days')
      .min(0, 'incidents.validation.days')
      .max(3650, 'incidents.validation.days')
      .nullish()
      .transform((v) => v ?? null),
    familyToldAt: optionalInstant,
    centerToldAt: optionalInstant,
    policeToldAt: optionalInstant,
  })
  .superRefine((v, ctx) => {
    const links = [v.activityId, v.requestId, v.trainingSessionId, v.eventId].filter(Boolean);
    if (links.length > 1)
      ctx.addIssue({ code: 'custom', path: ['link'], message: 'incidents.validation.oneLink' });
    // 30+ days of treatment is a serious accident by definition: it must be flagged as one.
    if (needsSeriousReport(v.treatmentDays) && v.seriousReason === null)
      ctx.addIssue({
        code: 'custom',
        path: ['seriousReason'],
        message: 'incidents.validation.treatment30Serious',
      });
    for (const key of ['familyToldAt', 'centerToldAt', 'policeToldAt'] as const) {
      const told = v[key];
      if (told && Date.parse(told) < Date.parse(v.occurredAt))
        ctx.addIssue({ code: 'custom', path: [key], message: 'incidents.validation.toldBefore' });
    }
  });
export type IncidentRecordInput = z.output<typeof incidentRecordBody>;
