import { Hono } from 'hono';
import { z } from 'zod';
import { requireStaff, requireUser } from '../../auth/guards.js';
import type { AppEnv } from '../../context.js';
import { parseQuery, readJson } from '../../http/json.js';
import { notFound } from '../../lib/errors.js';
import type { ApiRouteDoc } from '../../lib/openapi.js';
import { visibleAnnouncementAudiences } from '../events/audience.js';
import { emptyBody } from '../events/events.schemas.js';
import { loadViewer } from '../events/viewer.js';
import { listAnnouncements, listNewsletters } from './announcements.queries.js';
import { toAnnouncementJson, toNewsletterJson } from './announcements.json.js';
import { announcementBody, newsletterPageBody } from './announcements.schemas.js';
import {
  createAnnouncement,
  createNewsletterPage,
  loadReadableAnnouncement,
  publishAnnouncement,
} from './announcements.service.js';

export const announcementsApi = new Hono<AppEnv>();

const listQuery = z
  .object({
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

announcementsApi.get('/announcements', async (c) => {
  const user = requireUser(c);
  const { page, pageSize } = parseQuery(c, listQuery);
  const viewer = await loadViewer(c.var.deps.db, user);
  const rows = await listAnnouncements(c.var.deps.db, {
    audiences: visibleAnnouncementAudiences(viewer),
    includeDrafts: viewer.kind === 'staff',
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const items = rows.map(toAnnouncementJson);
  return c.json({ items, total: items.length, page, pageSize });
});

announcementsApi.post('/announcements', async (c) => {
  const staff = requireStaff(c);
  const body = await readJson(c, announcementBody);
  const { announcement, notified } = await createAnnouncement(c.var.deps, staff, body);
  return c.json({ announcement: toAnnouncementJson(announcement), notified }, 201);
});

announcementsApi.get('/announcements/:id', async (c) => {
  const user = requireUser(c);
  const viewer = await loadViewer(c.var.deps.db, user);
  const row = await loadReadableAnnouncement(c.var.deps, viewer, c.req.param('id'));
  return c.json(toAnnouncementJson(row));
});

announcementsApi.post('/announcements/:id/publish', async (c) => {
  const staff = requireStaff(c);
  await readJson(c, emptyBody);
  const { announcement, notified } = await publishAnnouncement(
    c.var.deps,
    staff,
    c.req.param('id'),
  );
  return c.json({ announcement: toAnnouncementJson(announcement), notified });
});

announcementsApi.get('/newsletters', async (c) => {
  const user = requireUser(c);
  const viewer = await loadViewer(c.var.deps.db, user);
  // Members (and staff) only: a login whose member record is gone sees nothing.
  if (viewer.kind === 'member' && !viewer.memberId) throw notFound();
  const items = (await listNewsletters(c.var.deps.db)).map(toNewsletterJson);
  return c.json({ items, total: items.length, page: 1, pageSize: items.length });
});

announcementsApi.post('/newsletters', async (c) => {
  const staff = requireStaff(c);
  const body = await readJson(c, newsletterPageBody);
  return c.json(toNewsletterJson(await createNewsletterPage(c.var.deps, staff, body)), 201);
});

export const announcementsApiDocs: ApiRouteDoc[] = [
  {
    method: 'get',
    path: '/announcements',
    tag: 'announcements',
    access: 'signed-in',
    query: listQuery,
    summary: 'Announcements for the caller’s audience, newest first (staff: drafts too)',
    responses: { 200: 'List', 401: 'Not signed in' },
  },
  {
    method: 'post',
    path: '/announcements',
    tag: 'announcements',
    access: 'staff',
    body: announcementBody,
    summary: 'Write an announcement in Markdown; publish: true notifies the audience at once',
    responses: { 201: '{announcement, notified}', 400: 'Invalid input', 403: 'Not staff' },
  },
  {
    method: 'get',
    path: '/announcements/{id}',
    tag: 'announcements',
    access: 'signed-in',
    summary: 'One announcement, with bodyHtml (safe Markdown subset)',
    responses: { 200: 'Announcement', 404: 'Not found (or not for your audience)' },
  },
  {
    method: 'post',
    path: '/announcements/{id}/publish',
    tag: 'announcements',
    access: 'staff',
    body: emptyBody,
    summary: 'Publish a draft: inbox notices (and mail when set) for the audience',
    responses: { 200: '{announcement, notified}', 404: 'Not found', 409: 'already_published' },
  },
  {
    method: 'get',
    path: '/newsletters',
    tag: 'announcements',
    access: 'member',
    summary: 'The newsletter archive (広報誌), newest first; PDFs download from url',
    responses: { 200: 'List', 401: 'Not signed in' },
  },
  {
    method: 'post',
    path: '/newsletters',
    tag: 'announcements',
    access: 'staff',
    body: newsletterPageBody,
    summary: 'Add a newsletter written as a page (PDFs are uploaded on /newsletters/new)',
    responses: { 201: 'Newsletter', 400: 'Invalid input', 403: 'Not staff' },
  },
];
