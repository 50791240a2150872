import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { requireStaff } from '../../auth/guards.js';
import type { AppContext, AppEnv } from '../../context.js';
import { acceptsAnyForm } from '../../http/form-fields.js';
import { renderPage, setFlash } from '../../http/render.js';
import { formBody, staffOnly } from '../../http/validate.js';
import { UUID } from '../../http/paths.js';
import type { FormErrors } from '../../../views/components/form-fields.js';
import {
  PaperRenewalPage,
  RenewalConfirmationsPage,
} from '../../../views/pages/members/staff/renewal-confirmations.js';
import { fiscalYearOf, tokyoDateOf } from '../../lib/dates.js';
import { RenewalsPage } from '../../../views/pages/members/staff/renewals.js';
import { getCenterSettings, getConsentVersions, getLabels } from '../settings/settings.service.js';
import { lapseForm, readFiscalYear } from './member-admin-form.js';
import { lapseAgedOutRequesters, renewalList } from './member-admin.service.js';
import { fiscalYearEnd } from './renewals.js';
import { renewalSides, submitRenewal } from './my-renewal.routes.js';
import { memberOfPath } from './member-pages.js';
import type { MemberWithEmail } from './members.queries.js';
import { renewalForm } from './renewal-form.js';
import {
  currentRenewalYear,
  renewalOpensOnFor,
  renewalStatus,
  sendRenewalReminders,
} from './renewal.service.js';

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
  return renderPage(
    c,
    RenewalsPage,
    {
      fiscalYear,
      fiscalYearEnd: fiscalYearEnd(fiscalYear),
      rows,
      canLapse: today(c) > fiscalYearEnd(fiscalYear),
      labels: settings.labels,
      until: settings.eligibility.requesterChildUntil,
      failure,
    },
    failure ? 422 : 200,
  );
}

renewalPages.get('/renewals', async (c) => {
  requireStaff(c);
  return renderRenewals(c, readFiscalYear(c.req.query('fiscalYear'), fiscalYearOf(today(c))));
});

/** Lapses the requesters of an ended fiscal year, once confirmed. */
renewalPages.post('/renewals/lapse', staffOnly, formBody(lapseForm, acceptsAnyForm), async (c) => {
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

// 年度更新の確認状況: who has confirmed for the year, reminders, paper forms -------------------

renewalPages.get('/renewals/confirmations', async (c) => {
  requireStaff(c);
  const current = await currentRenewalYear(c.var.deps);
  const fiscalYear = readFiscalYear(c.req.query('fiscalYear'), current);
  const [status, labels] = await Promise.all([
    renewalStatus(c.var.deps, fiscalYear),
    getLabels(c.var.deps),
  ]);
  return renderPage(c, RenewalConfirmationsPage, {
    fiscalYear,
    current: fiscalYear === current,
    opensOn: await renewalOpensOnFor(c.var.deps, fiscalYear),
    deadline: fiscalYearEnd(fiscalYear - 1),
    rows: status.rows,
    counts: status.counts,
    labels,
    filter: c.req.query('show') === 'pending' ? 'pending' : 'all',
  });
});

renewalPages.post('/renewals/reminders', staffOnly, async (c) => {
  const staff = requireStaff(c);
  const { fiscalYear, reminded } = await sendRenewalReminders(
    c.var.deps,
    staff,
    c.var.clientAddress,
  );
  setFlash(c, 'renewal.staff.reminded', { count: String(reminded) });
  return c.redirect(`/renewals/confirmations?fiscalYear=${fiscalYear}`, 303);
});

/** The member a paper form is for: any member the renewal concerns (staff only). */
async function paperMember(c: AppContext) {
  requireStaff(c);
  return memberOfPath(c);
}

async function paperPage(
  c: AppContext,
  member: MemberWithEmail,
  values: Record<string, string | undefined>,
  errors: FormErrors,
  ruleError?: string,
  status: 200 | 409 | 422 = 200,
) {
  const [labels, consent] = await Promise.all([
    getLabels(c.var.deps),
    getConsentVersions(c.var.deps),
  ]);
  return renderPage(
    c,
    PaperRenewalPage,
    {
      fiscalYear: await currentRenewalYear(c.var.deps),
      member: {
        id: member.id,
        name: member.name,
        ...renewalSides(member),
      },
      labels,
      termsVersion: consent.termsVersion,
      values,
      errors,
      ruleError,
    },
    status,
  );
}

/** A member's paper form; member ids are UUIDs. */
const PAPER = `/renewals/confirmations/:id{${UUID}}`;

renewalPages.get(PAPER, async (c) => paperPage(c, await paperMember(c), {}, {}));

renewalPages.post(
  PAPER,
  staffOnly,
  createMiddleware<AppEnv>(async (c, next) => {
    await paperMember(c);
    await next();
  }),
  formBody(renewalForm, async (c, errors, values) =>
    paperPage(c, await paperMember(c), values, errors, undefined, 422),
  ),
  async (c) => {
    const staff = requireStaff(c);
    const member = await paperMember(c);
    const refused = await submitRenewal(c, staff, member, c.req.valid('form'), 'paper', (...a) =>
      paperPage(c, member, ...a),
    );
    if (refused) return refused;
    setFlash(c, 'renewal.staff.paperSaved', { name: member.name });
    return c.redirect(
      `/renewals/confirmations?fiscalYear=${await currentRenewalYear(c.var.deps)}`,
      303,
    );
  },
);
