import { Hono } from 'hono';
import { requireStaff, requireUser } from '../../auth/guards.js';
import { isStaff, type AppContext, type AppEnv } from '../../context.js';
import { formPosts } from '../../http/form-posts.js';
import { fieldRefusal, type FieldRefusals } from '../../http/refusal.js';
import { renderPage, setFlash } from '../../http/render.js';
import { staffOnly, textValues } from '../../http/validate.js';
import { tokyoDateOf } from '../../lib/dates.js';
import { badRequest, notFound } from '../../lib/errors.js';
import { ClaimPage, type ClaimFormState } from '../../../views/pages/claims/claim.js';
import { LedgerPage } from '../../../views/pages/claims/ledger.js';
import { csvDownloadHeaders } from '../reports/reports.csv.js';
import { isValidMonth, monthOf, previousMonth } from '../fees/statements.js';
import { findMemberById, type MemberWithEmail } from '../members/members.queries.js';
import { canViewMember } from '../members/members.policy.js';
import { findClaim, listClaimsOfMember } from './claims.queries.js';
import { claimDecisionForm, ledgerPeriod, ledgerQuery, submitClaimForm } from './claims.schemas.js';
import { computeMonthlyClaim, decideClaim, loadLedger, submitClaim } from './claims.service.js';
import { ledgerCsv, ledgerFilename } from './ledger-csv.js';

/**
 * Claim pages (issue #18 point 5): a family's monthly claim form (申請書, staff and the family),
 * staff marking it submitted, approved and paid, and the city ledger with its CSV.
 */
export const claimPages = new Hono<AppEnv>();

/** A family's claim page for a month, with a staff form sent back (422) when there is one. */
async function renderClaimPage(
  c: AppContext,
  member: MemberWithEmail,
  month: string,
  sent?: ClaimFormState,
) {
  const user = requireUser(c);
  const [claim, records] = await Promise.all([
    computeMonthlyClaim(c.var.deps, member.id, month),
    listClaimsOfMember(c.var.deps.db, member.id),
  ]);
  return renderPage(
    c,
    ClaimPage,
    {
      member,
      claim,
      records,
      isStaff: isStaff(user),
      today: tokyoDateOf(c.var.deps.clock.now()),
      sent,
    },
    sent ? 422 : 200,
  );
}

claimPages.get('/members/:id/claims/:month', async (c) => {
  const user = requireUser(c);
  const month = c.req.param('month');
  const member = await findMemberById(c.var.deps.db, c.req.param('id'));
  if (!member || member.requester_status === null || !canViewMember(user, member)) throw notFound();
  if (!isValidMonth(month)) throw notFound();
  return renderClaimPage(c, member, month);
});

/**
 * The submit form carries hidden fields only: sent back invalid, the page of its month (or of
 * last month, the latest that can be claimed) says what was wrong.
 */
async function rerenderSubmit(
  c: AppContext,
  errors: Record<string, string>,
  values: Record<string, string>,
) {
  const member = await findMemberById(c.var.deps.db, c.req.param('id') ?? '');
  // No family's page to send it back to: the plain 400 of invalid input (validation comes
  // before the look-up, as the authorization table expects of staff).
  if (!member || member.requester_status === null) throw badRequest();
  const month =
    values.month && isValidMonth(values.month)
      ? values.month
      : previousMonth(monthOf(c.var.deps.clock.now()));
  return renderClaimPage(c, member, month, { form: 'submit', errors, values });
}

/** The staff forms of the claim page. */
const staffForm = formPosts(claimPages, [staffOnly], requireStaff);

staffForm('/members/:id/claims', submitClaimForm, rerenderSubmit, async (c, staff, input) => {
  const id = c.req.param('id') ?? '';
  await submitClaim(c.var.deps, staff, id, input, c.var.clientAddress);
  setFlash(c, 'claims.flash.submitted');
  return c.redirect(`/members/${id}/claims/${input.month}`, 303);
});

/** The city's decision on a claim, sent back with a message beside each field. */
async function rerenderDecision(
  c: AppContext,
  claimId: string,
  errors: Record<string, string>,
  values: Record<string, string>,
) {
  const claim = await findClaim(c.var.deps.db, claimId);
  const member = claim && (await findMemberById(c.var.deps.db, claim.member_id));
  if (!claim || !member) throw badRequest();
  return renderClaimPage(c, member, claim.month, { form: 'decision', claimId, errors, values });
}

/** The rules a decision breaks that belong beside a field. */
const DECISION_FIELD_RULES: FieldRefusals = {
  claim_amount_too_high: ['amount', 'rule.claim_amount_too_high'],
  claim_date_in_future: ['on', 'rule.claim_date_in_future'],
};

for (const step of ['approve', 'pay'] as const) {
  staffForm(
    `/claims/:id/${step}`,
    claimDecisionForm,
    (c, errors, values) => rerenderDecision(c, c.req.param('id') ?? '', errors, values),
    async (c, staff, decision) => {
      const claimId = c.req.param('id') ?? '';
      try {
        const row = await decideClaim(
          c.var.deps,
          staff,
          claimId,
          step,
          decision,
          c.var.clientAddress,
        );
        setFlash(c, 'claims.flash.decided');
        return c.redirect(`/members/${row.member_id}/claims/${row.month}`, 303);
      } catch (err) {
        const errors = fieldRefusal(c, err, DECISION_FIELD_RULES);
        if (!errors) throw err;
        const values = textValues(await c.req.parseBody());
        return rerenderDecision(c, claimId, errors, values);
      }
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
  return renderPage(c, LedgerPage, { ledger, query });
});

claimPages.get('/claims/ledger.csv', staffOnly, async (c) => {
  requireStaff(c);
  const { ledger } = await ledgerOf(c);
  return c.body(ledgerCsv(c.var.t, ledger), 200, csvDownloadHeaders(ledgerFilename(ledger.period)));
});
