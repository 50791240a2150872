import { z } from 'zod';
import { textValues } from '../../http/validate.js';
import { tokyoDateOf, tokyoTimeOf } from '../../lib/dates.js';
import { timeOfDayField, tokyoDateField, tokyoIsoOf } from '../../lib/time-schemas.js';
import { linkOf, parseLinkValue, type IncidentLinkKind } from './incident-rules.js';
import { incidentRecordBody, type IncidentRecordInput } from './incidents.schemas.js';
import type { IncidentRow } from './incidents.queries.js';

/** The staff form of an incident on its own: dates and times of day, one link select. */

export const INCIDENT_FORM_FIELDS = [
  'link',
  'date',
  'time',
  'place',
  'situation',
  'kind',
  'severity',
  'seriousReason',
  'victim',
  'victimName',
  'damage',
  'description',
  'actionTaken',
  'hospital',
  'diagnosis',
  'treatmentDays',
  'familyToldDate',
  'familyToldTime',
  'centerToldDate',
  'centerToldTime',
  'policeToldDate',
  'policeToldTime',
] as const;
export type IncidentFormValues = Partial<Record<(typeof INCIDENT_FORM_FIELDS)[number], string>>;

const TOLD = ['family', 'center', 'police'] as const;
const LINK_KEY: Record<
  IncidentLinkKind,
  'activityId' | 'requestId' | 'trainingSessionId' | 'eventId'
> = {
  activity: 'activityId',
  request: 'requestId',
  trainingSession: 'trainingSessionId',
  event: 'eventId',
};

const normalize = (s: string | undefined) => (s ?? '').normalize('NFKC').trim();
/** '9:30' as typed is '09:30'. */
const padTime = (v: string) => (/^\d:/.test(v) ? `0${v}` : v);

export function incidentFormValues(raw: unknown): IncidentFormValues {
  const form = textValues(raw);
  const out: IncidentFormValues = {};
  for (const f of INCIDENT_FORM_FIELDS) out[f] = form[f] ?? '';
  for (const f of ['date', 'familyToldDate', 'centerToldDate', 'policeToldDate'] as const)
    out[f] = normalize(out[f]);
  for (const f of ['time', 'familyToldTime', 'centerToldTime', 'policeToldTime'] as const)
    out[f] = padTime(normalize(out[f]));
  out.treatmentDays = normalize(out.treatmentDays);
  return out;
}

/** A saved incident as the edit form shows it. */
export function formValuesOf(i: IncidentRow): IncidentFormValues {
  const link = linkOf(i);
  const at = (v: string | null, part: 'date' | 'time') =>
    v ? (part === 'date' ? tokyoDateOf(v) : tokyoTimeOf(v)) : '';
  const occurred = i.occurred_at ?? i.activity_started_at;
  return {
    link: link ? `${link.kind}:${link.id}` : '',
    date: at(occurred, 'date'),
    time: at(occurred, 'time'),
    place: i.place ?? i.activity_place ?? '',
    situation: i.situation ?? 'during_help',
    kind: i.kind,
    severity: i.severity,
    seriousReason: i.serious_reason ?? '',
    victim: i.victim ?? '',
    victimName: i.victim_name ?? '',
    damage: i.damage ?? '',
    description: i.description,
    actionTaken: i.action_taken,
    hospital: i.hospital ?? '',
    diagnosis: i.diagnosis ?? '',
    treatmentDays: i.treatment_days === null ? '' : String(i.treatment_days),
    familyToldDate: at(i.family_told_at, 'date'),
    familyToldTime: at(i.family_told_at, 'time'),
    centerToldDate: at(i.center_told_at, 'date'),
    centerToldTime: at(i.center_told_at, 'time'),
    policeToldDate: at(i.police_told_at, 'date'),
    policeToldTime: at(i.police_told_at, 'time'),
  };
}

/** The API body's names back to the form's fields. */
const FORM_NAME: Record<string, string> = {
  occurredAt: 'time',
  familyToldAt: 'familyToldTime',
  centerToldAt: 'centerToldTime',
  policeToldAt: 'policeToldTime',
  activityId: 'link',
  requestId: 'link',
  trainingSessionId: 'link',
  eventId: 'link',
};

export const incidentForm = z.unknown().transform((raw, ctx): IncidentRecordInput => {
  const v = incidentFormValues(raw);
  let failed = false;
  const fail = (field: string, message: string) => {
    failed = true;
    ctx.addIssue({ code: 'custom', path: [field], message });
  };
  const instantOf = (dateField: string, timeField: string, required: boolean) => {
    const date = v[dateField as keyof IncidentFormValues] ?? '';
    const time = v[timeField as keyof IncidentFormValues] ?? '';
    if (!date && !time) {
      if (required) fail(dateField, 'validation.required');
      return null;
    }
    if (!tokyoDateField.safeParse(date).success) return (fail(dateField, 'validation.date'), null);
    if (!timeOfDayField.safeParse(time).success)
      return (fail(timeField, 'incidents.validation.time'), null);
    return tokyoIsoOf(date, time);
  };
  const occurredAt = instantOf('date', 'time', true);
  const told = Object.fromEntries(
    TOLD.map((who) => [`${who}ToldAt`, instantOf(`${who}ToldDate`, `${who}ToldTime`, false)]),
  );
  const link = v.link ? parseLinkValue(v.link) : null;
  if (v.link && !link) fail('link', 'validation.choice');
  if (v.treatmentDays && !/^\d{1,4}$/.test(v.treatmentDays))
    fail('treatmentDays', 'incidents.validation.days');
  const parsed = incidentRecordBody.safeParse({
    ...(link ? { [LINK_KEY[link.kind]]: link.id } : {}),
    kind: v.kind,
    severity: v.severity,
    seriousReason: v.seriousReason || null,
    description: v.description,
    actionTaken: v.actionTaken,
    occurredAt: occurredAt ?? '',
    place: v.place,
    situation: v.situation,
    victim: v.victim,
    victimName: v.victimName,
    damage: v.damage,
    hospital: v.hospital,
    diagnosis: v.diagnosis,
    treatmentDays:
      v.treatmentDays && /^\d{1,4}$/.test(v.treatmentDays) ? Number(v.treatmentDays) : null,
    ...told,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      // A missing date is already reported on the date field.
      if (path === 'occurredAt' && !occurredAt) continue;
      ctx.addIssue({ ...(issue as z.core.$ZodIssueCustom), path: [FORM_NAME[path] ?? path] });
    }
    return z.NEVER;
  }
  if (failed) return z.NEVER;
  return parsed.data;
});
