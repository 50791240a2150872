import { Hono } from 'hono';
import { requireStaff, requireUser } from '../../auth/guards.js';
import type { AppEnv } from '../../context.js';
import { parseQuery, readJson } from '../../http/json.js';
import { toTokyoIso } from '../../lib/dates.js';
import { notFound } from '../../lib/errors.js';
import type { ApiRouteDoc } from '../../lib/openapi.js';
import { loadViewer } from '../events/viewer.js';
import {
  countGroups,
  findGroup,
  listGroups,
  listReferralsForMember,
  type GroupRow,
  type ReferralRow,
} from './directory.queries.js';
import {
  DIRECTORY_PAGE_SIZE,
  directoryQuery,
  groupBody,
  referralBody,
} from './directory.schemas.js';
import { addReferral, archiveGroup, createGroup, updateGroup } from './directory.service.js';

export const directoryApi = new Hono<AppEnv>();

export const toGroupJson = (g: GroupRow) => ({
  id: g.id,
  name: g.name,
  kind: g.kind,
  area: g.area,
  schedule: g.schedule,
  contact: g.contact,
  ageMin: g.age_min,
  ageMax: g.age_max,
  description: g.description,
  url: g.url,
});

const toReferralJson = (r: ReferralRow) => ({
  id: r.id,
  groupId: r.group_id,
  groupName: r.group_name,
  referredOn: r.referred_on,
  note: r.note,
  staffName: r.staff_name,
  createdAt: toTokyoIso(r.created_at),
});

/** Members (with a live member record) and staff browse the directory. */
async function requireReader(c: Parameters<typeof requireUser>[0]) {
  const viewer = await loadViewer(c.var.deps.db, requireUser(c));
  if (viewer.kind === 'member' && !viewer.memberId) throw notFound();
}

directoryApi.get('/directory', async (c) => {
  await requireReader(c);
  const { page, ...query } = parseQuery(c, directoryQuery);
  const [rows, total] = await Promise.all([
    listGroups(c.var.deps.db, query, {
      offset: (page - 1) * DIRECTORY_PAGE_SIZE,
    }),
    countGroups(c.var.deps.db, query),
  ]);
  return c.json({ items: rows.map(toGroupJson), total, page, pageSize: DIRECTORY_PAGE_SIZE });
});

directoryApi.post('/directory', async (c) => {
  const staff = requireStaff(c);
  const body = await readJson(c, groupBody);
  return c.json(toGroupJson(await createGroup(c.var.deps, staff, body)), 201);
});

directoryApi.get('/directory/:id', async (c) => {
  await requireReader(c);
  const group = await findGroup(c.var.deps.db, c.req.param('id'));
  if (!group || group.archived_at) throw notFound();
  return c.json(toGroupJson(group));
});

directoryApi.put('/directory/:id', async (c) => {
  const staff = requireStaff(c);
  const body = await readJson(c, groupBody);
  return c.json(toGroupJson(await updateGroup(c.var.deps, staff, c.req.param('id'), body)));
});

directoryApi.delete('/directory/:id', async (c) => {
  const staff = requireStaff(c);
  await archiveGroup(c.var.deps, staff, c.req.param('id'));
  return c.body(null, 204);
});

directoryApi.get('/members/:id/referrals', async (c) => {
  requireStaff(c);
  const items = (await listReferralsForMember(c.var.deps.db, c.req.param('id'))).map(
    toReferralJson,
  );
  return c.json({ items, total: items.length, page: 1, pageSize: items.length });
});

directoryApi.post('/members/:id/referrals', async (c) => {
  const staff = requireStaff(c);
  const body = await readJson(c, referralBody);
  return c.json(toReferralJson(await addReferral(c.var.deps, staff, c.req.param('id'), body)), 201);
});

export const directoryApiDocs: ApiRouteDoc[] = [
  {
    method: 'get',
    path: '/directory',
    tag: 'directory',
    access: 'member',
    query: directoryQuery,
    summary: 'Local groups and places: search (q) and filter by kind, area, child age',
    responses: { 200: 'List', 401: 'Not signed in' },
  },
  {
    method: 'post',
    path: '/directory',
    tag: 'directory',
    access: 'staff',
    body: groupBody,
    summary: 'Add a group or place to the directory',
    responses: { 201: 'Group', 400: 'Invalid input', 403: 'Not staff', 422: 'unknown_area' },
  },
  {
    method: 'get',
    path: '/directory/{id}',
    tag: 'directory',
    access: 'member',
    summary: 'One group or place',
    responses: { 200: 'Group', 404: 'Not found' },
  },
  {
    method: 'put',
    path: '/directory/{id}',
    tag: 'directory',
    access: 'staff',
    body: groupBody,
    summary: 'Edit a group or place',
    responses: { 200: 'Group', 403: 'Not staff', 404: 'Not found', 422: 'unknown_area' },
  },
  {
    method: 'delete',
    path: '/directory/{id}',
    tag: 'directory',
    access: 'staff',
    summary: 'Take a group off the directory (referral notes keep it)',
    responses: { 204: 'Archived', 403: 'Not staff', 404: 'Not found' },
  },
  {
    method: 'get',
    path: '/members/{id}/referrals',
    tag: 'directory',
    access: 'staff',
    summary: '"Referred to" notes of a member, newest first',
    responses: { 200: 'List', 403: 'Not staff' },
  },
  {
    method: 'post',
    path: '/members/{id}/referrals',
    tag: 'directory',
    access: 'staff',
    body: referralBody,
    summary: 'Record that staff referred the member to a group',
    responses: { 201: 'Referral', 403: 'Not staff', 404: 'Not found', 422: 'unknown_group' },
  },
];
