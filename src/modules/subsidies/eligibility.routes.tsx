import { Hono } from 'hono';
import { requireStaff } from '../../auth/guards.js';
import type { AppContext, AppEnv } from '../../context.js';
import { render, setFlash, viewContext } from '../../http/render.js';
import { formBody, staffOnly } from '../../http/validate.js';
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
  return render(
    c,
    <EligibilityPage
      ctx={viewContext(c)}
      memberId={h.member.id}
      memberName={h.member.name}
      householdChildren={h.children}
      eligibility={json.eligibility}
      certifications={json.certifications}
      today={h.today}
      {...extra}
    />,
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

eligibilityPages.post(
  '/members/:id/eligibility',
  staffOnly,
  formBody(eligibilityForm, (c, errors, values) =>
    renderHousehold(c, { form: 'eligibility', errors, values }, 422),
  ),
  async (c) => {
    const staff = requireStaff(c);
    const { member } = await loadHousehold(c.var.deps, staff, c.req.param('id'));
    await addEligibility(c.var.deps, staff, member.id, c.req.valid('form'), c.var.clientAddress);
    setFlash(c, 'subsidies.flash.saved');
    return c.redirect(`/members/${member.id}/eligibility`, 303);
  },
);

eligibilityPages.post(
  '/members/:id/free-childcare',
  staffOnly,
  formBody(certificationForm, (c, errors, values) =>
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
  ),
  async (c) => {
    const staff = requireStaff(c);
    const { member } = await loadHousehold(c.var.deps, staff, c.req.param('id'));
    await addCertification(c.var.deps, staff, member.id, c.req.valid('form'), c.var.clientAddress);
    setFlash(c, 'subsidies.flash.saved');
    return c.redirect(`/members/${member.id}/eligibility`, 303);
  },
);

for (const [path, table] of [
  ['/members/:id/eligibility/revoke', 'household_eligibility'],
  ['/members/:id/free-childcare/revoke', 'free_childcare_certification'],
] as const)
  eligibilityPages.post(
    path,
    staffOnly,
    formBody(revokeForm, (c) => renderHousehold(c, {}, 422)),
    async (c) => {
      const staff = requireStaff(c);
      const { member } = await loadHousehold(c.var.deps, staff, c.req.param('id'));
      const { recordId } = c.req.valid('form');
      await revokeHouseholdRecord(
        c.var.deps,
        staff,
        member.id,
        table,
        recordId,
        c.var.clientAddress,
      );
      setFlash(c, 'subsidies.flash.revoked');
      return c.redirect(`/members/${member.id}/eligibility`, 303);
    },
  );
