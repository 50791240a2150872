import { Hono } from 'hono';
import { z } from 'zod';
import { requireUser } from '../../auth/guards.js';
import type { AppEnv } from '../../context.js';
import { parseQuery } from '../../http/json.js';
import { toTokyoIso } from '../../lib/dates.js';
import type { ApiRouteDoc } from '../../lib/openapi.js';
import type { NotificationRow } from './notifications.queries.js';
import { loadInbox, markAllRead, markRead } from './notifications.service.js';

export const notificationListQuery = z
  .object({
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

export function toNotificationJson(n: NotificationRow) {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link,
    createdAt: toTokyoIso(n.created_at),
    readAt: n.read_at === null ? null : toTokyoIso(n.read_at),
  };
}

export const notificationsApi = new Hono<AppEnv>();

// NOTE: every route works on the caller's own notifications only; another user's id is a 404.
notificationsApi.get('/notifications', async (c) => {
  const user = requireUser(c);
  const query = parseQuery(c, notificationListQuery);
  const inbox = await loadInbox(c.var.deps.db, user.id, query);
  return c.json({
    items: inbox.items.map(toNotificationJson),
    total: inbox.total,
    unread: inbox.unread,
    page: query.page,
    pageSize: query.pageSize,
  });
});

notificationsApi.post('/notifications/read-all', async (c) => {
  const user = requireUser(c);
  await markAllRead(c.var.deps, user);
  return c.body(null, 204);
});

notificationsApi.post('/notifications/:id/read', async (c) => {
  const user = requireUser(c);
  await markRead(c.var.deps, user, c.req.param('id'));
  return c.body(null, 204);
});

export const notificationsApiDocs: ApiRouteDoc[] = [
  {
    method: 'get',
    path: '/notifications',
    tag: 'notifications',
    access: 'signed-in',
    query: notificationListQuery,
    summary:
      'Your notifications, newest first: { items:[{id,kind,title,body,link,createdAt,readAt}], total, unread, page, pageSize }',
    responses: { 200: 'List of Notification with the unread count', 401: 'Not signed in' },
  },
  {
    method: 'post',
    path: '/notifications/{id}/read',
    tag: 'notifications',
    access: 'signed-in',
    summary: 'Mark one of your notifications read (repeating it changes nothing)',
    responses: { 204: 'Read', 401: 'Not signed in', 404: 'Not found or not yours' },
  },
  {
    method: 'post',
    path: '/notifications/read-all',
    tag: 'notifications',
    access: 'signed-in',
    summary: 'Mark all your notifications read',
    responses: { 204: 'Read', 401: 'Not signed in' },
  },
];
