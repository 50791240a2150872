import { requireStaff } from '../../auth/guards.js';
import {
  apiRouter,
  jsonResponse,
  listOf,
  noContent,
  operationsOf,
  wholeList,
} from '../../http/api-route.js';
import { notFound } from '../../lib/errors.js';
import { loadMembersOnlyReader } from '../events/viewer.js';
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
const op = operationsOf('directory');

/**
 * Members and staff browse the directory (loadMembersOnlyReader): a login whose member record is
 * gone reads none (404), an applicant is told it opens with approval (403 members_only).
 */
const READER = { 403: ['members_only'], 404: ['not_found'] };
const groupResponse = (status: string) => jsonResponse(status, groupSchema);

const listRoute = op('member', 'get /directory', {
  summary: 'Local groups and places: search (q) and filter by kind, area, child age',
  errors: READER,
  query: directoryQuery,
  responses: { 200: jsonResponse('A page of groups', listOf(groupSchema)) },
});
directoryApi.openapi(listRoute, async (c) => {
  loadMembersOnlyReader(c);
  const { page, ...query } = c.req.valid('query');
  const [rows, total] = await Promise.all([
    listGroups(c.var.deps.db, query, { offset: (page - 1) * DIRECTORY_PAGE_SIZE }),
    countGroups(c.var.deps.db, query),
  ]);
  return c.json({ items: rows.map(toGroupJson), total, page, pageSize: DIRECTORY_PAGE_SIZE }, 200);
});

const createRoute = op('staff', 'post /directory', {
  summary: 'Add a group or place to the directory',
  errors: { 422: ['unknown_area'] },
  body: groupBody,
  responses: { 201: groupResponse('The group') },
});
directoryApi.openapi(createRoute, async (c) => {
  const staff = requireStaff(c);
  return c.json(toGroupJson(await createGroup(c.var.deps, staff, c.req.valid('json'))), 201);
});

const getRoute = op('member', 'get /directory/{id}', {
  summary: 'One group or place',
  errors: READER,
  responses: { 200: groupResponse('The group') },
});
directoryApi.openapi(getRoute, async (c) => {
  loadMembersOnlyReader(c);
  const group = await findGroup(c.var.deps.db, c.req.valid('param').id);
  if (!group || group.archived_at) throw notFound();
  return c.json(toGroupJson(group), 200);
});

const updateRoute = op('staff', 'put /directory/{id}', {
  summary: 'Edit a group or place',
  errors: { 422: ['unknown_area'] },
  body: groupBody,
  responses: { 200: groupResponse('The group') },
});
directoryApi.openapi(updateRoute, async (c) => {
  const staff = requireStaff(c);
  const group = await updateGroup(c.var.deps, staff, c.req.valid('param').id, c.req.valid('json'));
  return c.json(toGroupJson(group), 200);
});

const archiveRoute = op('staff', 'delete /directory/{id}', {
  summary: 'Take a group off the directory (referral notes keep it)',

  responses: { 204: noContent('Archived') },
});
directoryApi.openapi(archiveRoute, async (c) => {
  const staff = requireStaff(c);
  await archiveGroup(c.var.deps, staff, c.req.valid('param').id);
  return c.body(null, 204);
});

const referralsRoute = op('staff', 'get /members/{id}/referrals', {
  summary: '"Referred to" notes of a member, newest first',

  responses: { 200: jsonResponse('The referrals', listOf(referralSchema)) },
});
directoryApi.openapi(referralsRoute, async (c) => {
  requireStaff(c);
  const rows = await listReferralsForMember(c.var.deps.db, c.req.valid('param').id);
  return c.json(wholeList(rows.map(toReferralJson)), 200);
});

const referRoute = op('staff', 'post /members/{id}/referrals', {
  summary: 'Record that staff referred the member to a group',
  errors: { 422: ['unknown_group'] },
  body: referralBody,
  responses: { 201: jsonResponse('The referral', referralSchema) },
});
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
