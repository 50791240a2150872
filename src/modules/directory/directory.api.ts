import { requireStaff, requireUser } from '../../auth/guards.js';
import type { AppContext } from '../../context.js';
import {
  apiRoute,
  apiRouter,
  idParam,
  jsonRequest,
  jsonResponse,
  listOf,
  noContent,
  wholeList,
} from '../../http/api-route.js';
import { notFound } from '../../lib/errors.js';
import { viewerOf } from '../events/viewer.js';
import { groupSchema, referralSchema, toGroupJson, toReferralJson } from './directory.json.js';
import { countGroups, findGroup, listGroups, listReferralsForMember } from './directory.queries.js';
import {
  DIRECTORY_PAGE_SIZE,
  directoryQuery,
  groupBody,
  referralBody,
} from './directory.schemas.js';
import { addReferral, archiveGroup, createGroup, updateGroup } from './directory.service.js';

export const directoryApi = apiRouter();

/** Members (with a live member record) and staff browse the directory (the session's member row). */
function requireReader(c: AppContext) {
  const viewer = viewerOf(requireUser(c), c.var.member);
  if (viewer.kind === 'member' && !viewer.memberId) throw notFound();
}

/** A login whose member record is gone reads no directory (404). */
const READER = { 404: ['not_found'] };
const groupResponse = (status: string) => jsonResponse(status, groupSchema);

const listRoute = apiRoute(
  {
    tag: 'directory',
    access: 'member',
    summary: 'Local groups and places: search (q) and filter by kind, area, child age',
    errors: READER,
  },
  {
    method: 'get',
    path: '/directory',
    request: { query: directoryQuery },
    responses: { 200: jsonResponse('A page of groups', listOf(groupSchema)) },
  },
);
directoryApi.openapi(listRoute, async (c) => {
  requireReader(c);
  const { page, ...query } = c.req.valid('query');
  const [rows, total] = await Promise.all([
    listGroups(c.var.deps.db, query, { offset: (page - 1) * DIRECTORY_PAGE_SIZE }),
    countGroups(c.var.deps.db, query),
  ]);
  return c.json({ items: rows.map(toGroupJson), total, page, pageSize: DIRECTORY_PAGE_SIZE }, 200);
});

const createRoute = apiRoute(
  {
    tag: 'directory',
    access: 'staff',
    summary: 'Add a group or place to the directory',
    errors: { 422: ['unknown_area'] },
  },
  {
    method: 'post',
    path: '/directory',
    request: { body: jsonRequest(groupBody) },
    responses: { 201: groupResponse('The group') },
  },
);
directoryApi.openapi(createRoute, async (c) => {
  const staff = requireStaff(c);
  return c.json(toGroupJson(await createGroup(c.var.deps, staff, c.req.valid('json'))), 201);
});

const getRoute = apiRoute(
  { tag: 'directory', access: 'member', summary: 'One group or place' },
  {
    method: 'get',
    path: '/directory/{id}',
    request: { params: idParam },
    responses: { 200: groupResponse('The group') },
  },
);
directoryApi.openapi(getRoute, async (c) => {
  requireReader(c);
  const group = await findGroup(c.var.deps.db, c.req.valid('param').id);
  if (!group || group.archived_at) throw notFound();
  return c.json(toGroupJson(group), 200);
});

const updateRoute = apiRoute(
  {
    tag: 'directory',
    access: 'staff',
    summary: 'Edit a group or place',
    errors: { 422: ['unknown_area'] },
  },
  {
    method: 'put',
    path: '/directory/{id}',
    request: { params: idParam, body: jsonRequest(groupBody) },
    responses: { 200: groupResponse('The group') },
  },
);
directoryApi.openapi(updateRoute, async (c) => {
  const staff = requireStaff(c);
  const group = await updateGroup(c.var.deps, staff, c.req.valid('param').id, c.req.valid('json'));
  return c.json(toGroupJson(group), 200);
});

const archiveRoute = apiRoute(
  {
    tag: 'directory',
    access: 'staff',
    summary: 'Take a group off the directory (referral notes keep it)',
  },
  {
    method: 'delete',
    path: '/directory/{id}',
    request: { params: idParam },
    responses: { 204: noContent('Archived') },
  },
);
directoryApi.openapi(archiveRoute, async (c) => {
  const staff = requireStaff(c);
  await archiveGroup(c.var.deps, staff, c.req.valid('param').id);
  return c.body(null, 204);
});

const referralsRoute = apiRoute(
  { tag: 'directory', access: 'staff', summary: '"Referred to" notes of a member, newest first' },
  {
    method: 'get',
    path: '/members/{id}/referrals',
    request: { params: idParam },
    responses: { 200: jsonResponse('The referrals', listOf(referralSchema)) },
  },
);
directoryApi.openapi(referralsRoute, async (c) => {
  requireStaff(c);
  const rows = await listReferralsForMember(c.var.deps.db, c.req.valid('param').id);
  return c.json(wholeList(rows.map(toReferralJson)), 200);
});

const referRoute = apiRoute(
  {
    tag: 'directory',
    access: 'staff',
    summary: 'Record that staff referred the member to a group',
    errors: { 422: ['unknown_group'] },
  },
  {
    method: 'post',
    path: '/members/{id}/referrals',
    request: { params: idParam, body: jsonRequest(referralBody) },
    responses: { 201: jsonResponse('The referral', referralSchema) },
  },
);
directoryApi.openapi(referRoute, async (c) => {
  const staff = requireStaff(c);
  const referral = await addReferral(
    c.var.deps,
    staff,
    c.req.valid('param').id,
    c.req.valid('json'),
  );
  return c.json(toReferralJson(referral), 201);
});
