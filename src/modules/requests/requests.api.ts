import { Hono } from 'hono';
import { z } from 'zod';
import { requireStaff, requireUser } from '../../auth/guards.js';
import { isStaff, type AppEnv } from '../../context.js';
import { parseQuery, readJson } from '../../http/json.js';
import { toTokyoIso } from '../../lib/dates.js';
import { notFound } from '../../lib/errors.js';
import type { ApiRouteDoc } from '../../lib/openapi.js';
import { findMemberByUserId } from '../members/members.queries.js';
import { findCandidates } from '../matching/candidates.js';
import {
  acceptOffer,
  assignDirectly,
  createOffers,
  declineOffer,
  ownHelperMemberId,
} from '../matching/offers.service.js';
import { recordPreMeeting } from '../matching/pre-meetings.service.js';
import {
  findRequestById,
  listOffersForHelper,
  listPreMeetings,
  listRequestChildren,
  listRequests,
  type RequestRow,
} from './requests.queries.js';
import { toOfferJson, toRequestJson } from './requests.json.js';
import {
  assignBody,
  cancelBody,
  createRequestBody,
  declineBody,
  offerBody,
  preMeetingBody,
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

export const requestsApi = new Hono<AppEnv>();

async function requestJson(
  deps: AppDeps,
  rows: RequestRow[],
  viewerKind: RequestViewer['kind'] | 'list',
  memberId?: string,
) {
  const children = await listRequestChildren(
    deps.db,
    rows.map((r) => r.id),
  );
  const needingPreMeeting = await requestsNeedingPreMeeting(deps, rows);
  return rows.map((r) =>
    toRequestJson(r, children, {
      preMeetingRequired: needingPreMeeting.has(r.id),
      // Names are for staff, the family and the helper who accepted; not for a mere offer.
      showNames:
        viewerKind === 'staff' ||
        r.requester_member_id === memberId ||
        r.helper_member_id === memberId,
    }),
  );
}

requestsApi.post('/requests', async (c) => {
  const user = requireUser(c);
  const body = await readJson(c, createRequestBody);
  const ids = await createRequests(c.var.deps, user, body, c.var.clientAddress);
  const rows = (await Promise.all(ids.map((id) => findRequestById(c.var.deps.db, id)))).filter(
    (r): r is RequestRow => !!r,
  );
  const json = await requestJson(
    c.var.deps,
    rows,
    isStaff(user) ? 'staff' : 'requester',
    rows[0]?.requester_member_id,
  );
  return c.json({ request: json[0], requests: json }, 201);
});

requestsApi.get('/requests', async (c) => {
  const user = requireUser(c);
  const query = parseQuery(c, requestListQuery);
  const member = isStaff(user) ? undefined : await findMemberByUserId(c.var.deps.db, user.id);
  if (!isStaff(user) && !member)
    return c.json({ items: [], total: 0, page: query.page, pageSize: query.pageSize });
  const { items, total } = await listRequests(
    c.var.deps.db,
    member ? { kind: 'member', memberId: member.id } : { kind: 'staff' },
    query,
  );
  return c.json({
    items: await requestJson(c.var.deps, items, member ? 'list' : 'staff', member?.id),
    total,
    page: query.page,
    pageSize: query.pageSize,
  });
});

requestsApi.get('/requests/:id', async (c) => {
  const user = requireUser(c);
  const { request, viewer } = await loadVisibleRequest(c.var.deps, user, c.req.param('id'));
  const [json] = await requestJson(
    c.var.deps,
    [request],
    viewer.kind,
    viewer.kind === 'staff' ? undefined : viewer.member.id,
  );
  return c.json(json);
});

requestsApi.get('/requests/:id/candidates', async (c) => {
  requireStaff(c);
  const request = await findRequestById(c.var.deps.db, c.req.param('id'));
  if (!request) throw notFound();
  const { candidates, excluded } = await findCandidates(c.var.deps, request);
  const items = candidates.map((x) => ({
    helperId: x.helperId,
    name: x.name,
    score: x.score,
    reasons: x.reasons,
    paired: x.paired,
  }));
  const includeExcluded = c.req.query('include') === 'excluded';
  return c.json({
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
  });
});

requestsApi.post('/requests/:id/offers', async (c) => {
  const staff = requireStaff(c);
  const { helperIds } = await readJson(c, offerBody);
  const request = await findRequestById(c.var.deps.db, c.req.param('id'));
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

requestsApi.post('/requests/:id/assign', async (c) => {
  const staff = requireStaff(c);
  const { helperId } = await readJson(c, assignBody);
  const request = await findRequestById(c.var.deps.db, c.req.param('id'));
  if (!request) throw notFound();
  const updated = await assignDirectly(c.var.deps, staff, request, helperId, c.var.clientAddress);
  const [json] = await requestJson(c.var.deps, [updated], 'staff');
  return c.json(json);
});

requestsApi.get('/offers', async (c) => {
  const user = requireUser(c);
  const helper = await ownHelperMemberId(c.var.deps, user);
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
  return c.json({ items, total: items.length, page: 1, pageSize: items.length });
});

requestsApi.post('/offers/:id/accept', async (c) => {
  const user = requireUser(c);
  await readJson(c, z.object({}).strict());
  const { offer, request } = await acceptOffer(
    c.var.deps,
    user,
    c.req.param('id'),
    c.var.clientAddress,
  );
  const member = await findMemberByUserId(c.var.deps.db, user.id);
  const [json] = await requestJson(c.var.deps, [request], 'helper', member?.id);
  return c.json({ offer: toOfferJson(offer), request: json });
});

requestsApi.post('/offers/:id/decline', async (c) => {
  const user = requireUser(c);
  const { reason } = await readJson(c, declineBody);
  return c.json({
    offer: toOfferJson(
      await declineOffer(c.var.deps, user, c.req.param('id'), reason, c.var.clientAddress),
    ),
  });
});

requestsApi.post('/requests/:id/cancel', async (c) => {
  const user = requireUser(c);
  const body = await readJson(c, cancelBody);
  const { request, viewer } = await loadVisibleRequest(c.var.deps, user, c.req.param('id'));
  const { fee } = await cancelRequest(c.var.deps, viewer, request, body, c.var.clientAddress);
  const updated = (await findRequestById(c.var.deps.db, request.id))!;
  const [json] = await requestJson(
    c.var.deps,
    [updated],
    viewer.kind,
    viewer.kind === 'staff' ? undefined : viewer.member.id,
  );
  return c.json({ request: json, cancellationFee: fee });
});

requestsApi.get('/pre-meetings', async (c) => {
  const user = requireUser(c);
  const member = isStaff(user) ? undefined : await findMemberByUserId(c.var.deps.db, user.id);
  if (!isStaff(user) && !member) return c.json({ items: [], total: 0, page: 1, pageSize: 0 });
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
  return c.json({ items, total: items.length, page: 1, pageSize: items.length });
});

requestsApi.post('/pre-meetings', async (c) => {
  const staff = requireStaff(c);
  const body = await readJson(c, preMeetingBody);
  const id = await recordPreMeeting(c.var.deps, staff, body, c.var.clientAddress);
  return c.json({ id, ...body }, 201);
});

const notYours = { 401: 'Not signed in', 404: 'Not found or not yours' };
export const requestsApiDocs: ApiRouteDoc[] = [
  {
    method: 'post',
    path: '/requests',
    tag: 'requests',
    access: 'signed-in',
    body: createRequestBody,
    summary:
      'Request help (requester: own children; staff: requesterId). With `recurrence`, a weekly series of linked occurrences',
    responses: {
      201: '{ request, requests }',
      400: 'Invalid input',
      ...notYours,
      422: 'lead_time, infant_time_limit, service_hours, child_not_eligible, overlapping_request, too_many_children, past_start, requester_not_active',
    },
  },
  {
    method: 'get',
    path: '/requests',
    tag: 'requests',
    access: 'signed-in',
    query: requestListQuery,
    summary: 'Requests in scope: requester own, helper offered/assigned, staff all',
    responses: { 200: 'List of Request', 401: 'Not signed in' },
  },
  {
    method: 'get',
    path: '/requests/{id}',
    tag: 'requests',
    access: 'signed-in',
    summary: 'A request (with preMeetingRequired)',
    responses: { 200: 'Request', ...notYours },
  },
  {
    method: 'get',
    path: '/requests/{id}/candidates',
    tag: 'matching',
    access: 'staff',
    summary: 'Ranked candidate helpers with reasons; ?include=excluded adds the excluded with why',
    responses: { 200: '{ items, excluded? }', 403: 'Not staff', 404: 'Not found' },
  },
  {
    method: 'post',
    path: '/requests/{id}/offers',
    tag: 'matching',
    access: 'staff',
    body: offerBody,
    summary: 'Offer a request to one or several helpers',
    responses: {
      201: '{ offers }',
      403: 'Not staff',
      404: 'Not found',
      409: 'invalid_transition',
      422: 'A hard filter excludes a helper (not_qualified, unavailable, already_assigned, …)',
    },
  },
  {
    method: 'post',
    path: '/requests/{id}/assign',
    tag: 'matching',
    access: 'staff',
    body: assignBody,
    summary: 'Assign a helper directly (agreed by phone)',
    responses: {
      200: 'Request',
      403: 'Not staff',
      404: 'Not found',
      409: 'already_matched',
      422: 'A hard filter excludes the helper',
    },
  },
  {
    method: 'get',
    path: '/offers',
    tag: 'matching',
    access: 'member',
    summary: 'The signed-in helper’s offers',
    responses: { 200: 'List of Offer', ...notYours },
  },
  {
    method: 'post',
    path: '/offers/{id}/accept',
    tag: 'matching',
    access: 'member',
    summary: 'Accept an offer: the first acceptance wins',
    responses: {
      200: '{ offer, request }',
      ...notYours,
      409: 'already_matched, offer_expired, request_cancelled, helper_double_booked',
    },
  },
  {
    method: 'post',
    path: '/offers/{id}/decline',
    tag: 'matching',
    access: 'member',
    body: declineBody,
    summary: 'Decline an offer',
    responses: { 200: '{ offer }', ...notYours, 409: 'invalid_transition' },
  },
  {
    method: 'post',
    path: '/requests/{id}/cancel',
    tag: 'requests',
    access: 'signed-in',
    body: cancelBody,
    summary: 'Cancel (requester, assigned helper, staff); returns the cancellation fee',
    responses: {
      200: '{ request, cancellationFee }',
      ...notYours,
      409: 'invalid_transition',
      422: 'no_show_staff_only',
    },
  },
  {
    method: 'get',
    path: '/pre-meetings',
    tag: 'matching',
    access: 'signed-in',
    summary: 'Pre-meetings (staff all; members their own)',
    responses: { 200: 'List', 401: 'Not signed in' },
  },
  {
    method: 'post',
    path: '/pre-meetings',
    tag: 'matching',
    access: 'staff',
    body: preMeetingBody,
    summary: 'Record a pre-meeting (valid for the fiscal year)',
    responses: { 201: 'PreMeeting', 403: 'Not staff', 422: 'unknown_pair' },
  },
];
