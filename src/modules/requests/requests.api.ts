import { z } from 'zod';
import { requireStaff, requireUser } from '../../auth/guards.js';
import { isStaff } from '../../context.js';
import {
  apiRoute,
  apiRouter,
  emptyBody,
  idParam,
  jsonRequest,
  jsonResponse,
  listOf,
} from '../../http/api-route.js';
import { toTokyoIso, tokyoDateOf } from '../../lib/dates.js';
import { notFound } from '../../lib/errors.js';
import { requestAccess, type AccessViewer } from '../access/child-access.policy.js';
import { findCandidates } from '../matching/candidates.js';
import {
  acceptOffer,
  assignDirectly,
  createOffers,
  declineOffer,
  ownHelperMemberId,
} from '../matching/offers.service.js';
import { correctPreMeeting, recordPreMeeting } from '../matching/pre-meetings.service.js';
import {
  findRequestById,
  listOffersForHelper,
  listPreMeetings,
  listRequestChildren,
  listRequests,
  type RequestRow,
} from './requests.queries.js';
import {
  offerJson,
  requestJson as requestSchema,
  toOfferJson,
  toRequestJson,
} from './requests.json.js';
import {
  assignBody,
  cancelBody,
  createRequestBody,
  declineBody,
  offerBody,
  preMeetingBody,
  preMeetingCorrectionBody,
  requestListQuery,
} from './requests.schemas.js';
import {
  cancelRequest,
  createRequests,
  loadVisibleRequest,
  requestsNeedingPreMeeting,
  type RequestViewer,
} from './requests.service.js';
import type { AppDeps } from '../../context.js';

export const requestsApi = apiRouter();

async function requestJson(
  deps: AppDeps,
  rows: RequestRow[],
  viewerKind: RequestViewer['kind'] | 'list',
  member?: AccessViewer,
) {
  const children = await listRequestChildren(
    deps.db,
    rows.map((r) => r.id),
  );
  const needingPreMeeting = await requestsNeedingPreMeeting(deps, rows);
  const today = tokyoDateOf(deps.clock.now());
  return rows.map((r) =>
    toRequestJson(r, children, {
      preMeetingRequired: needingPreMeeting.has(r.id),
      // The access policy decides what each viewer sees of the family and its children.
      access:
        viewerKind === 'staff' ||
        viewerKind === 'requester' ||
        (viewerKind !== 'offered' && member && requestAccess(member, r) === 'full')
          ? 'full'
          : 'offer',
      today,
    }),
  );
}

/** The rules a new request can break (request-rules.ts and createRequests). */
const REQUEST_RULES = [
  'lead_time',
  'infant_time_limit',
  'service_hours',
  'too_many_children',
  'past_start',
  'child_not_eligible',
  'overlapping_request',
  'requester_not_active',
  'no_occurrences',
  'too_many_occurrences',
  // The sick-child and emergency programme (programme/programme-rules.ts, request-rules.ts).
  'programme_off',
  'programme_category',
  'programme_required',
  'programme_once',
  'programme_hours',
  'programme_max_hours',
];
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
/** The date rules of a pre-meeting (matching/pre-meeting-rules.ts). */
const PRE_MEETING_DATE_RULES = ['pre_meeting_in_future', 'pre_meeting_after_activity'];
const preMeetingJson = z.object({
  id: z.string(),
  requesterId: z.string(),
  helperId: z.string(),
  heldOn: z.string(),
  place: z.string(),
  attendees: z.string(),
  emergencyProcedure: z.string(),
  agreedDetails: z.string().nullable(),
  notes: z.string().nullable(),
});

