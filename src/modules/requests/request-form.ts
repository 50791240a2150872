import { z } from 'zod';
import { isMessageKey } from '../../lib/i18n.js';
import { timeOfDayField, tokyoDateField, tokyoIsoOf } from '../../lib/time-schemas.js';
import {
  PROGRAMME_CATEGORY,
  PROGRAMME_KINDS,
  type ProgrammeKind,
} from '../programme/programme-rules.js';
import { createRequestBody, type CreateRequestInput } from './requests.schemas.js';

/**
 * The parent's request form (援助の申し込み, /requests/new) ↔ `createRequests`' input. The form
 * is flat: one checkbox per child (`childIds.<id>` = yes) and per weekday (`weekdays.<1-7>`),
 * a Tokyo date with two times of day. Every message is named by the form's field, so it sits
 * next to that field; the form's own checks come first, then the service's schema.
 */

/** The form's fields in page order, so the error summary reads top to bottom. */
export const REQUEST_FORM_FIELDS = [
  'childIds',
  'programme',
  'category',
  'date',
  'startTime',
  'endTime',
  'endDate',
  'weekdays',
  'until',
  'careLocation',
  'careLocationNote',
  'pickup',
  'dropoff',
  'notes',
] as const;
export type RequestFormField = (typeof REQUEST_FORM_FIELDS)[number];

export type FormValues = Record<string, string>;

/** The submitted text values as the page shows them again (a repeated field: its last value). */
export function toFormValues(raw: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const [k, v] of Object.entries(raw)) {
    const value = Array.isArray(v) ? v.findLast((x) => typeof x === 'string') : v;
    if (typeof value === 'string' && k !== 'step') out[k] = value;
  }
  return out;
}

const LOCATIONS = ['helper_home', 'requester_home', 'other'] as const;
const required = z.string().trim().min(1, 'validation.required');
const dateField = required.pipe(tokyoDateField);
const timeField = required.pipe(timeOfDayField);

/** createRequestBody's paths that are not the form's field names. */
const FIELD_OF_PATH: Record<string, RequestFormField> = {
  startsAt: 'date',
  endsAt: 'endTime',
  'recurrence.until': 'until',
  'recurrence.weekdays': 'weekdays',
};

function readInput(form: FormValues, ctx: z.RefinementCtx): CreateRequestInput | undefined {
  let failed = false;
  const problem = (_: unknown, field: string, key: string) => {
    failed = true;
    ctx.addIssue({ code: 'custom', path: [field], message: key });
  };
  const childIds = Object.keys(form)
    .filter((k) => k.startsWith('childIds.') && form[k] === 'yes')
    .map((k) => k.slice('childIds.'.length));
  if (childIds.length === 0) problem(ctx, 'childIds', 'validation.children_required_request');

  // The sick-child and emergency programme (issue #20): its kind decides the category.
  const programme = (PROGRAMME_KINDS as readonly string[]).includes(form.programme ?? '')
    ? (form.programme as ProgrammeKind)
    : undefined;
  const category = programme ? PROGRAMME_CATEGORY[programme] : Number(form.category);
  if (!Number.isInteger(category) || category < 1 || category > 12)
    problem(ctx, 'category', 'req.error.category');

  const fieldOk = (name: string, schema: z.ZodType<string>): string | undefined => {
    const parsed = schema.safeParse(form[name] ?? '');
    if (parsed.success) return parsed.data;
    problem(ctx, name, parsed.error.issues[0]!.message);
    return undefined;
  };
  const date = fieldOk('date', dateField);
  const startTime = fieldOk('startTime', timeField);
  const endTime = fieldOk('endTime', timeField);
  // An end date (overnight care) is optional: without it the care ends on its start date.
  const endDateText = (form.endDate ?? '').trim();
  const endDate = endDateText ? fieldOk('endDate', dateField) : date;
  if (date && endDate && endDate < date) problem(ctx, 'endDate', 'validation.end_after_start');
  else if (startTime && endTime && endDate === date && endTime <= startTime)
    problem(ctx, 'endTime', 'validation.end_after_start');

  const careLocation = form.careLocation ?? '';
  if (!(LOCATIONS as readonly string[]).includes(careLocation))
    problem(ctx, 'careLocation', 'validation.choice');
  if (careLocation === 'other' && (form.careLocationNote ?? '').trim() === '')
    problem(ctx, 'careLocationNote', 'req.error.locationNote');

  const weekdays = [1, 2, 3, 4, 5, 6, 7].filter((d) => form[`weekdays.${d}`] === 'yes');
  const until = (form.until ?? '').trim();
  if (weekdays.length > 0 && !until) problem(ctx, 'until', 'req.error.untilRequired');
  else if (until && !tokyoDateField.safeParse(until).success)
    problem(ctx, 'until', 'validation.date');
  else if (until && weekdays.length === 0) problem(ctx, 'weekdays', 'req.error.weekdaysRequired');
  else if (until && date && until < date) problem(ctx, 'until', 'req.error.untilBeforeDate');

  if (failed || !date || !startTime || !endTime || !endDate) return undefined;

  // A sick-child request's exclusion checklist: `checklist.<code>` = yes | no (unanswered: absent,
  // which the service refuses naming the checklist).
  const checklist = Object.fromEntries(
    Object.entries(form)
      .filter(([k, v]) => k.startsWith('checklist.') && (v === 'yes' || v === 'no'))
      .map(([k, v]) => [k.slice('checklist.'.length), v === 'yes']),
  );

  const parsed = createRequestBody.safeParse({
    childIds,
    category,
    startsAt: tokyoIsoOf(date, startTime),
    endsAt: tokyoIsoOf(endDate, endTime),
    ...(programme ? { programme } : {}),
    ...(programme === 'sick' ? { checklist } : {}),
    careLocation,
    careLocationNote: form.careLocationNote,
    pickup: form.pickup,
    dropoff: form.dropoff,
    notes: form.notes,
    ...(weekdays.length
      ? { recurrence: { weekdays, until, skipHolidays: form.skipHolidays === 'yes' } }
      : {}),
  });
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String);
    const field = FIELD_OF_PATH[path.join('.')] ?? path[0] ?? 'notes';
    // A text too long keeps its limit in the message; any other refusal says what the schema says.
    if (issue.code === 'too_big')
      ctx.addIssue({ ...issue, path: [field], message: 'validation.too_long' });
    else problem(ctx, field, isMessageKey(issue.message) ? issue.message : 'validation.invalid');
  }
  return undefined;
}

