import { Hono } from 'hono';
import { requireStaff } from '../../auth/guards.js';
import type { AppContext, AppEnv, CurrentUser } from '../../context.js';
import { formPosts } from '../../http/form-posts.js';
import { renderPage, setFlash } from '../../http/render.js';
import { staffOnly } from '../../http/validate.js';
import {
  EligibilityPage,
  type EligibilityPageProps,
} from '../../../views/pages/payments/eligibility.js';
import { toHouseholdJson } from './eligibility.api.js';
import { certificationForm, eligibilityForm, revokeForm } from './eligibility.schemas.js';
import {
  addCertification,
  addEligibility,
  loadHousehold,
  revokeHouseholdRecord,
} from './eligibility.service.js';

/** Staff pages of a household's subsidy eligibility and 無償化 certifications (issue #18). */
export const eligibilityPages = new Hono<AppEnv>();

async function renderHousehold(
  c: AppContext,
  extra: Pick<EligibilityPageProps, 'form' | 'errors' | 'values'> = {},
  status: 200 | 422 = 200,
) {
  const h = await loadHousehold(c.var.deps, requireStaff(c), c.req.param('id') ?? '');
  const json = toHouseholdJson(h);
  return renderPage(
    c,
    EligibilityPage,
    {
      memberId: h.member.id,
      memberName: h.member.name,
      householdChildren: h.children,
      eligibility: json.eligibility,
      certifications: json.certifications,
      today: h.today,
      ...extra,
    },
    status,
  );
}

/** The certification form's date fields are named apart (`certValidTo`…): its errors follow. */
const CERT_FIELDS: Record<string, string> = {
  checkedOn: 'certCheckedOn',
  validFrom: 'certValidFrom',
  validTo: 'certValidTo',
};

eligibilityPages.get('/members/:id/eligibility', staffOnly, (c) => renderHousehold(c));

const staffForm = formPosts(eligibilityPages, [staffOnly], requireStaff);

/** Records a change of the household of the path, then back to its page with the notice. */
async function changeHousehold(
  c: AppContext,
  staff: CurrentUser,
  notice: 'subsidies.flash.saved' | 'subsidies.flash.revoked',
  change: (memberId: string) => Promise<unknown>,
) {
  const { member } = await loadHousehold(c.var.deps, staff, c.req.param('id') ?? '');
  await change(member.id);
  setFlash(c, notice);
  return c.redirect(`/members/${member.id}/eligibility`, 303);
}

staffForm(
  '/members/:id/eligibility',
  eligibilityForm,
  (c, errors, values) => renderHousehold(c, { form: 'eligibility', errors, values }, 422),
  (c, staff, form) =>
    changeHousehold(c, staff, 'subsidies.flash.saved', (memberId) =>
      addEligibility(c.var.deps, staff, memberId, form, c.var.clientAddress),
    ),
);

staffForm(
  '/members/:id/free-childcare',
  certificationForm,
  (c, errors, values) =>
    renderHousehold(
      c,
      {
        form: 'certification',
        errors: Object.fromEntries(
          Object.entries(errors).map(([k, v]) => [CERT_FIELDS[k] ?? k, v]),
        ),
        values,
      },
      422,
    ),
  (c, staff, form) =>
    changeHousehold(c, staff, 'subsidies.flash.saved', (memberId) =>
      addCertification(c.var.deps, staff, memberId, form, c.var.clientAddress),
    ),
);

for (const [path, table] of [
  ['/members/:id/eligibility/revoke', 'household_eligibility'],
  ['/members/:id/free-childcare/revoke', 'free_childcare_certification'],
] as const)
  staffForm(
    path,
    revokeForm,
    (c) => renderHousehold(c, {}, 422),
    (c, staff, { recordId }) =>
      changeHousehold(c, staff, 'subsidies.flash.revoked', (memberId) =>
        revokeHouseholdRecord(c.var.deps, staff, memberId, table, recordId, c.var.clientAddress),
      ),
  );
