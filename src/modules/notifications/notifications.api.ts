import { z } from 'zod';
import { jsonApi, jsonResponse, listOf, noContent, operationsOf } from '../../http/api-route.js';
import { tokyoDateOf, toTokyoIso } from '../../lib/dates.js';
import type { NotificationRow } from './notifications.queries.js';
import { loadInbox, markAllRead, markRead } from './notifications.service.js';

export const notificationListQuery = z
  .object({
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

export function toNotificationJson(n: Omit<NotificationRow, 'params'>) {
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

export const notificationJson = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

const api = jsonApi();
export const notificationsApi = api.router;
const op = operationsOf('notifications');

// NOTE: every route works on the caller's own notifications only; another user's id is a 404.
const listRoute = op('signed-in', 'get /notifications', {
  summary: 'Your notifications, newest first',
  query: notificationListQuery,
  responses: {
    200: jsonResponse(
      'A page of notifications with the unread count',
      listOf(notificationJson).extend({ unread: z.number().int() }),
    ),
  },
});
api.openapi(listRoute, async (c, user) => {
  const query = c.req.valid('query');
  const inbox = await loadInbox(c.var.deps.db, user.id, query, {
    locale: c.var.locale,
    today: tokyoDateOf(c.var.deps.clock.now()),
  });
  return {
    items: inbox.items.map(toNotificationJson),
    total: inbox.total,
    unread: inbox.unread,
    page: query.page,
    pageSize: query.pageSize,
  };
});

const readAllRoute = op('signed-in', 'post /notifications/read-all', {
  summary: 'Mark all your notifications read',
  responses: { 204: noContent('Read') },
});
api.openapi(readAllRoute, async (c, user) => {
  await markAllRead(c.var.deps, user);
});

const readRoute = op('signed-in', 'post /notifications/{id}/read', {
  summary: 'Mark one of your notifications read (repeating it changes nothing)',

  responses: { 204: noContent('Read') },
});
api.openapi(readRoute, async (c, user) => {
  await markRead(c.var.deps, user, c.req.valid('param').id);
});
