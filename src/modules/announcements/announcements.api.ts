import { z } from 'zod';
import { requireStaff, requireUser } from '../../auth/guards.js';
import {
  apiRouter,
  emptyBody,
  jsonResponse,
  listOf,
  operationsOf,
  wholeList,
} from '../../http/api-route.js';
import { visibleAnnouncementAudiences } from '../events/audience.js';
import { loadMembersOnlyReader, loadViewer } from '../events/viewer.js';
import { listAnnouncements, listNewsletters } from './announcements.queries.js';
import {
  announcementSchema,
  newsletterSchema,
  toAnnouncementJson,
  toNewsletterJson,
} from './announcements.json.js';
import { announcementBody, newsletterPageBody } from './announcements.schemas.js';
import {
  createAnnouncement,
  createNewsletterPage,
  loadReadableAnnouncement,
  publishAnnouncement,
} from './announcements.service.js';

export const announcementsApi = apiRouter();
const op = operationsOf('announcements');

const listQuery = z
  .object({
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

const notifiedEnvelope = z.object({
  announcement: announcementSchema,
  notified: z.number().int().describe('Members told (inbox, and mail when set)'),
});

const listRoute = op('signed-in', 'get /announcements', {
  summary: 'Announcements for the caller’s audience, newest first (staff: drafts too)',
  query: listQuery,
  responses: { 200: jsonResponse('A page of announcements', listOf(announcementSchema)) },
});
announcementsApi.openapi(listRoute, async (c) => {
  const user = requireUser(c);
  const { page, pageSize } = c.req.valid('query');
  const viewer = await loadViewer(c.var.deps.db, user);
  const rows = await listAnnouncements(c.var.deps.db, {
    audiences: visibleAnnouncementAudiences(viewer),
    includeDrafts: viewer.kind === 'staff',
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const items = rows.map(toAnnouncementJson);
  return c.json({ items, total: items.length, page, pageSize }, 200);
});

const createRoute = op('staff', 'post /announcements', {
  summary: 'Write an announcement in Markdown; publish: true notifies the audience at once',
  body: announcementBody,
  responses: { 201: jsonResponse('The announcement', notifiedEnvelope) },
});
announcementsApi.openapi(createRoute, async (c) => {
  const staff = requireStaff(c);
  const { announcement, notified } = await createAnnouncement(
    c.var.deps,
    staff,
    c.req.valid('json'),
  );
  return c.json({ announcement: toAnnouncementJson(announcement), notified }, 201);
});

const getRoute = op('signed-in', 'get /announcements/{id}', {
  summary: 'One announcement, with bodyHtml (safe Markdown subset)',

  responses: { 200: jsonResponse('The announcement', announcementSchema) },
});
announcementsApi.openapi(getRoute, async (c) => {
  const user = requireUser(c);
  const viewer = await loadViewer(c.var.deps.db, user);
  const row = await loadReadableAnnouncement(c.var.deps, viewer, c.req.valid('param').id);
  return c.json(toAnnouncementJson(row), 200);
});

const publishRoute = op('staff', 'post /announcements/{id}/publish', {
  summary: 'Publish a draft: inbox notices (and mail when set) for the audience',
  errors: { 409: ['already_published'] },
  body: emptyBody,
  responses: { 200: jsonResponse('The published announcement', notifiedEnvelope) },
});
announcementsApi.openapi(publishRoute, async (c) => {
  const staff = requireStaff(c);
  const { announcement, notified } = await publishAnnouncement(
    c.var.deps,
    staff,
    c.req.valid('param').id,
  );
  return c.json({ announcement: toAnnouncementJson(announcement), notified }, 200);
});

const newslettersRoute = op('member', 'get /newsletters', {
  summary: 'The newsletter archive (広報誌), newest first; PDFs download from url',
  // A login whose member record is gone sees nothing; an applicant is told they open with approval.
  errors: { 403: ['members_only'], 404: ['not_found'] },
  responses: { 200: jsonResponse('The newsletters', listOf(newsletterSchema)) },
});
announcementsApi.openapi(newslettersRoute, async (c) => {
  loadMembersOnlyReader(c);
  return c.json(wholeList((await listNewsletters(c.var.deps.db)).map(toNewsletterJson)), 200);
});

const newsletterRoute = op('staff', 'post /newsletters', {
  summary: 'Add a newsletter written as a page (PDFs are uploaded on /newsletters/new)',
  body: newsletterPageBody,
  responses: { 201: jsonResponse('The newsletter', newsletterSchema) },
});
announcementsApi.openapi(newsletterRoute, async (c) => {
  const staff = requireStaff(c);
  const newsletter = await createNewsletterPage(c.var.deps, staff, c.req.valid('json'));
  return c.json(toNewsletterJson(newsletter), 201);
});