const createRequest = apiRoute(
  {
    tag: 'requests',
    access: 'signed-in',
    summary: 'Request help (requester: own children; staff: requesterId)',
    description:
      'With `recurrence`, a weekly series of linked occurrences; a rule broken on some dates ' +
      'names them in `fields.occurrences`.',
    // Staff naming a requester who is not a member: 404.
    errors: { 404: ['not_found'], 422: REQUEST_RULES },
  },
  {
    method: 'post',
    path: '/requests',
    request: { body: jsonRequest(createRequestBody) },
    responses: {
      201: jsonResponse(
        'The request (the first occurrence) and every occurrence',
        z.object({ request: requestSchema, requests: z.array(requestSchema) }),
      ),
    },
  },
);
requestsApi.openapi(createRequest, async (c) => {
  const user = requireUser(c);
  const body = c.req.valid('json');
  const ids = await createRequests(c.var.deps, user, body, c.var.clientAddress);
  const rows = (await Promise.all(ids.map((id) => findRequestById(c.var.deps.db, id)))).filter(
    (r): r is RequestRow => !!r,
  );
  const json = await requestJson(c.var.deps, rows, isStaff(user) ? 'staff' : 'requester');
  return c.json({ request: json[0]!, requests: json }, 201);
});

const listRequestsRoute = apiRoute(
  {
    tag: 'requests',
    access: 'signed-in',
    summary: 'Requests in scope: requester own, helper offered/assigned, staff all',
  },
  {
    method: 'get',
    path: '/requests',
    request: { query: requestListQuery },
    responses: { 200: jsonResponse('A page of requests', listOf(requestSchema)) },
  },
);
requestsApi.openapi(listRequestsRoute, async (c) => {
  const user = requireUser(c);
  const query = c.req.valid('query');
  const member = isStaff(user) ? undefined : (c.var.member ?? undefined);
  if (!isStaff(user) && !member)
    return c.json({ items: [], total: 0, page: query.page, pageSize: query.pageSize }, 200);
  const { items, total } = await listRequests(
    c.var.deps.db,
    member ? { kind: 'member', memberId: member.id } : { kind: 'staff' },
    query,
  );
  return c.json(
    {
      items: await requestJson(c.var.deps, items, member ? 'list' : 'staff', member),
      total,
      page: query.page,
      pageSize: query.pageSize,
    },
    200,
  );
});

const getRequest = apiRoute(
  { tag: 'requests', access: 'signed-in', summary: 'A request (with preMeetingRequired)' },
  {
    method: 'get',
    path: '/requests/{id}',
    request: { params: idParam },
    responses: { 200: jsonResponse('The request', requestSchema) },
  },
);
requestsApi.openapi(getRequest, async (c) => {
  const user = requireUser(c);
  const { request, viewer } = await loadVisibleRequest(c.var.deps, user, c.req.valid('param').id);
  const [json] = await requestJson(
    c.var.deps,
    [request],
    viewer.kind,
    viewer.kind === 'staff' ? undefined : viewer.member,
  );
  return c.json(json!, 200);
});

const candidatesRoute = apiRoute(
  {
    tag: 'matching',
    access: 'staff',
    summary: 'Ranked candidate helpers with reasons; ?include=excluded adds the excluded with why',
  },
  {
    method: 'get',
    path: '/requests/{id}/candidates',
    request: {
      params: idParam,
      query: z.object({ include: z.string().optional().describe('`excluded`') }),
    },
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
            .array(
              z.object({ helperId: z.string(), name: z.string(), reasons: z.array(reasonJson) }),
            )
            .optional(),
        }),
      ),
    },
  },
);
requestsApi.openapi(candidatesRoute, async (c) => {
  requireStaff(c);
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
  return c.json(
    {
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
    },
    200,
  );
});

const createOffersRoute = apiRoute(
  {
    tag: 'matching',
    access: 'staff',
    summary: 'Offer a request to one or several helpers',
    errors: {
      409: ['invalid_transition'],
      422: ['past_start', 'unknown_helper', ...HARD_FILTERS],
    },
  },
  {
    method: 'post',
    path: '/requests/{id}/offers',
    request: { params: idParam, body: jsonRequest(offerBody) },
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
  },
);
requestsApi.openapi(createOffersRoute, async (c) => {
  const staff = requireStaff(c);
  const { helperIds } = c.req.valid('json');
  const request = await findRequestById(c.var.deps.db, c.req.valid('param').id);
  if (!request) throw notFound();
  const offers = await createOffers(c.var.deps, staff, request, helperIds, c.var.clientAddress);
  return c.json(
    {
      offers: offers
        .filter((o) => helperIds.includes(o.helper_member_id))
        .map((o) => ({ id: o.id, helperId: o.helper_member_id, status: o.status })),
    },
    201,
  );
});

