import { z } from 'zod';
import { formFields, normalizeInput, reportIssuesAt } from '../../http/form-fields.js';
import type { FeeTableFormValues } from '../../../views/pages/activities/fee-tables.js';
import { DEFAULT_PROGRAMME_FEES, feeTableSchema, type FeeTable } from './fee-table.js';

/** The fee table form ↔ a fee table: amounts typed as 「1,200」「¥300」, times as 9:00. */

function formInt(s: string | undefined): number | undefined {
  const v = normalizeInput(s).replace(/[,¥円]/g, '');
  if (v === '') return undefined;
  return /^\d+$/.test(v) ? Number(v) : Number.NaN;
}

function formTime(s: string | undefined): string {
  const v = normalizeInput(s);
  return /^\d:\d\d$/.test(v) ? `0${v}` : v.slice(0, 5);
}

export function valuesOf(table: FeeTable, validFrom = ''): FeeTableFormValues {
  return {
    validFrom,
    weekdayDay: String(table.rates.weekdayDay),
    weekdayOther: String(table.rates.weekdayOther),
    weekendHoliday: String(table.rates.weekendHoliday),
    yearEnd: String(table.rates.yearEnd),
    sickChild: String(table.rates.sickChild),
    dayStart: table.weekdayDayBand.start,
    dayEnd: table.weekdayDayBand.end,
    siblingPercent: String(Math.round(table.siblingFactor * 100)),
    unitMinutes: String(table.unitMinutes),
    minimumUnits: String(table.minimumUnits),
    yearEndFrom: table.yearEnd?.from ?? '',
    yearEndTo: table.yearEnd?.to ?? '',
    sickChildCategory: String(table.sickChildCategory),
    sameDayUnits: String(table.cancellation.sameDayUnits),
    noShow: table.cancellation.noShow,
    'programme.earlyStart': table.programme.earlyStart,
    'programme.dayStart': table.programme.dayStart,
    'programme.lateStart': table.programme.lateStart,
    'programme.overnightStart': table.programme.overnightStart,
    ...Object.fromEntries(
      Object.entries(table.programme.rates).map(([band, rate]) => [
        `programme.${band}`,
        String(rate),
      ]),
    ),
  };
}

/** Schema paths → form fields. */
const FIELD_OF: Record<string, string> = {
  'rates.weekdayDay': 'weekdayDay',
  'rates.weekdayOther': 'weekdayOther',
  'rates.weekendHoliday': 'weekendHoliday',
  'rates.yearEnd': 'yearEnd',
  'rates.sickChild': 'sickChild',
  'weekdayDayBand.start': 'dayStart',
  'weekdayDayBand.end': 'dayEnd',
  siblingFactor: 'siblingPercent',
  'yearEnd.from': 'yearEndFrom',
  'yearEnd.to': 'yearEndTo',
  yearEnd: 'yearEndFrom',
  'cancellation.sameDayUnits': 'sameDayUnits',
  'cancellation.noShow': 'noShow',
  // The programme's rates are `programme.rates.<band>` in the table, `programme.<band>` in the form.
  ...Object.fromEntries(
    Object.keys(DEFAULT_PROGRAMME_FEES.rates).map((band) => [
      `programme.rates.${band}`,
      `programme.${band}`,
    ]),
  ),
};

function candidateOf(v: Partial<FeeTableFormValues>) {
  const percent = formInt(v.siblingPercent);
  const from = normalizeInput(v.yearEndFrom);
  const to = normalizeInput(v.yearEndTo);
  return {
    validFrom: normalizeInput(v.validFrom),
    rates: {
      weekdayDay: formInt(v.weekdayDay),
      weekdayOther: formInt(v.weekdayOther),
      weekendHoliday: formInt(v.weekendHoliday),
      yearEnd: formInt(v.yearEnd),
      sickChild: formInt(v.sickChild),
    },
    weekdayDayBand: { start: formTime(v.dayStart), end: formTime(v.dayEnd) },
    yearEnd: from === '' && to === '' ? null : { from, to },
    sickChildCategory: formInt(v.sickChildCategory),
    siblingFactor: percent === undefined ? undefined : percent / 100,
    unitMinutes: formInt(v.unitMinutes),
    minimumUnits: formInt(v.minimumUnits),
    cancellation: { sameDayUnits: formInt(v.sameDayUnits), noShow: v.noShow || undefined },
    // A form without any programme field (sent before the programme existed) takes the
    // default programme rates, as a stored table without them does.
    programme: !Object.keys(v).some((name) => name.startsWith('programme.'))
      ? undefined
      : {
          earlyStart: formTime(v['programme.earlyStart']),
          dayStart: formTime(v['programme.dayStart']),
          lateStart: formTime(v['programme.lateStart']),
          overnightStart: formTime(v['programme.overnightStart']),
          rates: Object.fromEntries(
            Object.keys(DEFAULT_PROGRAMME_FEES.rates).map((band) => [
              band,
              formInt(v[`programme.${band}`]),
            ]),
          ),
        },
  };
}

/** A new fee table (and the form's text fields), its problems under the form's field names. */
export const feeTableForm = formFields.transform((form, ctx) => {
  const parsed = feeTableSchema.safeParse(candidateOf(form));
  if (parsed.success) return { version: parsed.data, form };
  reportIssuesAt(parsed.error, ctx, (path) => {
    const key = path.map(String).join('.');
    return FIELD_OF[key] ?? key;
  });
  return z.NEVER;
});
