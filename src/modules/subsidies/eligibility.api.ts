import { z } from 'zod';
import { requireUser } from '../../auth/guards.js';
import type { AppContext, CurrentUser } from '../../context.js';
import {
  idParam,
  jsonApi,
  jsonRequest,
  jsonResponse,
  listOf,
  type OperationHandler,
  operationsOf,
  responseOf,
  wholeList,
} from '../../http/api-route.js';
import { CERTIFICATION_TYPES, SUBSIDY_CATEGORIES } from './eligibility-rules.js';
import { certificationBody, eligibilityBody, revokeBody } from './eligibility.schemas.js';
import {
  addCertification,
  addEligibility,
  loadExpiringEligibility,
  loadHousehold,
  revokeHouseholdRecord,
  type Household,
} from './eligibility.service.js';

const api = jsonApi();
/** Household eligibility for subsidies and 無償化 certifications (issue #18), as JSON. */
export const eligibilityApi = api.router;
const op = operationsOf('subsidies');

export function toHouseholdJson(h: Household) {
  return {
    memberId: h.member.id,
    eligibility: h.eligibility.map((r) => ({
      id: r.id,
      category: r.category,
      evidence: r.evidence,
      checkedOn: r.checked_on,
      checkedBy: r.checked_by_name,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      note: r.note,
      inForce: r.inForce,
      revoked: r.revoked_at !== null,
    })),
    certifications: h.certifications.map((r) => ({
      id: r.id,
      childId: r.child_id,
      childName: r.child_name,
      certificationType: r.certification_type,
      certificateNo: r.certificate_no,
      taxExempt: r.tax_exempt === 1,
      checkedOn: r.checked_on,
      checkedBy: r.checked_by_name,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      inForce: r.inForce,
      revoked: r.revoked_at !== null,
    })),
  };
}

const householdSchema = responseOf<ReturnType<typeof toHouseholdJson>>()(
  z.object({
    memberId: z.string(),
    eligibility: z.array(
      z.object({
        id: z.string(),
        category: z.string().describe(`one of ${SUBSIDY_CATEGORIES.join(', ')}`),
        evidence: z.string().describe('the document staff saw'),
        checkedOn: z.string(),
        checkedBy: z.string().nullable(),
        validFrom: z.string(),
        validTo: z.string(),
        note: z.string().nullable(),
        inForce: z.boolean(),
        revoked: z.boolean(),
      }),
    ),
    certifications: z.array(
      z.object({
        id: z.string(),
        childId: z.string(),
        childName: z.string(),
        certificationType: z.enum(CERTIFICATION_TYPES),
        certificateNo: z.string(),
        taxExempt: z.boolean(),
        checkedOn: z.string(),
        checkedBy: z.string().nullable(),
        validFrom: z.string(),
        validTo: z.string(),
        inForce: z.boolean(),
        revoked: z.boolean(),
      }),
    ),
  }),
);
const householdResponse = (status: string) => jsonResponse(status, householdSchema);

async function household(c: AppContext, id: string) {
  return toHouseholdJson(await loadHousehold(c.var.deps, requireUser(c), id));
}

/** A staff change to the household in the path (read first: 404 if not one); answers it after. */
async function changeHousehold(
  c: AppContext,
  staff: CurrentUser,
  id: string,
  change: () => Promise<unknown>,
) {
  await loadHousehold(c.var.deps, staff, id);
  await change();
  return household(c, id);
}

const getRoute = op('signed-in', 'get /members/{id}/eligibility', {
  summary:
    'A requester household’s subsidy categories (evidence, validity) and its children’s 無償化 certifications (staff, the family)',
  responses: { 200: householdResponse('The household') },
});
api.openapi(getRoute, (c) => household(c, c.req.valid('param').id));

const addRoute = op('staff', 'post /members/{id}/eligibility', {
  summary:
    'Staff record a subsidy category of the household with the evidence seen and its validity',
  body: eligibilityBody,
  responses: { 201: householdResponse('The household') },
});
api.openapi(addRoute, (c, staff) => {
  const { id } = c.req.valid('param');
  return changeHousehold(c, staff, id, () =>
    addEligibility(c.var.deps, staff, id, c.req.valid('json'), c.var.clientAddress),
  );
});

const certifyRoute = op('staff', 'post /members/{id}/free-childcare-certifications', {
  summary:
    'Staff record a child’s 施設等利用給付認定 (認定区分, number, validity, tax-exempt flag for 0–2)',
  errors: { 422: ['child_not_in_household'] },
  body: certificationBody,
  responses: { 201: householdResponse('The household') },
});
api.openapi(certifyRoute, (c, staff) => {
  const { id } = c.req.valid('param');
  return changeHousehold(c, staff, id, () =>
    addCertification(c.var.deps, staff, id, c.req.valid('json'), c.var.clientAddress),
  );
});

const revokeRoute = (path: string) =>
  op('staff', `post ${path}`, {
    summary: 'Staff revoke a record entered wrongly (kept, marked revoked)',
    errors: { 409: ['record_not_revocable'] },
    request: { params: idParam, body: jsonRequest(revokeBody) },
    responses: { 200: householdResponse('The household') },
  });
/** Staff revoke a record in `table` of the household in the path (its id in the body). */
const revokeIn =
  (
    table: 'household_eligibility' | 'free_childcare_certification',
  ): OperationHandler<ReturnType<typeof revokeRoute>> =>
  (c, staff) => {
    const { id } = c.req.valid('param');
    const { recordId } = c.req.valid('json');
    return changeHousehold(c, staff, id, () =>
      revokeHouseholdRecord(c.var.deps, staff, id, table, recordId, c.var.clientAddress),
    );
  };
api.openapi(revokeRoute('/members/{id}/eligibility/revoke'), revokeIn('household_eligibility'));
api.openapi(
  revokeRoute('/members/{id}/free-childcare-certifications/revoke'),
  revokeIn('free_childcare_certification'),
);

const expiringRoute = op('staff', 'get /eligibility/expiring', {
  summary:
    'Eligibility and certifications in force whose validity ends within a month, soonest first',
  responses: {
    200: jsonResponse(
      'The expiring records',
      listOf(
        z.object({
          kind: z.enum(['eligibility', 'certification']),
          id: z.string(),
          memberId: z.string(),
          name: z.string(),
          what: z.string().describe('the category, or the 認定区分'),
          validTo: z.string(),
        }),
      ),
    ),
  },
});
api.openapi(expiringRoute, async (c) => {
  const rows = await loadExpiringEligibility(c.var.deps);
  return wholeList(
    rows.map((r) => ({
      kind: r.kind,
      id: r.id,
      memberId: r.member_id,
      name: r.name,
      what: r.what,
      validTo: r.valid_to,
    })),
  );
});