/**
 * The posted form: `step` is `edit` (back to the form, nothing checked), `confirm` (checked, then
 * the confirmation page) or `submit` (checked, then created). `values` re-render the form.
 */
export const requestForm = z.record(z.string(), z.unknown()).transform((raw, ctx) => {
  const values = toFormValues(raw);
  const step = raw.step === 'edit' ? 'edit' : raw.step === 'submit' ? 'submit' : 'confirm';
  if (step === 'edit') return { step, values, input: undefined };
  const input = readInput(values, ctx);
  return input ? { step, values, input } : z.NEVER;
});

/** The form's errors in page order. */
export function inFormOrder(errors: Record<string, string>): Record<string, string> {
  const rank = (k: string) => {
    const i = (REQUEST_FORM_FIELDS as readonly string[]).indexOf(k);
    return i < 0 ? REQUEST_FORM_FIELDS.length : i;
  };
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
}

/** The rule codes of createRequests and the field each concerns (its short message sits there). */
const RULE_FIELD = {
  lead_time: 'date',
  past_start: 'date',
  overlapping_request: 'date',
  service_hours: 'startTime',
  infant_time_limit: 'endTime',
  too_many_children: 'childIds',
  child_not_eligible: 'childIds',
  no_occurrences: 'weekdays',
  too_many_occurrences: 'until',
} as const satisfies Record<string, RequestFormField>;
type FieldRule = keyof typeof RULE_FIELD;

/** The field a refused rule concerns, and the message key of its short note there. */
export function ruleField(
  code: string,
): { field: RequestFormField; key: `req.fieldRule.${FieldRule}` } | undefined {
  if (!Object.hasOwn(RULE_FIELD, code)) return undefined;
  const rule = code as FieldRule;
  return { field: RULE_FIELD[rule], key: `req.fieldRule.${rule}` };
}

/** A repeated field counts by its last value, as a browser's form never repeats these. */
const lastValue = (v: unknown): unknown => (Array.isArray(v) ? (v as unknown[]).at(-1) : v);

/** A member cancelling her own request or assignment: the reason is required. */
export const memberCancelForm = z.object({
  reason: z.preprocess(
    lastValue,
    z.string('req.cancel.reasonRequired').trim().min(1, 'req.cancel.reasonRequired').max(500),
  ),
});

/** A helper declining an offer: an optional reason (a blank one is none). */
export const declineForm = z.object({
  reason: z.preprocess(
    (v) =>
      typeof lastValue(v) === 'string' ? (lastValue(v) as string).trim() || undefined : undefined,
    z.string().max(500).optional(),
  ),
});
