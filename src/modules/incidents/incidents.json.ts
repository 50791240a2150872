import { z } from 'zod';
import { toTokyoIso } from '../../lib/dates.js';
import { incidentJson, incidentSchema } from '../activities/activities.json.js';
import {
  INCIDENT_LINKS,
  INCIDENT_SITUATIONS,
  INCIDENT_VICTIMS,
  circumstancesOf,
  linkOf,
  occurredAtOf,
} from './incident-rules.js';
import type { IncidentRow } from './incidents.queries.js';

/** An incident as the staff API shows it: the activity report's fields and the details. */
const tokyo = (v: string | null) => (v ? toTokyoIso(v) : null);

export function incidentDetailJson(i: IncidentRow) {
  return {
    ...incidentJson(i),
    link: linkOf(i),
    occurredAt: toTokyoIso(occurredAtOf(i)),
    ...circumstancesOf(i),
    victim: i.victim,
    victimName: i.victim_name,
    damage: i.damage,
    hospital: i.hospital,
    diagnosis: i.diagnosis,
    treatmentDays: i.treatment_days,
    familyToldAt: tokyo(i.family_told_at),
    centerToldAt: tokyo(i.center_told_at),
    policeToldAt: tokyo(i.police_told_at),
    requestId: i.linked_request_id,
    helperId: i.helper_member_id,
    helperName: i.helper_name,
    requesterId: i.requester_member_id,
    requesterName: i.requester_name,
    activity:
      i.activity_id && i.activity_started_at && i.activity_ended_at
        ? {
            startedAt: toTokyoIso(i.activity_started_at),
            endedAt: toTokyoIso(i.activity_ended_at),
            place: i.activity_place,
            helperId: i.helper_member_id ?? '',
            helperName: i.helper_name ?? '',
            requesterId: i.requester_member_id ?? '',
            requesterName: i.requester_name ?? '',
          }
        : null,
  };
}

export const incidentDetailSchema = incidentSchema.extend({
  link: z.object({ kind: z.enum(INCIDENT_LINKS), id: z.string() }).nullable(),
  occurredAt: z.string(),
  place: z.string().nullable(),
  situation: z.enum(INCIDENT_SITUATIONS).nullable(),
  victim: z.enum(INCIDENT_VICTIMS).nullable(),
  victimName: z.string().nullable(),
  damage: z.string().nullable(),
  hospital: z.string().nullable(),
  diagnosis: z.string().nullable(),
  treatmentDays: z.number().int().nullable(),
  familyToldAt: z.string().nullable(),
  centerToldAt: z.string().nullable(),
  policeToldAt: z.string().nullable(),
  requestId: z.string().nullable().describe('The request, directly or through the activity'),
  helperId: z.string().nullable(),
  helperName: z.string().nullable(),
  requesterId: z.string().nullable(),
  requesterName: z.string().nullable(),
  activity: z
    .object({
      startedAt: z.string(),
      endedAt: z.string(),
      place: z.string().nullable(),
      helperId: z.string(),
      helperName: z.string(),
      requesterId: z.string(),
      requesterName: z.string(),
    })
    .nullable(),
});

/** What a list shows: no names, hospital or diagnosis (those are read one at a time, audited). */
const PRIVATE = { victimName: true, damage: true, hospital: true, diagnosis: true } as const;
export const incidentSummarySchema = incidentDetailSchema.omit(PRIVATE);

export function incidentSummaryJson(i: IncidentRow) {
  const {
    victimName: _n,
    damage: _d,
    hospital: _h,
    diagnosis: _g,
    ...rest
  } = incidentDetailJson(i);
  return rest;
}
