import { z } from 'zod';
import { textValues } from '../../http/validate.js';
import { reissue } from '../members/form-issues.js';
import { parseTime, validateWeeklySlots, type WeeklySlot } from './availability.js';
import { exceptionBody } from './availability.schemas.js';
import { SLOT_ISSUE_KEYS } from './availability.service.js';

/**
 * The availability page's two forms ↔ the service's input. Times are forgiving (full-width
 * digits, "9:00", seconds); each message names the row or field it belongs to.
 */

/** Full-width digits and colons become ASCII; "9:00" becomes "09:00". Empty stays empty. */
export function normalizeTime(raw: string | undefined): string {
  const v = (raw ?? '').normalize('NFKC').trim();
  if (/^\d:\d\d$/.test(v)) return `0${v}`;
  // Some browsers send seconds when a step is set.
  if (/^\d\d:\d\d:00$/.test(v)) return v.slice(0, 5);
  return v;
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
/** The page's input names of one time range: w<weekday>_<index>_start / _end. */
const rowKey = (weekday: number, index: number) => `w${weekday}_${index}`;
const ROW_FIELD = /^w([1-7])_(\d{1,2})_(?:start|end)$/;
const MAX_ROWS_PER_DAY = 10;

/** The weekly editor as the page shows it again: its rows per weekday and their times. */
export function weeklyFormValues(form: Record<string, string>) {
  const rows: Record<number, number> = {};
  for (const weekday of WEEKDAYS) rows[weekday] = 1;
  for (const key of Object.keys(form)) {
    const m = ROW_FIELD.exec(key);
    if (!m) continue;
    const weekday = Number(m[1]);
    const count = Math.min(Number(m[2]) + 1, MAX_ROWS_PER_DAY);
    if (count > (rows[weekday] ?? 0)) rows[weekday] = count;
  }
  const values: Record<string, string> = {};
  for (const weekday of WEEKDAYS)
    for (let i = 0; i < (rows[weekday] ?? 1); i++) {
      const row = rowKey(weekday, i);
      values[`${row}_start`] = normalizeTime(form[`${row}_start`]);
      values[`${row}_end`] = normalizeTime(form[`${row}_end`]);
    }
  return { rows, values };
}

/**
 * The weekly editor: one row per time range, both times or neither. Every problem is reported
 * at once, under its row's key (incomplete rows, bad times, overlaps, inverted ranges).
 */
export const weeklyForm = z.unknown().transform((raw, ctx): WeeklySlot[] => {
  const { rows, values } = weeklyFormValues(textValues(raw));
  let failed = false;
  const problem = (row: string, message: string, params?: Record<string, string>) => {
    failed = true;
    ctx.addIssue({ code: 'custom', path: [row], message, ...(params ? { params } : {}) });
  };
  const slots: WeeklySlot[] = [];
  const rowOfSlot: string[] = [];
  for (const weekday of WEEKDAYS) {
    for (let i = 0; i < (rows[weekday] ?? 1); i++) {
      const row = rowKey(weekday, i);
      const start = values[`${row}_start`]!;
      const end = values[`${row}_end`]!;
      if (!start && !end) continue;
      if (!start || !end) problem(row, 'availability.slot.bothTimes');
      else if (parseTime(start) < 0 || parseTime(end) < 0)
        problem(row, 'availability.validation.time');
      else {
        slots.push({ weekday, start, end });
        rowOfSlot.push(row);
      }
    }
  }
  for (const issue of validateWeeklySlots(slots)) {
    const row = rowOfSlot[issue.index]!;
    const other = issue.otherIndex === undefined ? undefined : slots[issue.otherIndex];
    // Times as the page writes them ("9:00"): views/format.ts displayTime.
    const shown = (hhmm: string) => hhmm.replace(/^0(\d)/, '$1');
    if (other)
      problem(row, 'availability.slot.overlapsWith', {
        start: shown(other.start),
        end: shown(other.end),
      });
    else problem(row, SLOT_ISSUE_KEYS[issue.code]);
  }
  return failed ? z.NEVER : slots;
});

/** The exception form as the page shows it again. */
export function exceptionFormValues(form: Record<string, string>) {
  return {
    date: (form.date ?? '').normalize('NFKC').trim(),
    kind: form.kind === 'hours' ? 'hours' : 'day',
    start: normalizeTime(form.start),
    end: normalizeTime(form.end),
    note: form.note ?? '',
  };
}

/** A day off (no times) or hours off: the date first, then the times, then the schema. */
export const exceptionForm = z.unknown().transform((raw, ctx) => {
  const values = exceptionFormValues(textValues(raw));
  const hours = values.kind === 'hours';
  const problem = (field: string, message: string) => {
    ctx.addIssue({ code: 'custom', path: [field], message });
    return z.NEVER;
  };
  if (!values.date) return problem('date', 'validation.required');
  if (hours && !values.start && !values.end)
    return problem('start', 'availability.exception.timesRequired');
  const parsed = exceptionBody.safeParse({
    date: values.date,
    start: hours ? values.start : null,
    end: hours ? values.end : null,
    note: values.note,
  });
  if (!parsed.success) {
    reissue(ctx, parsed.error.issues);
    return z.NEVER;
  }
  return { values, input: parsed.data };
});
