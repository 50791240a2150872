import { z } from 'zod';
import {
  formFields,
  normalizeInput,
  reportIssuesAt,
  textFieldsOf,
  tickedIds,
} from '../../http/form-fields.js';
import { timeOfDayField, tokyoDateField, tokyoIsoOf } from '../../lib/time-schemas.js';
import type { Translator } from '../../lib/i18n.js';
import type { FormErrors } from '../../../views/components/form-fields.js';
import type { ReportFormValues } from '../../../views/pages/activities/report-form.js';
import {
  activityFields,
  incidentBody,
  reasonBody,
  type CreateActivityInput,
  type UpdateActivityInput,
} from './activities.schemas.js';

/**
 * The activity report form (new report and correction), the incident form and the review
 * forms: their fields ↔ the service's input. Errors carry the form's field names, so a page
 * re-renders them next to its fields.
 */

const CATEGORIES = Array.from({ length: 12 }, (_, i) => String(i + 1));

/** '9:30' → '09:30'; seconds dropped. */
function formTime(s: string | undefined): string {
  const v = normalizeInput(s);
  const m = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(v);
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : v;
}

/** A yen amount typed on a phone: 「1,200」「¥300」「３００」 → 1200 / 300; empty → 0. */
export function formYen(s: string): number {
  const v = normalizeInput(s).replace(/[,¥円\s]/g, '');
  if (v === '') return 0;
  return /^\d+$/.test(v) ? Number(v) : Number.NaN;
}

/** The fields shown again as they were typed. */
const TEXT_FIELDS = [
  'place',
  'transportCost',
  'mealCost',
  'notes',
  'incidentKind',
  'incidentSeverity',
  'incidentSeriousReason',
  'incidentDescription',
  'incidentActionTaken',
  'reason',
] as const;

/** The submitted form as the page shows it again (also after a failed validation). */
export function reportFormValues(form: Record<string, string>): ReportFormValues {
  return {
    date: normalizeInput(form.date),
    startTime: formTime(form.startTime),
    endTime: formTime(form.endTime),
    endDate: normalizeInput(form.endDate),
    children: tickedIds(form, 'child', 'yes'),
    categories: tickedIds(form, 'category', 'yes').filter((c) => CATEGORIES.includes(c)),
    incident: form.incident === 'yes',
    ...textFieldsOf(form, TEXT_FIELDS),
  };
}

/** The form of a report not yet written: its request's plan, or the activity as reported. */
export function blankReportValues(
  fields: Pick<
    ReportFormValues,
    'date' | 'startTime' | 'endTime' | 'endDate' | 'children' | 'categories'
  > &
    Pick<ReportFormValues, 'place' | 'transportCost' | 'mealCost' | 'notes'>,
): ReportFormValues {
  return { ...textFieldsOf({}, TEXT_FIELDS), ...fields, incident: false };
}

/** API field paths → the form's field names. */
const FORM_FIELD: Record<string, string> = {
  startedAt: 'startTime',
  endedAt: 'endTime',
  childIds: 'child',
  categories: 'category',
  'incident.kind': 'incidentKind',
  'incident.severity': 'incidentSeverity',
  'incident.seriousReason': 'incidentSeriousReason',
  'incident.description': 'incidentDescription',
  'incident.actionTaken': 'incidentActionTaken',
  kind: 'incidentKind',
  severity: 'incidentSeverity',
  seriousReason: 'incidentSeriousReason',
  description: 'incidentDescription',
  actionTaken: 'incidentActionTaken',
};

function formFieldOf(path: PropertyKey[]): string {
  const key = path.map(String).join('.');
  const bare = key.replace(/\.\d+$/, '');
  return FORM_FIELD[key] ?? FORM_FIELD[bare] ?? bare;
}

/** A service's field errors (message keys by API path) under the form's field names. */
export function reportFormErrors(fields: Record<string, string[]>, t: Translator): FormErrors {
  const out: FormErrors = {};
  for (const [path, messages] of Object.entries(fields)) {
    const message = messages[0] ?? '';
    out[formFieldOf(path.split('.'))] ??=
      message.includes('.') && !message.includes(' ')
        ? t(message as 'validation.invalid')
        : message;
  }
  return out;
}

/** Re-reports a nested schema's issues under the form's field names (or all under `field`). */
const reportIssues = (error: z.ZodError, ctx: z.RefinementCtx, field?: string) =>
  reportIssuesAt(error, ctx, (path) => field ?? formFieldOf(path));

function incidentInput(v: ReportFormValues) {
  return {
    kind: v.incidentKind || undefined,
    severity: v.incidentSeverity || undefined,
    seriousReason: v.incidentSeriousReason || null,
    description: v.incidentDescription,
    actionTaken: v.incidentActionTaken,
  };
}

