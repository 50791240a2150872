import { z } from 'zod';
import { requireUser } from '../../auth/guards.js';
import { createMiddleware } from 'hono/factory';
import { isStaff, type AppEnv } from '../../context.js';
import {
  idParam,
  jsonApi,
  jsonRequest,
  jsonResponse,
  listOf,
  onObject,
  operationsOf,
  pageOf,
  wholeList,
} from '../../http/api-route.js';
import { notFound } from '../../lib/errors.js';
import { auditHealthReads, loadVisibleChild } from './children.access.js';
import { findMemberById, listChildren, listMembers } from './members.queries.js';
import {
  childSchema,
  contactRowSchema,
  memberSchema,
  toChildJson,
  toMemberJson,
} from './members.json.js';
import {
  applicationBody,
  childBody,
  childPatchBody,
  contactBody,
  memberListQuery,
  memberPatchBody,
  sideBody,
  suspendBody,
  withdrawBody,
} from './members.schemas.js';
import {
  addAuthorizedPickup,
  addChild,
  addEmergencyContact,
  applyForMembership,
  approveSide,
  giveHealthConsent,
  reactivateSide,
  suspendSide,
  updateChild,
  updateMember,
  withdrawMember,
} from './members.service.js';
import { loadVisibleMember, memberInScope } from './member-scope.js';

const healthConsentBody = z.object({ healthData: z.literal(true) }).strict();

const api = jsonApi();
export const membersApi = api.router;
const op = operationsOf('members');
const childrenOp = operationsOf('children');

const childInScope = createMiddleware<AppEnv>(async (c, next) => {
  const user = requireUser(c);
  const { parent } = await loadVisibleChild(c.var.deps, user, c.req.param('id') ?? '');
  // Only staff and the parent change a child's record; a matched helper only reads it.
  if (!isStaff(user) && parent.user_id !== user.id) throw notFound();
  await next();
});

const CHILD_RULES = ['child_too_old', 'child_not_born', 'health_consent_required'];
const memberResponse = { 200: jsonResponse('The member', memberSchema) };
const childResponse = { 200: jsonResponse('The child', childSchema) };

const applyRoute = op('public', 'post /applications', {
  summary: 'Apply for membership (staff may enter one on a member’s behalf)',
  errors: {
    409: ['email_taken'],
    422: ['helper_too_young', 'no_eligible_child', ...CHILD_RULES],
    429: ['too_many_applications'],
  },
  body: applicationBody,
  responses: {
    201: jsonResponse('The applicant', z.object({ member: memberSchema })),
  },
});
api.openapi(applyRoute, async (c) => {
  const body = c.req.valid('json');
  // Staff may enter a paper or phone application; anyone else applies for themselves.
  const enteredBy = c.var.user && isStaff(c.var.user) ? c.var.user : null;
  const member = await applyForMembership(c.var.deps, body, enteredBy, c.var.clientAddress);
  return { member: toMemberJson(member) };
});

const listRoute = op('staff', 'get /members', {
  summary: 'Search the member directory',
  query: memberListQuery,
  responses: { 200: jsonResponse('A page of members', listOf(memberSchema)) },
});
api.openapi(listRoute, async (c) => {
  const query = c.req.valid('query');
  const { items, total } = await listMembers(c.var.deps.db, query);
  return pageOf(query, items.map(toMemberJson), total);
});

const getRoute = op('signed-in', 'get /members/{id}', {
  summary: 'A member (staff, or the member)',

  responses: memberResponse,
});
api.openapi(getRoute, async (c) => {
  const { member } = await loadVisibleMember(c, c.req.valid('param').id);
  return toMemberJson(member);
});

const patchRoute = op('signed-in', 'patch /members/{id}', {
  summary: 'Change member details (members: contact fields and helper profile)',
  description: '403 when a member sends a field only staff may change.',
  errors: { 409: ['email_taken'] },
  body: memberPatchBody,
  responses: memberResponse,
  scope: memberInScope,
});
api.openapi(patchRoute, async (c) => {
  const { user, member } = await loadVisibleMember(c, c.req.valid('param').id);
  const body = c.req.valid('json');
  const updated = await updateMember(
    c.var.deps,
    user,
    member,
    body,
    isStaff(user),
    c.var.clientAddress,
  );
  return toMemberJson(updated);
});

const approveRoute = op('staff', 'post /members/{id}/approve', {
  summary: 'Approve one side; the first approval assigns the member number',
  errors: { 409: ['invalid_transition'], 422: ['orientation_required', 'no_such_side'] },
  body: sideBody,
  responses: memberResponse,
});
api.openapi(approveRoute, async (c, staff) => {
  const { deps, id, clientAddress } = onObject(c);
  const { side } = c.req.valid('json');
  return toMemberJson(await approveSide(deps, staff, id, side, clientAddress));
});

