import { z } from 'zod';
import { formFields, normalizeInput, reportIssuesAt, tickedIds } from '../../http/form-fields.js';
import { timeOfDayField, tokyoDateField, tokyoIsoOf } from '../../lib/time-schemas.js';
import type { SessionFormValues } from '../../../views/pages/trainings/sessions.js';
import { sessionBody, type AttendanceInput, type SessionInput } from './trainings.schemas.js';

/** The session form, the attendance sheet and the staff's member picks: fields ↔ input. */

/** '9:30' → '09:30'. */
const padTime = (v: string) => (/^\d:/.test(v) ? `0${v}` : v);

/** The submitted session form as the page shows it again. */
export function sessionFormValues(form: Record<string, string>): SessionFormValues {
  return {
    date: normalizeInput(form.date),
    startTime: padTime(normalizeInput(form.startTime)),
    endTime: padTime(normalizeInput(form.endTime)),
    venue: form.venue ?? '',
    instructor: form.instructor ?? '',
    capacity: normalizeInput(form.capacity),
    notes: form.notes ?? '',
    moduleIds: tickedIds(form, 'moduleIds'),
  };
}

/** The session's fields but its period, which the form gives as a date and two times. */
const sessionFields = z.object(sessionBody.shape).omit({ startsAt: true, endsAt: true });

/**
 * A new session (and the form as sent): empty fields are required, times are HH:MM, the
 * capacity a whole number.
 */
export const sessionForm = formFields.transform((form, ctx) => {
  const v = sessionFormValues(form);
  const issue = (path: string, message: string) =>
    ctx.addIssue({ code: 'custom', path: [path], message });
  const date = tokyoDateField.safeParse(v.date);
  if (!v.date) issue('date', 'validation.required');
  else if (!date.success) issue('date', 'validation.date');
  const times = (['startTime', 'endTime'] as const).map((field) => {
    const time = timeOfDayField.safeParse(v[field]);
    if (!v[field]) issue(field, 'validation.required');
    else if (!time.success) issue(field, 'training.validation.time');
    return time.success ? time.data : undefined;
  });
  if (!v.capacity) issue('capacity', 'validation.required');
  else if (!/^\d+$/.test(v.capacity)) issue('capacity', 'training.validation.number');
  const fields = sessionFields.safeParse({
    moduleIds: v.moduleIds,
    venue: v.venue,
    capacity: Number(v.capacity),
    instructor: v.instructor,
    notes: v.notes,
  });
  if (!fields.success) reportIssuesAt(fields.error, ctx, (path) => path.map(String).join('.'));
  const [start, end] = times;
  if (start && end && end <= start) issue('endTime', 'validation.end_after_start');
  if (!date.success || !start || !end || end <= start || !fields.success) return z.NEVER;
  const input: SessionInput = {
    ...fields.data,
    startsAt: tokyoIsoOf(date.data, start),
    endsAt: tokyoIsoOf(date.data, end),
  };
  return { input, values: v };
});

/**
 * The attendance sheet: every row sends `member.<id>`; the ticked cells send
 * `att.<memberId>.<moduleId>`. A member with no ticked cell did not attend.
 */
export const attendanceForm = formFields.transform((form): AttendanceInput => {
  const ticked = new Map<string, string[]>(tickedIds(form, 'member').map((id) => [id, []]));
  for (const key of tickedIds(form, 'att')) {
    const [memberId, moduleId] = key.split('.');
    if (memberId && moduleId) ticked.set(memberId, [...(ticked.get(memberId) ?? []), moduleId]);
  }
  return {
    attendees: [...ticked].map(([memberId, moduleIds]) => ({
      memberId,
      attended: moduleIds.length > 0,
      moduleIds,
    })),
  };
});

/** The member a staff form names (empty: none). */
export const memberPickForm = formFields.transform((form) => ({
  memberId: form.memberId || undefined,
}));