const reportFields = z.object({
  childIds: activityFields.childIds,
  categories: activityFields.categories,
  place: activityFields.place,
  transportCost: activityFields.transportCost,
  mealCost: activityFields.mealCost,
  notes: activityFields.notes,
  incident: incidentBody.optional(),
});

type ReportFields = Omit<CreateActivityInput, 'requestId'>;

/** The report's fields, or undefined with the problems added under the form's field names. */
function reportInputOf(v: ReportFormValues, ctx: z.RefinementCtx): ReportFields | undefined {
  const date = tokyoDateField.safeParse(v.date);
  const start = timeOfDayField.safeParse(v.startTime);
  const end = timeOfDayField.safeParse(v.endTime);
  // An end on a later day (programme overnight care; the field is only on their form): the
  // service checks the whole period (after the start, at most its longest activity).
  const nextDay = v.endDate !== '' && v.endDate !== v.date;
  const endDate = nextDay ? tokyoDateField.safeParse(v.endDate) : date;
  const fieldIssue = (path: string, message: string) =>
    ctx.addIssue({ code: 'custom', path: [path], message });
  if (!date.success) fieldIssue('date', 'validation.date');
  if (nextDay && !endDate.success) fieldIssue('endDate', 'validation.date');
  if (!start.success) fieldIssue('startTime', 'validation.time');
  if (!end.success) fieldIssue('endTime', 'validation.time');
  else if (start.success && !nextDay && end.data <= start.data)
    fieldIssue('endTime', 'validation.end_after_start');
  const fields = reportFields.safeParse({
    childIds: v.children,
    categories: v.categories.map(Number),
    place: v.place,
    transportCost: formYen(v.transportCost),
    mealCost: formYen(v.mealCost),
    notes: v.notes,
    ...(v.incident ? { incident: incidentInput(v) } : {}),
  });
  if (!fields.success) reportIssues(fields.error, ctx);
  if (!fields.success || !date.success || !endDate.success || !start.success || !end.success)
    return undefined;
  if (!nextDay && end.data <= start.data) return undefined;
  return {
    startedAt: tokyoIsoOf(date.data, start.data),
    endedAt: tokyoIsoOf(endDate.data, end.data),
    ...fields.data,
  };
}

/** `edit` goes back to the form, `submit` stores; anything else shows the confirmation step. */
type ReportStep = 'edit' | 'review' | 'submit';
const stepOf = (form: Record<string, string>): ReportStep =>
  form.step === 'edit' || form.step === 'submit' ? form.step : 'review';

/** A positive integer version, or undefined. */
const versionOf = (raw: string | undefined) => {
  const v = Number(raw);
  return Number.isInteger(v) && v > 0 ? v : undefined;
};

/** A new report: the values to show again, and (unless going back to edit) the input. */
export const newReportForm = formFields.transform((form, ctx) => {
  const values = reportFormValues(form);
  const step = stepOf(form);
  if (step === 'edit') return { step, values, input: undefined };
  const input = reportInputOf(values, ctx);
  return input ? { step, values, input } : z.NEVER;
});

/** A correction: the same fields but no incident, with an optional reason and the version. */
export const correctionForm = formFields.transform((form, ctx) => {
  const values = reportFormValues(form);
  const step = stepOf(form);
  const version = Number(form.version) || undefined;
  if (step === 'edit') return { step, values, version, input: undefined };
  const fields = reportInputOf({ ...values, incident: false }, ctx);
  if (!fields) return z.NEVER;
  const reason = values.reason.trim();
  if (reason.length > 500) {
    ctx.addIssue({
      code: 'too_big',
      origin: 'string',
      maximum: 500,
      path: ['reason'],
      input: reason,
    });
    return z.NEVER;
  }
  const { incident: _incident, ...rest } = fields;
  const input = { ...rest, reason: reason || null } satisfies Omit<UpdateActivityInput, 'version'>;
  return { step, values, version, input };
});

/** The incident form on the activity page. */
export const incidentForm = formFields.transform((form, ctx) => {
  const parsed = incidentBody.safeParse(incidentInput(reportFormValues(form)));
  if (parsed.success) return parsed.data;
  reportIssues(parsed.error, ctx);
  return z.NEVER;
});

/** Confirm and approve: only the version the reviewer saw. */
export const versionForm = formFields.transform((form) => ({ version: versionOf(form.version) }));

/** Dispute and return: a reason, and the version. */
export const reasonForm = formFields.transform((form, ctx) => {
  const parsed = reasonBody.shape.reason.safeParse(form.reason ?? '');
  if (parsed.success) return { reason: parsed.data, version: versionOf(form.version) };
  reportIssues(parsed.error, ctx, 'reason');
  return z.NEVER;
});
