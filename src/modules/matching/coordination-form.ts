import { z } from 'zod';
import { textFieldsOf } from '../../http/form-fields.js';
import type { Translator } from '../../lib/i18n.js';
import { timeOfDayField, tokyoDateField, tokyoIsoOf } from '../../lib/time-schemas.js';
import { fieldErrors, firstErrors } from '../../lib/validation.js';
import {
  cancelBody,
  createRequestBody,
  preMeetingBody,
  type CreateRequestInput,
} from '../requests/requests.schemas.js';

/**
 * The staff coordination forms ↔ the services' inputs. Checkboxes repeat a field (`helperIds`,
 * `childIds`, `weekdays`): they come as a list; any other field counts by its first value.
 */

const first = (v: unknown): unknown => (Array.isArray(v) ? (v as unknown[])[0] : v);
/** A single text field: its first value, '' when missing. */
const firstText = (v: unknown) => {
  const x = first(v);
  return typeof x === 'string' ? x : '';
};
const one = z.preprocess(firstText, z.string());
/** A repeated field: its non-empty values. */
const many = z.preprocess(
  (v) =>
    (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(
      (x): x is string => typeof x === 'string' && x.length > 0,
    ),
  z.array(z.string()),
);

/** 紹介 (offers to the ticked helpers): the domain says what is wrong with the choice. */
export const offersForm = z.object({ helperIds: many.transform((ids) => [...new Set(ids)]) });
export const offerTopForm = z.object({ next: one });
export const assignForm = z.object({ helperId: one });

/** 事前打ち合わせ of this request's pair: the pair comes from the request, not the form. */
const PRE_MEETING_FIELDS = [
  'heldOn',
  'place',
  'attendees',
  'emergencyProcedure',
  'agreedDetails',
  'notes',
] as const;
export const preMeetingForm = z.preprocess(
  (raw) =>
    Object.fromEntries(
      PRE_MEETING_FIELDS.map((k) => [k, firstText((raw as Record<string, unknown>)[k])]),
    ),
  preMeetingBody.omit({ requesterId: true, helperId: true }),
);

/** The pre-meeting form's fields as the page shows them again. */
export const preMeetingValues = (v: Record<string, string>) => textFieldsOf(v, PRE_MEETING_FIELDS);

/** A cancellation recorded by staff. */
export const staffCancelForm = z.preprocess((raw) => {
  const form = raw as Record<string, unknown>;
  return { reason: firstText(form.reason), kind: firstText(form.kind) || 'cancel' };
}, cancelBody);

/**
 * Phone intake (/coordination/requests/new): the request of a family on the phone. The date and
 * times are separate fields, checked before they make the instants; `values` re-render the form.
 */
export const intakeForm = z
  .object({
    requesterId: one,
    repeatShown: one,
    category: one,
    date: one,
    start: one,
    end: one,
    careLocation: one,
    careLocationNote: one,
    pickup: one,
    dropoff: one,
    notes: one,
    until: one,
    skipHolidays: one,
    childIds: many,
    weekdays: many.transform((ds) =>
      ds.map(Number).filter((d) => Number.isInteger(d) && d >= 1 && d <= 7),
    ),
  })
  .transform((f) => ({
    requesterId: f.requesterId,
    childIds: f.childIds,
    weekdays: f.weekdays,
    values: {
      category: f.category,
      date: f.date,
      start: f.start,
      end: f.end,
      careLocation: f.careLocation || 'helper_home',
      careLocationNote: f.careLocationNote,
      pickup: f.pickup,
      dropoff: f.dropoff,
      notes: f.notes,
      until: f.until,
      skipHolidays: f.repeatShown !== '1' || f.skipHolidays === '1' ? '1' : '0',
    },
  }));
export type IntakeForm = z.output<typeof intakeForm>;

/** createRequestBody's paths → the intake form's field names. */
const INTAKE_FIELD: Record<string, string> = {
  startsAt: 'start',
  endsAt: 'end',
  'recurrence.weekdays': 'weekdays',
  'recurrence.until': 'until',
};

/**
 * The intake form as createRequests' input, or the messages by field when it cannot be one:
 * the date and times first, then createRequestBody's own checks.
 */
export function intakeInput(
  form: IntakeForm,
  t: Translator,
): { ok: true; input: CreateRequestInput } | { ok: false; errors: Record<string, string> } {
  const { values, weekdays } = form;
  const byField = (error: z.core.$ZodError) => {
    const errors: Record<string, string> = {};
    for (const [path, message] of Object.entries(firstErrors(fieldErrors(error, t))))
      errors[INTAKE_FIELD[path] ?? path.split('.')[0]!] ??= message;
    return { ok: false as const, errors };
  };
  const checked = z
    .object({
      category: z.string().min(1, 'validation.choice'),
      date: tokyoDateField,
      start: timeOfDayField,
      end: timeOfDayField,
      until: weekdays.length > 0 ? tokyoDateField : z.string(),
    })
    .safeParse(values);
  if (!checked.success) return byField(checked.error);
  const { date, start, end } = checked.data;
  const parsed = createRequestBody.safeParse({
    requesterId: form.requesterId,
    childIds: form.childIds,
    category: Number(values.category),
    startsAt: tokyoIsoOf(date, start),
    endsAt: tokyoIsoOf(date, end),
    careLocation: values.careLocation,
    careLocationNote: values.careLocationNote,
    pickup: values.pickup,
    dropoff: values.dropoff,
    notes: values.notes,
    ...(weekdays.length
      ? {
          recurrence: {
            weekdays,
            until: values.until,
            skipHolidays: values.skipHolidays === '1',
          },
        }
      : {}),
  });
  return parsed.success ? { ok: true, input: parsed.data } : byField(parsed.error);
}
