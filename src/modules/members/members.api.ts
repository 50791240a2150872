import { Hono } from 'hono';
import { z } from 'zod';
import { requireStaff, requireUser } from '../../auth/guards.js';
import { isStaff, type AppContext, type AppEnv } from '../../context.js';
import { parseQuery, readJson } from '../../http/json.js';
import { notFound } from '../../lib/errors.js';
import type { ApiRouteDoc } from '../../lib/openapi.js';
import { auditHealthReads, loadVisibleChild } from './children.access.js';
import { findMemberById, listChildren, listMembers } from './members.queries.js';
import { toChildJson, toMemberJson } from './members.json.js';
import { canViewMember } from './members.policy.js';
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

const healthConsentBody = z.object({ healthData: z.literal(true) }).strict();

export const membersApi = new Hono<AppEnv>();

/** The member at :id if the caller may see it (staff, or the member themselves), else 404. */
async function loadVisibleMember(c: AppContext, id: string) {
  const user = requireUser(c);
  const member = await findMemberById(c.var.deps.db, id);
  if (!member || !canViewMember(user, member)) throw notFound();
  return { user, member };
}

membersApi.post('/applications', async (c) => {
  const body = await readJson(c, applicationBody);
  // Staff may enter a paper or phone application; anyone else applies for themselves.
  const enteredBy = c.var.user && isStaff(c.var.user) ? c.var.user : null;
  const member = await applyForMembership(c.var.deps, body, enteredBy, c.var.clientAddress);
  return c.json({ member: toMemberJson(member) }, 201);
});

membersApi.get('/members', async (c) => {
  requireStaff(c);
  const query = parseQuery(c, memberListQuery);
  const { items, total } = await listMembers(c.var.deps.db, query);
  return c.json({
    items: items.map(toMemberJson),
    total,
    page: query.page,
    pageSize: query.pageSize,
  });
});

membersApi.get('/members/:id', async (c) => {
  const { member } = await loadVisibleMember(c, c.req.param('id'));
  return c.json(toMemberJson(member));
});

membersApi.patch('/members/:id', async (c) => {
  const { user, member } = await loadVisibleMember(c, c.req.param('id'));
  const body = await readJson(c, memberPatchBody);
  const updated = await updateMember(
    c.var.deps,
    user,
    member,
    body,
    isStaff(user),
    c.var.clientAddress,
  );
  return c.json(toMemberJson(updated));
});

membersApi.post('/members/:id/approve', async (c) => {
  const staff = requireStaff(c);
  const { side } = await readJson(c, sideBody);
  return c.json(
    toMemberJson(
      await approveSide(c.var.deps, staff, c.req.param('id'), side, c.var.clientAddress),
    ),
  );
});

membersApi.post('/members/:id/suspend', async (c) => {
  const staff = requireStaff(c);
  const { side, reason } = await readJson(c, suspendBody);
  return c.json(
    toMemberJson(
      await suspendSide(c.var.deps, staff, c.req.param('id'), side, reason, c.var.clientAddress),
    ),
  );
});

membersApi.post('/members/:id/reactivate', async (c) => {
  const staff = requireStaff(c);
  const { side } = await readJson(c, sideBody);
  return c.json(
    toMemberJson(
      await reactivateSide(c.var.deps, staff, c.req.param('id'), side, c.var.clientAddress),
    ),
  );
});

membersApi.post('/members/:id/withdraw', async (c) => {
  const { user, member } = await loadVisibleMember(c, c.req.param('id'));
  const { reason } = await readJson(c, withdrawBody);
  return c.json(
    toMemberJson(
      await withdrawMember(c.var.deps, user, member.id, reason ?? null, c.var.clientAddress),
    ),
  );
});

membersApi.post('/members/:id/consent', async (c) => {
  const { user, member } = await loadVisibleMember(c, c.req.param('id'));
  await readJson(c, healthConsentBody);
  await giveHealthConsent(c.var.deps, user, member);
  return c.json(toMemberJson((await findMemberById(c.var.deps.db, member.id))!));
});

membersApi.get('/members/:id/children', async (c) => {
  const { user, member } = await loadVisibleMember(c, c.req.param('id'));
  const children = await listChildren(c.var.deps.db, member.id);
  await auditHealthReads(c.var.deps, user, member, children, c.var.clientAddress);
  return c.json({
    items: children.map((ch) => toChildJson(ch, true)),
    total: children.length,
    page: 1,
    pageSize: children.length,
  });
});

membersApi.post('/members/:id/children', async (c) => {
  const { user, member } = await loadVisibleMember(c, c.req.param('id'));
  const body = await readJson(c, childBody);
  const child = await addChild(c.var.deps, user, member, body);
  return c.json(toChildJson({ ...child, sex: child.sex ?? null }, true), 201);
});

membersApi.get('/children/:id', async (c) => {
  const user = requireUser(c);
  const { child, parent } = await loadVisibleChild(c.var.deps, user, c.req.param('id'));
  await auditHealthReads(c.var.deps, user, parent, [child], c.var.clientAddress);
  return c.json(toChildJson(child, true));
});

membersApi.patch('/children/:id', async (c) => {
  const user = requireUser(c);
  const { child, parent } = await loadVisibleChild(c.var.deps, user, c.req.param('id'));
  // Only staff and the parent change a child's record; a matched helper only reads it.
  if (!isStaff(user) && parent.user_id !== user.id) throw notFound();
  const body = await readJson(c, childPatchBody);
  await updateChild(c.var.deps, user, parent, child.id, body);
  const { child: updated } = await loadVisibleChild(c.var.deps, user, child.id);
  return c.json(toChildJson(updated, true));
});

