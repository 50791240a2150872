import { Hono } from 'hono';
import { requireStaff, requireUser } from '../../auth/guards.js';
import { isStaff, type AppContext, type AppEnv } from '../../context.js';
import { render, setFlash, viewContext } from '../../http/render.js';
import { formBody, staffOnly } from '../../http/validate.js';
import { tokyoDateOf } from '../../lib/dates.js';
import { badRequest, notFound } from '../../lib/errors.js';
import { ClaimPage } from '../../../views/pages/claims/claim.js';
import { LedgerPage } from '../../../views/pages/claims/ledger.js';
import { csvDownloadHeaders } from '../reports/reports.csv.js';
import { isValidMonth } from '../fees/statements.js';
import { findMemberById } from '../members/members.queries.js';
import { canViewMember } from '../members/members.policy.js';
import { listClaimsOfMember } from './claims.queries.js';
import { claimDecisionForm, ledgerPeriod, ledgerQuery, submitClaimForm } from './claims.schemas.js';
import { computeMonthlyClaim, decideClaim, loadLedger, submitClaim } from './claims.service.js';
import { ledgerCsv, ledgerFilename } from './ledger-csv.js';

/**
 * Claim pages (issue #18 point 5): a family's monthly claim form (申請書, staff and the family),
 * staff marking it submitted, approved and paid, and the city ledger with its CSV.
 */
export const claimPages = new Hono<AppEnv>();

/** The forms carry hidden fields and prefilled amounts: an invalid one is a plain 400. */
const invalidForm = (): Response => {
  throw badRequest();
};

claimPages.get('/members/:id/claims/:month', async (c) => {
  const user = requireUser(c);
  const month = c.req.param('month');
  const member = await findMemberById(c.var.deps.db, c.req.param('id'));
  if (!member || member.requester_status === null || !canViewMember(user, member)) throw notFound();
  if (!isValidMonth(month)) throw notFound();
  const [claim, records] = await Promise.all([
    computeMonthlyClaim(c.var.deps, member.id, month),
    listClaimsOfMember(c.var.deps.db, member.id),
  ]);
  return render(
    c,
    <ClaimPage
      ctx={viewContext(c)}
      member={member}
      claim={claim}
      records={records}
      isStaff={isStaff(user)}
      today={tokyoDateOf(c.var.deps.clock.now())}
    />,
  );
});

claimPages.post(
  '/members/:id/claims',
  staffOnly,
  formBody(submitClaimForm, invalidForm),
  async (c) => {
    const staff = requireStaff(c);
    const input = c.req.valid('form');
    const id = c.req.param('id');
    await submitClaim(c.var.deps, staff, id, input, c.var.clientAddress);
    setFlash(c, 'claims.flash.submitted');
    return c.redirect(`/members/${id}/claims/${input.month}`, 303);
  },
);

for (const step of ['approve', 'pay'] as const) {
  claimPages.post(
    `/claims/:id/${step}`,
    staffOnly,
    formBody(claimDecisionForm, invalidForm),
    async (c) => {
      const staff = requireStaff(c);
      const row = await decideClaim(
        c.var.deps,
        staff,
        c.req.param('id'),
        step,
        c.req.valid('form'),
        c.var.clientAddress,
      );
      setFlash(c, 'claims.flash.decided');
      return c.redirect(`/members/${row.member_id}/claims/${row.month}`, 303);
    },
  );
}

async function ledgerOf(c: AppContext) {
  const parsed = ledgerQuery.safeParse(c.req.query());
  const today = tokyoDateOf(c.var.deps.clock.now());
  const period = ledgerPeriod(parsed.success ? parsed.data : {}, today);
  const query = 'month' in period ? `month=${period.month}` : `fiscalYear=${period.fiscalYear}`;
  return { ledger: await loadLedger(c.var.deps, period), query };
}

claimPages.get('/claims/ledger', staffOnly, async (c) => {
  requireStaff(c);
  const { ledger, query } = await ledgerOf(c);
  return render(c, <LedgerPage ctx={viewContext(c)} ledger={ledger} query={query} />);
});

claimPages.get('/claims/ledger.csv', staffOnly, async (c) => {
  requireStaff(c);
  const { ledger } = await ledgerOf(c);
  return c.body(ledgerCsv(c.var.t, ledger), 200, csvDownloadHeaders(ledgerFilename(ledger.period)));
});
