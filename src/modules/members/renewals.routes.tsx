import { Hono } from 'hono';
import { requireStaff } from '../../auth/guards.js';
import type { AppContext, AppEnv } from '../../context.js';
import { render, setFlash, viewContext } from '../../http/render.js';
import { formBody, staffOnly } from '../../http/validate.js';
import { fiscalYearOf, tokyoDateOf } from '../../lib/dates.js';
import { RenewalsPage } from '../../../views/pages/members/staff/renewals.js';
import { getCenterSettings } from '../settings/settings.service.js';
import { neverInvalid } from './form-issues.js';
import { lapseForm, readFiscalYear } from './member-admin-form.js';
import { lapseAgedOutRequesters, renewalList } from './member-admin.service.js';
import { fiscalYearEnd } from './renewals.js';

/** 年度更新: requesters whose youngest child passes the center's age limit by the fiscal-year end. */
export const renewalPages = new Hono<AppEnv>();

const today = (c: AppContext) => tokyoDateOf(c.var.deps.clock.now());

async function renderRenewals(
  c: AppContext,
  fiscalYear: number,
  failure?: { field?: string; message: string },
) {
  const [rows, settings] = await Promise.all([
    renewalList(c.var.deps, fiscalYear),
    getCenterSettings(c.var.deps),
  ]);
  return render(
    c,
    <RenewalsPage
      ctx={viewContext(c)}
      fiscalYear={fiscalYear}
      fiscalYearEnd={fiscalYearEnd(fiscalYear)}
      rows={rows}
      canLapse={today(c) > fiscalYearEnd(fiscalYear)}
      labels={settings.labels}
      until={settings.eligibility.requesterChildUntil}
      failure={failure}
    />,
    failure ? 422 : 200,
  );
}

renewalPages.get('/renewals', async (c) => {
  requireStaff(c);
  return renderRenewals(c, readFiscalYear(c.req.query('fiscalYear'), fiscalYearOf(today(c))));
});

/** Lapses the requesters of an ended fiscal year, once confirmed. */
renewalPages.post('/renewals/lapse', staffOnly, formBody(lapseForm, neverInvalid), async (c) => {
  const staff = requireStaff(c);
  const form = c.req.valid('form');
  const fiscalYear = readFiscalYear(form.fiscalYear, fiscalYearOf(today(c)));
  if (today(c) <= fiscalYearEnd(fiscalYear)) {
    return renderRenewals(c, fiscalYear, {
      message: c.var.t('memberAdmin.rule.fiscal_year_not_ended'),
    });
  }
  if (!form.confirmed) {
    return renderRenewals(c, fiscalYear, {
      field: 'confirm',
      message: c.var.t('memberAdmin.error.withdrawConfirm'),
    });
  }
  const lapsed = await lapseAgedOutRequesters(c.var.deps, staff, fiscalYear, c.var.clientAddress);
  setFlash(c, 'memberAdmin.renewals.lapsed', { count: String(lapsed) });
  return c.redirect(`/renewals?fiscalYear=${fiscalYear}`, 303);
});