const suspendRoute = op('staff', 'post /members/{id}/suspend', {
  summary: 'Suspend one side with a reason; ends the member’s sessions',
  errors: { 409: ['invalid_transition'], 422: ['no_such_side'] },
  body: suspendBody,
  responses: memberResponse,
});
api.openapi(suspendRoute, async (c, staff) => {
  const { deps, id, clientAddress } = onObject(c);
  const { side, reason } = c.req.valid('json');
  return toMemberJson(await suspendSide(deps, staff, id, side, reason, clientAddress));
});

const reactivateRoute = op('staff', 'post /members/{id}/reactivate', {
  summary: 'Reactivate a suspended side',
  errors: { 409: ['invalid_transition'], 422: ['no_such_side'] },
  body: sideBody,
  responses: memberResponse,
});
api.openapi(reactivateRoute, async (c, staff) => {
  const { deps, id, clientAddress } = onObject(c);
  const { side } = c.req.valid('json');
  return toMemberJson(await reactivateSide(deps, staff, id, side, clientAddress));
});

const withdrawRoute = op('signed-in', 'post /members/{id}/withdraw', {
  summary: 'Withdraw (退会): every side withdrawn, sessions revoked, login refused',
  errors: { 409: ['already_withdrawn'] },
  body: withdrawBody,
  responses: memberResponse,
  scope: memberInScope,
});
api.openapi(withdrawRoute, async (c) => {
  const { user, member } = await loadVisibleMember(c, c.req.valid('param').id);
  const { reason } = c.req.valid('json');
  return toMemberJson(
    await withdrawMember(c.var.deps, user, member.id, reason ?? null, c.var.clientAddress),
  );
});

const consentRoute = op('signed-in', 'post /members/{id}/consent', {
  summary: 'Record consent to hold children’s health data',
  body: healthConsentBody,
  responses: memberResponse,
  scope: memberInScope,
});
api.openapi(consentRoute, async (c) => {
  const { user, member } = await loadVisibleMember(c, c.req.valid('param').id);
  await giveHealthConsent(c.var.deps, user, member);
  return toMemberJson((await findMemberById(c.var.deps.db, member.id))!);
});

const childrenRoute = childrenOp('signed-in', 'get /members/{id}/children', {
  summary: 'Children of a household (reads by staff are audited)',

  responses: { 200: jsonResponse('The children', listOf(childSchema)) },
});
api.openapi(childrenRoute, async (c) => {
  const { user, member } = await loadVisibleMember(c, c.req.valid('param').id);
  const children = await listChildren(c.var.deps.db, member.id);
  await auditHealthReads(c.var.deps, user, member, children, c.var.clientAddress);
  return wholeList(children.map((ch) => toChildJson(ch, true)));
});

const addChildRoute = childrenOp('signed-in', 'post /members/{id}/children', {
  summary: 'Add a child',
  errors: { 422: CHILD_RULES },
  body: childBody,
  responses: { 201: jsonResponse('The child', childSchema) },
  scope: memberInScope,
});
api.openapi(addChildRoute, async (c) => {
  const { user, member } = await loadVisibleMember(c, c.req.valid('param').id);
  const child = await addChild(c.var.deps, user, member, c.req.valid('json'));
  return toChildJson({ ...child, sex: child.sex ?? null }, true);
});

const getChildRoute = childrenOp('signed-in', 'get /children/{id}', {
  summary: 'A child (health fields only to staff, the parent and a matched helper; reads audited)',

  responses: childResponse,
});
api.openapi(getChildRoute, async (c, user) => {
  const { child, parent } = await loadVisibleChild(c.var.deps, user, c.req.valid('param').id);
  await auditHealthReads(c.var.deps, user, parent, [child], c.var.clientAddress);
  return toChildJson(child, true);
});

const patchChildRoute = childrenOp('signed-in', 'patch /children/{id}', {
  summary: 'Change a child’s record (staff, parent)',
  errors: { 422: CHILD_RULES },
  body: childPatchBody,
  responses: childResponse,
  scope: childInScope,
});
api.openapi(patchChildRoute, async (c, user) => {
  const { child, parent } = await loadVisibleChild(c.var.deps, user, c.req.valid('param').id);
  await updateChild(c.var.deps, user, parent, child.id, c.req.valid('json'));
  const { child: updated } = await loadVisibleChild(c.var.deps, user, child.id);
  return toChildJson(updated, true);
});

const contactRoute = (path: string, summary: string) =>
  op('signed-in', `post ${path}`, {
    summary,
    request: { params: idParam, body: jsonRequest(contactBody) },
    responses: { 201: jsonResponse('The stored contact', contactRowSchema) },
    scope: memberInScope,
  });
api.openapi(
  contactRoute('/members/{id}/emergency-contacts', 'Add an emergency contact'),
  async (c) => {
    const { member } = await loadVisibleMember(c, c.req.valid('param').id);
    return addEmergencyContact(c.var.deps, member, c.req.valid('json'));
  },
);
api.openapi(
  contactRoute(
    '/members/{id}/authorized-pickups',
    'Add a person authorised to pick the children up',
  ),
  async (c) => {
    const { member } = await loadVisibleMember(c, c.req.valid('param').id);
    return addAuthorizedPickup(c.var.deps, member, c.req.valid('json'));
  },
);
