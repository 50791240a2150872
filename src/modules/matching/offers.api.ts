import { z } from 'zod';
import {
  emptyBody,
  jsonApi,
  jsonResponse,
  listOf,
  operationsOf,
  wholeList,
} from '../../http/api-route.js';
import { toTokyoIso } from '../../lib/dates.js';
import { notFound } from '../../lib/errors.js';
import { requestJson } from '../requests/requests.api.js';
import { findRequestById, listOffersForHelper } from '../requests/requests.queries.js';
import { offerJson, requestJson as requestSchema, toOfferJson } from '../requests/requests.json.js';
import { assignBody, declineBody, offerBody } from '../requests/requests.schemas.js';
import { findCandidates } from './candidates.js';
import {
  acceptOffer,
  assignDirectly,
  createOffers,
  declineOffer,
  ownHelperMemberId,
} from './offers.service.js';

const api = jsonApi();
/** Candidates, offers and direct assignment of a request (the matching of the staff board). */
export const offersApi = api.router;
const op = operationsOf('matching');

/** Hard filters that refuse an offer or an assignment (matching/ranking.ts ExclusionCode). */
const HARD_FILTERS = [
  'not_active',
  'not_qualified',
  'no_sick_child_qualification',
  'unavailable',
  'exception_that_day',
  'already_assigned',
  'too_many_children',
  'child_age_outside_preference',
  'blocked_by_family',
  'is_requester',
];
const ACCEPT_CONFLICTS = [
  'already_matched',
  'request_cancelled',
  'offer_expired',
  'helper_double_booked',
  'helper_not_active',
  'invalid_transition',
];
const reasonJson = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
const candidatesRoute = op('staff', 'get /requests/{id}/candidates', {
  summary: 'Ranked candidate helpers with reasons; ?include=excluded adds the excluded with why',
  query: z.object({ include: z.string().optional().describe('`excluded`') }),
  responses: {
    200: jsonResponse(
      'Candidates, best first',
      z.object({
        items: z.array(
          z.object({
            helperId: z.string(),
            name: z.string(),
            score: z.number(),
            reasons: z.array(reasonJson),
            paired: z.boolean(),
          }),
        ),
        excluded: z
          .array(z.object({ helperId: z.string(), name: z.string(), reasons: z.array(reasonJson) }))
          .optional(),
      }),
    ),
  },
});
api.openapi(candidatesRoute, async (c) => {
  const request = await findRequestById(c.var.deps.db, c.req.valid('param').id);
  if (!request) throw notFound();
  const { candidates, excluded } = await findCandidates(c.var.deps, request);
  const items = candidates.map((x) => ({
    helperId: x.helperId,
    name: x.name,
    score: x.score,
    reasons: x.reasons,
    paired: x.paired,
  }));
  const includeExcluded = c.req.valid('query').include === 'excluded';
  return {
    items,
    ...(includeExcluded
      ? {
          excluded: excluded.map((x) => ({
            helperId: x.helperId,
            name: x.name,
            reasons: x.reasons,
          })),
        }
      : {}),
  };
});

const createOffersRoute = op('staff', 'post /requests/{id}/offers', {
  summary: 'Offer a request to one or several helpers',
  errors: {
    409: ['invalid_transition'],
    422: ['past_start', 'unknown_helper', ...HARD_FILTERS],
  },
  body: offerBody,
  responses: {
    201: jsonResponse(
      'The offers made',
      z.object({
        offers: z.array(
          z.object({ id: z.string(), helperId: z.string(), status: offerJson.shape.status }),
        ),
      }),
    ),
  },
});
api.openapi(createOffersRoute, async (c, staff) => {
  const { helperIds } = c.req.valid('json');
  const request = await findRequestById(c.var.deps.db, c.req.valid('param').id);
  if (!request) throw notFound();
  const offers = await createOffers(c.var.deps, staff, request, helperIds, c.var.clientAddress);
  return {
    offers: offers
      .filter((o) => helperIds.includes(o.helper_member_id))
      .map((o) => ({ id: o.id, helperId: o.helper_member_id, status: o.status })),
  };
});

const assignRoute = op('staff', 'post /requests/{id}/assign', {
  summary: 'Assign a helper directly (agreed by phone)',
  errors: { 409: ACCEPT_CONFLICTS, 422: ['past_start', 'unknown_helper', ...HARD_FILTERS] },
  body: assignBody,
  responses: { 200: jsonResponse('The matched request', requestSchema) },
});
api.openapi(assignRoute, async (c, staff) => {
  const { helperId } = c.req.valid('json');
  const request = await findRequestById(c.var.deps.db, c.req.valid('param').id);
  if (!request) throw notFound();
  const updated = await assignDirectly(c.var.deps, staff, request, helperId, c.var.clientAddress);
  const [json] = await requestJson(c.var.deps, [updated], 'staff');
  return json!;
});

const offerWithRequest = offerJson.extend({
  request: z.object({
    startsAt: z.string(),
    endsAt: z.string(),
    category: z.number().int(),
    status: requestSchema.shape.status,
    area: z.string().nullable(),
    careLocation: requestSchema.shape.careLocation,
  }),
});
const listOffersRoute = op('member', 'get /offers', {
  summary: 'The signed-in helper’s offers',
  errors: { 404: ['not_found'] },
  responses: { 200: jsonResponse('The offers (one page)', listOf(offerWithRequest)) },
});
api.openapi(listOffersRoute, async (c, user) => {
  const helper = await ownHelperMemberId(c.var.deps, user, { member: c.var.member });
  const rows = await listOffersForHelper(c.var.deps.db, helper.id);
  const items = rows.map((o) => ({
    ...toOfferJson(o),
    request: {
      startsAt: toTokyoIso(o.starts_at),
      endsAt: toTokyoIso(o.ends_at),
      category: o.category,
      status: o.request_status,
      area: o.requester_area,
      careLocation: o.care_location,
    },
  }));
  return wholeList(items);
});

const acceptRoute = op('member', 'post /offers/{id}/accept', {
  summary: 'Accept an offer: the first acceptance wins',
  errors: { 409: ACCEPT_CONFLICTS },
  body: emptyBody,
  responses: {
    200: jsonResponse(
      'The accepted offer and the matched request',
      z.object({ offer: offerJson, request: requestSchema }),
    ),
  },
});
api.openapi(acceptRoute, async (c, user) => {
  const { offer, request } = await acceptOffer(
    c.var.deps,
    user,
    c.req.valid('param').id,
    c.var.clientAddress,
  );
  const [json] = await requestJson(c.var.deps, [request], 'helper', c.var.member ?? undefined);
  return { offer: toOfferJson(offer), request: json! };
});

const declineRoute = op('member', 'post /offers/{id}/decline', {
  summary: 'Decline an offer',
  errors: { 409: ['invalid_transition'] },
  body: declineBody,
  responses: { 200: jsonResponse('The declined offer', z.object({ offer: offerJson })) },
});
api.openapi(declineRoute, async (c, user) => {
  const { reason } = c.req.valid('json');
  return {
    offer: toOfferJson(
      await declineOffer(c.var.deps, user, c.req.valid('param').id, reason, c.var.clientAddress),
    ),
  };
});