membersApi.post('/members/:id/emergency-contacts', async (c) => {
  const { member } = await loadVisibleMember(c, c.req.param('id'));
  const body = await readJson(c, contactBody);
  return c.json(await addEmergencyContact(c.var.deps, member, body), 201);
});

membersApi.post('/members/:id/authorized-pickups', async (c) => {
  const { member } = await loadVisibleMember(c, c.req.param('id'));
  const body = await readJson(c, contactBody);
  return c.json(await addAuthorizedPickup(c.var.deps, member, body), 201);
});

const memberResponses = {
  200: 'Member',
  400: 'Invalid input',
  401: 'Not signed in',
  404: 'Not found or not yours',
};
export const membersApiDocs: ApiRouteDoc[] = [
  {
    method: 'post',
    path: '/applications',
    tag: 'members',
    access: 'public',
    body: applicationBody,
    summary: 'Apply for membership (staff may enter one on a member’s behalf)',
    responses: {
      201: '{ member }',
      400: 'Invalid input',
      409: 'email_taken',
      422: 'An eligibility rule: helper_too_young, no_eligible_child, child_too_old, child_not_born, health_consent_required',
    },
  },
  {
    method: 'get',
    path: '/members',
    tag: 'members',
    access: 'staff',
    query: memberListQuery,
    summary: 'Search the member directory',
    responses: { 200: 'List of Member', 401: 'Not signed in', 403: 'Not staff' },
  },
  {
    method: 'get',
    path: '/members/{id}',
    tag: 'members',
    access: 'signed-in',
    summary: 'A member (staff, or the member)',
    responses: memberResponses,
  },
  {
    method: 'patch',
    path: '/members/{id}',
    tag: 'members',
    access: 'signed-in',
    body: memberPatchBody,
    summary: 'Change member details (members: contact fields and helper profile)',
    responses: { ...memberResponses, 403: 'Field not editable by the member', 409: 'email_taken' },
  },
  {
    method: 'post',
    path: '/members/{id}/approve',
    tag: 'members',
    access: 'staff',
    body: sideBody,
    summary: 'Approve one side; the first approval assigns the member number',
    responses: {
      ...memberResponses,
      403: 'Not staff',
      409: 'invalid_transition',
      422: 'orientation_required, no_such_side',
    },
  },
  {
    method: 'post',
    path: '/members/{id}/suspend',
    tag: 'members',
    access: 'staff',
    body: suspendBody,
    summary: 'Suspend one side with a reason; ends the member’s sessions',
    responses: { ...memberResponses, 403: 'Not staff', 409: 'invalid_transition' },
  },
  {
    method: 'post',
    path: '/members/{id}/reactivate',
    tag: 'members',
    access: 'staff',
    body: sideBody,
    summary: 'Reactivate a suspended side',
    responses: { ...memberResponses, 403: 'Not staff', 409: 'invalid_transition' },
  },
  {
    method: 'post',
    path: '/members/{id}/withdraw',
    tag: 'members',
    access: 'signed-in',
    body: withdrawBody,
    summary: 'Withdraw (退会): every side withdrawn, sessions revoked, login refused',
    responses: { ...memberResponses, 409: 'already_withdrawn' },
  },
  {
    method: 'post',
    path: '/members/{id}/consent',
    tag: 'members',
    access: 'signed-in',
    body: healthConsentBody,
    summary: 'Record consent to hold children’s health data',
    responses: memberResponses,
  },
  {
    method: 'get',
    path: '/members/{id}/children',
    tag: 'children',
    access: 'signed-in',
    summary: 'Children of a household (reads by staff are audited)',
    responses: { 200: 'List of Child', 401: 'Not signed in', 404: 'Not found or not yours' },
  },
  {
    method: 'post',
    path: '/members/{id}/children',
    tag: 'children',
    access: 'signed-in',
    body: childBody,
    summary: 'Add a child',
    responses: {
      201: 'Child',
      400: 'Invalid input',
      404: 'Not found or not yours',
      422: 'child_too_old, child_not_born, health_consent_required',
    },
  },
  {
    method: 'get',
    path: '/children/{id}',
    tag: 'children',
    access: 'signed-in',
    summary:
      'A child (health fields only to staff, the parent and a matched helper; reads audited)',
    responses: { 200: 'Child', 401: 'Not signed in', 404: 'Not found or not yours' },
  },
  {
    method: 'patch',
    path: '/children/{id}',
    tag: 'children',
    access: 'signed-in',
    body: childPatchBody,
    summary: 'Change a child’s record (staff, parent)',
    responses: {
      200: 'Child',
      400: 'Invalid input',
      404: 'Not found or not yours',
      422: 'health_consent_required',
    },
  },
  {
    method: 'post',
    path: '/members/{id}/emergency-contacts',
    tag: 'members',
    access: 'signed-in',
    body: contactBody,
    summary: 'Add an emergency contact',
    responses: { 201: 'Contact', 400: 'Invalid input', 404: 'Not found or not yours' },
  },
  {
    method: 'post',
    path: '/members/{id}/authorized-pickups',
    tag: 'members',
    access: 'signed-in',
    body: contactBody,
    summary: 'Add a person authorised to pick the children up',
    responses: { 201: 'Pickup', 400: 'Invalid input', 404: 'Not found or not yours' },
  },
];
