import {
  jsonApi,
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

const api = jsonApi();
export const directoryApi = api.router;
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
api.openapi(listRoute, async (c) => {
  loadMembersOnlyReader(c);
  const { page, ...query } = c.req.valid('query');
  const [rows, total] = await Promise.all([
    listGroups(c.var.deps.db, query, { offset: (page - 1) * DIRECTORY_PAGE_SIZE }),
    countGroups(c.var.deps.db, query),
  ]);
  return { items: rows.map(toGroupJson), total, page, pageSize: DIRECTORY_PAGE_SIZE };
});

const createRoute = op('staff', 'post /directory', {
  summary: 'Add a group or place to the directory',
  errors: { 422: ['unknown_area'] },
  body: groupBody,
  responses: { 201: groupResponse('The group') },
});
api.openapi(createRoute, async (c, staff) =>
  toGroupJson(await createGroup(c.var.deps, staff, c.req.valid('json'))),
);

const getRoute = op('member', 'get /directory/{id}', {
  summary: 'One group or place',
  errors: READER,
  responses: { 200: groupResponse('The group') },
});
api.openapi(getRoute, async (c) => {
  loadMembersOnlyReader(c);
  const group = await findGroup(c.var.deps.db, c.req.valid('param').id);
  if (!group || group.archived_at) throw notFound();
  return toGroupJson(group);
});

const updateRoute = op('staff', 'put /directory/{id}', {
  summary: 'Edit a group or place',
  errors: { 422: ['unknown_area'] },
  body: groupBody,
  responses: { 200: groupResponse('The group') },
});
api.openapi(updateRoute, async (c, staff) =>
  toGroupJson(await updateGroup(c.var.deps, staff, c.req.valid('param').id, c.req.valid('json'))),
);

const archiveRoute = op('staff', 'delete /directory/{id}', {
  summary: 'Take a group off the directory (referral notes keep it)',

  responses: { 204: noContent('Archived') },
});
api.openapi(archiveRoute, async (c, staff) => {
  await archiveGroup(c.var.deps, staff, c.req.valid('param').id);
});

const referralsRoute = op('staff', 'get /members/{id}/referrals', {
  summary: '"Referred to" notes of a member, newest first',

  responses: { 200: jsonResponse('The referrals', listOf(referralSchema)) },
});
api.openapi(referralsRoute, async (c) => {
  const rows = await listReferralsForMember(c.var.deps.db, c.req.valid('param').id);
  return wholeList(rows.map(toReferralJson));
});

const referRoute = op('staff', 'post /members/{id}/referrals', {
  summary: 'Record that staff referred the member to a group',
  errors: { 422: ['unknown_group'] },
  body: referralBody,
  responses: { 201: jsonResponse('The referral', referralSchema) },
});
api.openapi(referRoute, async (c, staff) =>
  toReferralJson(
    await addReferral(c.var.deps, staff, c.req.valid('param').id, c.req.valid('json')),
  ),
);
