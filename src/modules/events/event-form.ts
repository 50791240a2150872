import { z } from 'zod';
import { textValues } from '../../http/validate.js';
import { timeOfDayField, tokyoDateField, tokyoIsoOf } from '../../lib/time-schemas.js';
import type { EventFormValues } from '../../../views/pages/events/event-form.js';
import { eventBody, MAX_CHILDREN, type EventInput } from './events.schemas.js';

/** The forms of the event pages: staff's event form, and the small forms of registration. */

const normalize = (s: string | undefined) => (s ?? '').normalize('NFKC').trim();
/** '9:30' as typed is '09:30'. */
const padTime = (v: string) => (/^\d:/.test(v) ? `0${v}` : v);

/** The event form's fields as the page shows them again (dates and numbers normalised). */
export function eventFormValues(raw: unknown): Required<EventFormValues> {
  const form = textValues(raw);
  return {
    kind: form.kind ?? '',
    title: form.title ?? '',
    description: form.description ?? '',
    date: normalize(form.date),
    startTime: padTime(normalize(form.startTime)),
    endTime: padTime(normalize(form.endTime)),
    venue: form.venue ?? '',
    capacity: normalize(form.capacity),
    audience: form.audience ?? '',
    childcare: form.childcare ?? '',
  };
}

/** The API's names of the instants, back to the form's time fields. */
const FORM_NAME: Record<string, string> = { startsAt: 'startTime', endsAt: 'endTime' };

/** One date and two times of day on the page; the service takes the API body (instants). */
export const eventForm = z.unknown().transform((raw, ctx): EventInput => {
  const values = eventFormValues(raw);
  const fail = (field: string, message: string) =>
    ctx.addIssue({ code: 'custom', path: [field], message });
  if (!values.date) fail('date', 'validation.required');
  else if (!tokyoDateField.safeParse(values.date).success) fail('date', 'validation.date');
  for (const field of ['startTime', 'endTime'] as const) {
    if (!values[field]) fail(field, 'validation.required');
    else if (!timeOfDayField.safeParse(values[field]).success)
      fail(field, 'events.validation.time');
  }
  if (!values.capacity) fail('capacity', 'validation.required');
  else if (!/^\d{1,5}$/.test(values.capacity)) fail('capacity', 'events.validation.capacity');
  if (values.childcare !== 'yes' && values.childcare !== 'no')
    fail('childcare', 'validation.choice');
  const parsed = eventBody.safeParse({
    kind: values.kind,
    title: values.title,
    description: values.description,
    startsAt: tokyoIsoOf(values.date, values.startTime),
    endsAt: tokyoIsoOf(values.date, values.endTime),
    venue: values.venue,
    capacity: Number(values.capacity),
    audience: values.audience,
    childcare: values.childcare === 'yes',
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      ctx.addIssue({ ...(issue as z.core.$ZodIssueCustom), path: [FORM_NAME[path] ?? path] });
    }
    return z.NEVER;
  }
  return parsed.data;
});

/** How many children a member brings (the childcare count); full-width digits too. */
export const childrenCountForm = z.unknown().transform((raw, ctx) => {
  const sent = textValues(raw).children ?? '0';
  const children = Number(sent.normalize('NFKC').trim() || '0');
  if (!Number.isInteger(children) || children < 0 || children > MAX_CHILDREN) {
    ctx.addIssue({ code: 'custom', path: ['children'], message: 'events.validation.children' });
    return z.NEVER;
  }
  return children;
});

/** The attendance sheet: the ticked `came.<memberId>` boxes. */
export const attendanceForm = z.unknown().transform((raw) =>
  Object.keys(textValues(raw))
    .filter((k) => k.startsWith('came.'))
    .map((k) => k.slice('came.'.length)),
);

/** A member number as staff type it (digits kept: `No. 0012` is 12). */
export const memberNoForm = z.unknown().transform((raw, ctx) => {
  const sent = textValues(raw).memberNo ?? '';
  const digits = normalize(sent).replace(/\D/g, '');
  if (!digits) {
    ctx.addIssue({ code: 'custom', path: ['memberNo'], message: 'validation.required' });
    return z.NEVER;
  }
  return { memberNo: Number(digits), sent };
});

/** The registration staff cancel. */
export const memberIdForm = z.unknown().transform((raw) => textValues(raw).memberId ?? '');
