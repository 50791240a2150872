import { Hono } from 'hono';
import { requireUser } from '../../auth/guards.js';
import type { AppEnv } from '../../context.js';
import { acceptsAnyForm, formFields } from '../../http/form-fields.js';
import { render, setFlash, viewContext } from '../../http/render.js';
import { formBody, signedIn } from '../../http/validate.js';
import { tokyoDateOf } from '../../lib/dates.js';
import { pageCountOf } from '../../lib/paging.js';
import { InboxPage } from '../../../views/pages/notifications/inbox.js';
import { loadInbox, markAllRead, markRead } from './notifications.service.js';

const PAGE_SIZE = 20;

/** A page number from the query or a form: anything odd is page 1. */
function pageNumber(raw: string | undefined): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}

const inboxPath = (page: number) => (page > 1 ? `/inbox?page=${page}` : '/inbox');

export const notificationsPages = new Hono<AppEnv>();

notificationsPages.get('/inbox', async (c) => {
  const user = requireUser(c);
  const page = pageNumber(c.req.query('page'));
  const inbox = await loadInbox(
    c.var.deps.db,
    user.id,
    { page, pageSize: PAGE_SIZE },
    { locale: c.var.locale, today: tokyoDateOf(c.var.deps.clock.now()) },
  );
  const pages = pageCountOf(inbox.total, PAGE_SIZE);
  // The header count comes from the request's start; show the one this page just read.
  const ctx = { ...viewContext(c), unreadCount: inbox.unread };
  return render(
    c,
    <InboxPage ctx={ctx} items={inbox.items} unread={inbox.unread} page={page} pages={pages} />,
  );
});

notificationsPages.post('/inbox/read-all', async (c) => {
  const user = requireUser(c);
  await markAllRead(c.var.deps, user);
  setFlash(c, 'inbox.markedAllRead');
  return c.redirect('/inbox', 303);
});

/** The inbox page the form was sent from. */
const pageForm = formFields.transform((form) => ({ page: pageNumber(form.page) }));

notificationsPages.post(
  '/inbox/:id/read',
  signedIn,
  formBody(pageForm, acceptsAnyForm),
  async (c) => {
    const user = requireUser(c);
    await markRead(c.var.deps, user, c.req.param('id'));
    setFlash(c, 'inbox.markedRead');
    return c.redirect(inboxPath(c.req.valid('form').page), 303);
  },
);
