import { z } from 'zod';
import { isStaff, type AppDeps } from '../../context.js';
import {
  jsonApi,
  jsonResponse,
  listOf,
  listScopeOf,
  operationsOf,
  pageOf,
} from '../../http/api-route.js';
import { tokyoDateOf } from '../../lib/dates.js';
import { requestAccess, type AccessViewer } from '../access/child-access.policy.js';
import {
  findRequestById,
  listRequestChildren,
  listRequests,
  type RequestRow,
} from './requests.queries.js';
import { requestJson as requestSchema, toRequestJson } from './requests.json.js';
import { cancelBody, createRequestBody, requestListQuery } from './requests.schemas.js';
import {
  cancelRequest,
  createRequests,
  loadVisibleRequest,
  requestsNeedingPreMeeting,
  type RequestViewer,
} from './requests.service.js';

const api = jsonApi();
export const requestsApi = api.router;
const op = operationsOf('requests');

/** Requests as JSON, with what this viewer may see of the family (also for the offers API). */
export async function requestJson(
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
  // An inactive help category (categories/help-category-rules.ts).
  'category_inactive',
  // The sick-child and emergency programme (programme/programme-rules.ts, request-rules.ts).
  'programme_off',
  'programme_category',
  'programme_required',
  'programme_once',
  'programme_hours',
  'programme_max_hours',
  // The sick-child safeguards (programme/sick-care-rules.ts).
  'sick_one_child',
  'checklist_unanswered',
  'sick_excluded',
];
const createRequest = op('signed-in', 'post /requests', {
  summary: 'Request help (requester: own children; staff: requesterId)',
  description:
    'With `recurrence`, a weekly series of linked occurrences; a rule broken on some dates ' +
    'names them in `fields.occurrences`.',
  // Staff naming a requester who is not a member: 404.
  errors: { 404: ['not_found'], 422: REQUEST_RULES },
  body: createRequestBody,
  responses: {
    201: jsonResponse(
      'The request (the first occurrence) and every occurrence',
      z.object({ request: requestSchema, requests: z.array(requestSchema) }),
    ),
  },
});
api.openapi(createRequest, async (c, user) => {
  const body = c.req.valid('json');
  const ids = await createRequests(c.var.deps, user, body, c.var.clientAddress);
  const rows = (await Promise.all(ids.map((id) => findRequestById(c.var.deps.db, id)))).filter(
    (r): r is RequestRow => !!r,
  );
  const json = await requestJson(c.var.deps, rows, isStaff(user) ? 'staff' : 'requester');
  return { request: json[0]!, requests: json };
});

const listRequestsRoute = op('signed-in', 'get /requests', {
  summary: 'Requests in scope: requester own, helper offered/assigned, staff all',
  query: requestListQuery,
  responses: { 200: jsonResponse('A page of requests', listOf(requestSchema)) },
});
api.openapi(listRequestsRoute, async (c, user) => {
  const query = c.req.valid('query');
  const scope = listScopeOf(c, user);
  if (!scope) return pageOf(query, [], 0);
  const { items, total } = await listRequests(c.var.deps.db, scope, query);
  const { member } = scope;
  const json = await requestJson(c.var.deps, items, member ? 'list' : 'staff', member);
  return pageOf(query, json, total);
});

const getRequest = op('signed-in', 'get /requests/{id}', {
  summary: 'A request (with preMeetingRequired)',

  responses: { 200: jsonResponse('The request', requestSchema) },
});
api.openapi(getRequest, async (c, user) => {
  const { request, viewer } = await loadVisibleRequest(c.var.deps, user, c.req.valid('param').id);
  const [json] = await requestJson(
    c.var.deps,
    [request],
    viewer.kind,
    viewer.kind === 'staff' ? undefined : viewer.member,
  );
  return json!;
});

const cancelRoute = op('signed-in', 'post /requests/{id}/cancel', {
  summary: 'Cancel (requester, assigned helper, staff); returns the cancellation fee',
  errors: { 409: ['invalid_transition'], 422: ['no_show_staff_only'] },
  body: cancelBody,
  responses: {
    200: jsonResponse(
      'The cancelled request and the fee charged (yen)',
      z.object({ request: requestSchema, cancellationFee: z.number().int() }),
    ),
  },
});
api.openapi(cancelRoute, async (c, user) => {
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
  return { request: json!, cancellationFee: fee };
});