const assignRoute = apiRoute(
  {
    tag: 'matching',
    access: 'staff',
    summary: 'Assign a helper directly (agreed by phone)',
    errors: { 409: ACCEPT_CONFLICTS, 422: ['past_start', 'unknown_helper', ...HARD_FILTERS] },
  },
  {
    method: 'post',
    path: '/requests/{id}/assign',
    request: { params: idParam, body: jsonRequest(assignBody) },
    responses: { 200: jsonResponse('The matched request', requestSchema) },
  },
);
requestsApi.openapi(assignRoute, async (c) => {
  const staff = requireStaff(c);
  const { helperId } = c.req.valid('json');
  const request = await findRequestById(c.var.deps.db, c.req.valid('param').id);
  if (!request) throw notFound();
  const updated = await assignDirectly(c.var.deps, staff, request, helperId, c.var.clientAddress);
  const [json] = await requestJson(c.var.deps, [updated], 'staff');
  return c.json(json!, 200);
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
const listOffersRoute = apiRoute(
  {
    tag: 'matching',
    access: 'member',
    summary: 'The signed-in helper’s offers',
    errors: { 404: ['not_found'] },
  },
  {
    method: 'get',
    path: '/offers',
    responses: { 200: jsonResponse('The offers (one page)', listOf(offerWithRequest)) },
  },
);
requestsApi.openapi(listOffersRoute, async (c) => {
  const user = requireUser(c);
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
  return c.json({ items, total: items.length, page: 1, pageSize: items.length }, 200);
});

const acceptRoute = apiRoute(
  {
    tag: 'matching',
    access: 'member',
    summary: 'Accept an offer: the first acceptance wins',
    errors: { 409: ACCEPT_CONFLICTS },
  },
  {
    method: 'post',
    path: '/offers/{id}/accept',
    request: { params: idParam, body: jsonRequest(emptyBody) },
    responses: {
      200: jsonResponse(
        'The accepted offer and the matched request',
        z.object({ offer: offerJson, request: requestSchema }),
      ),
    },
  },
);
requestsApi.openapi(acceptRoute, async (c) => {
  const user = requireUser(c);
  const { offer, request } = await acceptOffer(
    c.var.deps,
    user,
    c.req.valid('param').id,
    c.var.clientAddress,
  );
  const [json] = await requestJson(c.var.deps, [request], 'helper', c.var.member ?? undefined);
  return c.json({ offer: toOfferJson(offer), request: json! }, 200);
});

const declineRoute = apiRoute(
  {
    tag: 'matching',
    access: 'member',
    summary: 'Decline an offer',
    errors: { 409: ['invalid_transition'] },
  },
  {
    method: 'post',
    path: '/offers/{id}/decline',
    request: { params: idParam, body: jsonRequest(declineBody) },
    responses: { 200: jsonResponse('The declined offer', z.object({ offer: offerJson })) },
  },
);
requestsApi.openapi(declineRoute, async (c) => {
  const user = requireUser(c);
  const { reason } = c.req.valid('json');
  return c.json(
    {
      offer: toOfferJson(
        await declineOffer(c.var.deps, user, c.req.valid('param').id, reason, c.var.clientAddress),
      ),
    },
    200,
  );
});

const cancelRoute = apiRoute(
  {
    tag: 'requests',
    access: 'signed-in',
    summary: 'Cancel (requester, assigned helper, staff); returns the cancellation fee',
    errors: { 409: ['invalid_transition'], 422: ['no_show_staff_only'] },
  },
  {
    method: 'post',
    path: '/requests/{id}/cancel',
    request: { params: idParam, body: jsonRequest(cancelBody) },
    responses: {
      200: jsonResponse(
        'The cancelled request and the fee charged (yen)',
        z.object({ request: requestSchema, cancellationFee: z.number().int() }),
      ),
    },
  },
);
requestsApi.openapi(cancelRoute, async (c) => {
  const user = requireUser(c);
  const body = c.req.valid('json');
  const { request, viewer } = await loadVisibleRequest(c.var.deps, user, c.req.valid('param').id);
  const { fee } = await cancelRequest(c.var.deps, viewer, request, body, c.var.clientAddress);
  const updated = (await findRequestById(c.var.deps.db, request.id))!;
  const [json] = await requestJson(
    c.var.deps,
    [updated],
    viewer.kind,
    viewer.kind === 'staff' ? undefined : viewer.member,
  );
  return c.json({ request: json!, cancellationFee: fee }, 200);
});

const listPreMeetingsRoute = apiRoute(
  { tag: 'matching', access: 'signed-in', summary: 'Pre-meetings (staff all; members their own)' },
  {
    method: 'get',
    path: '/pre-meetings',
    responses: {
      200: jsonResponse(
        'The pre-meetings (one page)',
        listOf(
          preMeetingJson.extend({
            requesterName: z.string(),
            helperName: z.string(),
            fiscalYear: z.number().int(),
          }),
        ),
      ),
    },
  },
);
requestsApi.openapi(listPreMeetingsRoute, async (c) => {
  const user = requireUser(c);
  const member = isStaff(user) ? undefined : (c.var.member ?? undefined);
  if (!isStaff(user) && !member) return c.json({ items: [], total: 0, page: 1, pageSize: 0 }, 200);
  const rows = await listPreMeetings(
    c.var.deps.db,
    member ? { kind: 'member', memberId: member.id } : { kind: 'staff' },
  );
  const items = rows.map((p) => ({
    id: p.id,
    requesterId: p.requester_member_id,
    helperId: p.helper_member_id,
    requesterName: p.requester_name,
    helperName: p.helper_name,
    heldOn: p.held_on,
    fiscalYear: p.fiscal_year,
    place: p.place,
    attendees: p.attendees,
    emergencyProcedure: p.emergency_procedure,
    agreedDetails: p.agreed_details,
    notes: p.notes,
  }));
  return c.json({ items, total: items.length, page: 1, pageSize: items.length }, 200);
});

const createPreMeetingRoute = apiRoute(
  {
    tag: 'matching',
    access: 'staff',
    summary: 'Record a pre-meeting (valid for the fiscal year)',
    errors: { 422: ['unknown_pair', ...PRE_MEETING_DATE_RULES] },
  },
  {
    method: 'post',
    path: '/pre-meetings',
    request: { body: jsonRequest(preMeetingBody) },
    responses: { 201: jsonResponse('The pre-meeting', preMeetingJson) },
  },
);
requestsApi.openapi(createPreMeetingRoute, async (c) => {
  const staff = requireStaff(c);
  const body = c.req.valid('json');
  const id = await recordPreMeeting(c.var.deps, staff, body, c.var.clientAddress);
  return c.json({ id, ...body }, 201);
});

const correctPreMeetingRoute = apiRoute(
  {
    tag: 'matching',
    access: 'staff',
    summary:
      'Staff correct a pre-meeting record (same date rules; the earlier version is kept with the reason)',
    errors: { 404: ['not_found'], 409: ['stale_version'], 422: PRE_MEETING_DATE_RULES },
  },
  {
    method: 'put',
    path: '/pre-meetings/{id}',
    request: { params: idParam, body: jsonRequest(preMeetingCorrectionBody) },
    responses: { 200: jsonResponse('The corrected pre-meeting', preMeetingJson) },
  },
);
requestsApi.openapi(correctPreMeetingRoute, async (c) => {
  const staff = requireStaff(c);
  const p = await correctPreMeeting(
    c.var.deps,
    staff,
    c.req.valid('param').id,
    c.req.valid('json'),
    c.var.clientAddress,
  );
  return c.json(
    {
      id: p.id,
      requesterId: p.requester_member_id,
      helperId: p.helper_member_id,
      heldOn: p.held_on,
      place: p.place,
      attendees: p.attendees,
      emergencyProcedure: p.emergency_procedure,
      agreedDetails: p.agreed_details,
      notes: p.notes,
    },
    200,
  );
});
