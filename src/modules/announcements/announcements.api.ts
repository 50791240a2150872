import { z } from 'zod';
import {
  emptyBody,
  jsonApi,
  jsonResponse,
  listOf,
  operationsOf,
  pageOf,
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

const api = jsonApi();
export const announcementsApi = api.router;
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
api.openapi(listRoute, async (c, user) => {
  const { page, pageSize } = c.req.valid('query');
  const viewer = await loadViewer(c.var.deps.db, user);
  const rows = await listAnnouncements(c.var.deps.db, {
    audiences: visibleAnnouncementAudiences(viewer),
    includeDrafts: viewer.kind === 'staff',
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const items = rows.map(toAnnouncementJson);
  return pageOf({ page, pageSize }, items, items.length);
});

const createRoute = op('staff', 'post /announcements', {
  summary: 'Write an announcement in Markdown; publish: true notifies the audience at once',
  body: announcementBody,
  responses: { 201: jsonResponse('The announcement', notifiedEnvelope) },
});
api.openapi(createRoute, async (c, staff) => {
  const { announcement, notified } = await createAnnouncement(
    c.var.deps,
    staff,
    c.req.valid('json'),
  );
  return { announcement: toAnnouncementJson(announcement), notified };
});

const getRoute = op('signed-in', 'get /announcements/{id}', {
  summary: 'One announcement, with bodyHtml (safe Markdown subset)',

  responses: { 200: jsonResponse('The announcement', announcementSchema) },
});
api.openapi(getRoute, async (c, user) => {
  const viewer = await loadViewer(c.var.deps.db, user);
  const row = await loadReadableAnnouncement(c.var.deps, viewer, c.req.valid('param').id);
  return toAnnouncementJson(row);
});

const publishRoute = op('staff', 'post /announcements/{id}/publish', {
  summary: 'Publish a draft: inbox notices (and mail when set) for the audience',
  errors: { 409: ['already_published'] },
  body: emptyBody,
  responses: { 200: jsonResponse('The published announcement', notifiedEnvelope) },
});
api.openapi(publishRoute, async (c, staff) => {
  const { announcement, notified } = await publishAnnouncement(
    c.var.deps,
    staff,
    c.req.valid('param').id,
  );
  return { announcement: toAnnouncementJson(announcement), notified };
});

const newslettersRoute = op('member', 'get /newsletters', {
  summary: 'The newsletter archive (広報誌), newest first; PDFs download from url',
  // A login whose member record is gone sees nothing; an applicant is told they open with approval.
  errors: { 403: ['members_only'], 404: ['not_found'] },
  responses: { 200: jsonResponse('The newsletters', listOf(newsletterSchema)) },
});
api.openapi(newslettersRoute, async (c) => {
  loadMembersOnlyReader(c);
  return wholeList((await listNewsletters(c.var.deps.db)).map(toNewsletterJson));
});

const newsletterRoute = op('staff', 'post /newsletters', {
  summary: 'Add a newsletter written as a page (PDFs are uploaded on /newsletters/new)',
  body: newsletterPageBody,
  responses: { 201: jsonResponse('The newsletter', newsletterSchema) },
});
api.openapi(newsletterRoute, async (c, staff) => {
  const newsletter = await createNewsletterPage(c.var.deps, staff, c.req.valid('json'));
  return toNewsletterJson(newsletter);
});
