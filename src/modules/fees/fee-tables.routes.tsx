import { Hono } from 'hono';
import { requireAdmin } from '../../auth/guards.js';
import type { AppContext, AppEnv } from '../../context.js';
import { readForm } from '../../http/forms.js';
import { render, setFlash, viewContext } from '../../http/render.js';
import { tokyoDateOf } from '../../lib/dates.js';
import { conflict, notFound } from '../../lib/errors.js';
import { fieldErrors } from '../../lib/validation.js';
import type { FormErrors } from '../../../views/components/form-fields.js';
import {
  FEE_FORM_FIELDS,
  FeeTablesPage,
  type FeeTableFormValues,
} from '../../../views/pages/activities/fee-tables.js';
import { getCenterSettings, updateCenterSettings } from '../settings/settings.service.js';
import { feeTableSchema, type FeeTable } from './fee-table.js';

/**
 * Admin: 報酬基準 (fee tables) under /settings/fees. Tables are the `fees` settings section; a
 * new one is added with its valid-from date and never changes fees already stored with
 * activities. A table that is not in force yet may be deleted (it cannot have priced anything:
 * activities are reported after they happen).
 */
export const feeTablePages = new Hono<AppEnv>();

const normalize = (s: string | undefined) => (s ?? '').normalize('NFKC').trim();

function formInt(s: string | undefined): number | undefined {
  const v = normalize(s).replace(/[,¥円]/g, '');
  if (v === '') return undefined;
  return /^\d+$/.test(v) ? Number(v) : Number.NaN;
}

function formTime(s: string | undefined): string {
  const v = normalize(s);
  return /^\d:\d\d$/.test(v) ? `0${v}` : v.slice(0, 5);
}

function valuesOf(table: FeeTable, validFrom = ''): FeeTableFormValues {
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
};

function candidateOf(v: FeeTableFormValues) {
  const percent = formInt(v.siblingPercent);
  const from = normalize(v.yearEndFrom);
  const to = normalize(v.yearEndTo);
  return {
    validFrom: normalize(v.validFrom),
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
  };
}

async function page(
  c: AppContext,
  values: FeeTableFormValues,
  errors: FormErrors,
  status: 200 | 422 = 200,
) {
  const { fees } = await getCenterSettings(c.var.deps);
  return render(
    c,
    <FeeTablesPage
      ctx={viewContext(c)}
      tables={fees}
      today={tokyoDateOf(c.var.deps.clock.now())}
      values={values}
      errors={errors}
    />,
    status,
  );
}

feeTablePages.get('/settings/fees', async (c) => {
  requireAdmin(c);
  const { fees } = await getCenterSettings(c.var.deps);
  const latest = [...fees].sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0]!;
  return page(c, valuesOf(latest), {});
});

feeTablePages.post('/settings/fees/tables', async (c) => {
  const admin = requireAdmin(c);
  const t = c.var.t;
  const form = await readForm(c);
  const values: FeeTableFormValues = Object.fromEntries(
    FEE_FORM_FIELDS.map((f) => [f, form[f] ?? '']),
  );
  const parsed = feeTableSchema.safeParse(candidateOf(values));
  const errors: FormErrors = {};
  if (!parsed.success) {
    for (const [path, messages] of Object.entries(fieldErrors(parsed.error, t))) {
      const field = FIELD_OF[path] ?? path;
      errors[field] ??= messages[0] ?? t('validation.invalid');
    }
    return page(c, values, errors, 422);
  }
  const { fees } = await getCenterSettings(c.var.deps);
  if (fees.some((x) => x.validFrom === parsed.data.validFrom))
    return page(c, values, { validFrom: t('feeTables.duplicate') }, 422);
  await updateCenterSettings(
    c.var.deps,
    admin,
    { fees: [...fees, parsed.data].sort((a, b) => a.validFrom.localeCompare(b.validFrom)) },
    c.var.clientAddress,
  );
  setFlash(c, 'feeTables.added', { date: parsed.data.validFrom });
  return c.redirect('/settings/fees', 303);
});

feeTablePages.post('/settings/fees/tables/:validFrom/delete', async (c) => {
  const admin = requireAdmin(c);
  const validFrom = c.req.param('validFrom');
  const { fees } = await getCenterSettings(c.var.deps);
  if (!fees.some((x) => x.validFrom === validFrom)) throw notFound();
  if (validFrom <= tokyoDateOf(c.var.deps.clock.now()))
    throw conflict('table_in_use', 'feeTables.inUse');
  await updateCenterSettings(
    c.var.deps,
    admin,
    { fees: fees.filter((x) => x.validFrom !== validFrom) },
    c.var.clientAddress,
  );
  setFlash(c, 'feeTables.deleted', { date: validFrom });
  return c.redirect('/settings/fees', 303);
});
