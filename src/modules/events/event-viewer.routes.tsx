import { Hono } from 'hono';
import { requireOwnMember } from '../../auth/guards.js';
import type { AppContext, AppEnv } from '../../context.js';
import { pageNumberOf } from '../../lib/paging.js';
import { renderPage, setFlash } from '../../http/render.js';
import { formBody, signedIn } from '../../http/validate.js';
import { EventListPage } from '../../../views/pages/events/event-list.js';
import { EventFlyerPage } from '../../../views/pages/events/flyer.js';
import { childrenCountForm } from './event-form.js';
import { redirectUnlessRefused } from '../../http/refusal.js';
import { eventViewsFor, myRegistrations, toEventView } from './event-pages.js';
import { EventDetailPage, type Registrant } from '../../../views/pages/events/event-detail.js';
import type { Viewer } from './audience.js';
import { MAX_CHILDREN } from './events.schemas.js';
import { UUID } from '../../http/paths.js';
import { EVENT } from './event-paths.js';
import { eventCalendar } from './events.ics.js';
import { cancelEventRegistration, loadVisibleEvent, registerForEvent } from './events.service.js';
import { loadViewer } from './viewer.js';

/** The event pages everyone sees (by audience), and a member's own registration. */
export const eventViewerPages = new Hono<AppEnv>();

function registrantOf(viewer: Viewer): Registrant {
  if (viewer.kind === 'anonymous') return 'anonymous';
  if (viewer.kind === 'staff') return 'staff';
  if (!viewer.memberId) return 'inactive';
  if (viewer.reach === 'members') return 'member';
  return viewer.applicant ? 'applicant' : 'inactive';
}

export async function renderEvent(
  c: AppContext,
  id: string,
  options: { actionError?: string; status?: 200 | 409 | 422; children?: string } = {},
) {
  const viewer = await loadViewer(c.var.deps.db, c.var.user);
  const row = await loadVisibleEvent(c.var.deps, viewer, id);
  const mine = await myRegistrations(c, viewer);
  const nowIso = c.var.deps.clock.now().toISOString();
  return renderPage(
    c,
    EventDetailPage,
    {
      event: toEventView(row, nowIso, mine.get(row.id) ?? null),
      registrant: registrantOf(viewer),
      maxChildren: MAX_CHILDREN,
      actionError: options.actionError,
      children: options.children,
    },
    options.status,
  );
}

/** Events per page of the list: the past ones grow every month. */
const EVENT_PAGE_SIZE = 20;

eventViewerPages.get('/events', async (c) => {
  const when = c.req.query('when') === 'past' ? 'past' : 'upcoming';
  const page = pageNumberOf(c.req.query('page'));
  // One row more than a page says whether a next page exists, without counting them all.
  const { viewer, events } = await eventViewsFor(c, when, {
    limit: EVENT_PAGE_SIZE + 1,
    offset: (page - 1) * EVENT_PAGE_SIZE,
  });
  const hasNext = events.length > EVENT_PAGE_SIZE;
  const base = when === 'past' ? '/events?when=past' : '/events';
  return renderPage(c, EventListPage, {
    events: events.slice(0, EVENT_PAGE_SIZE),
    when,
    paging: {
      page,
      pageCount: hasNext ? page + 1 : page,
      href: (p: number) => (p > 1 ? `${base}${base.includes('?') ? '&' : '?'}page=${p}` : base),
    },
    isStaff: viewer.kind === 'staff',
    signedIn: viewer.kind !== 'anonymous',
  });
});

eventViewerPages.get(EVENT, (c) => renderEvent(c, c.req.param('id')));

eventViewerPages.get(`/events/:file{${UUID}\\.ics}`, async (c) => {
  const id = c.req.param('file').replace(/\.ics$/, '');
  const viewer = await loadViewer(c.var.deps.db, c.var.user);
  const row = await loadVisibleEvent(c.var.deps, viewer, id);
  const body = eventCalendar(row, {
    prodName: c.var.t('app.center'),
    origin: c.var.deps.config.PUBLIC_ORIGIN,
  });
  return c.body(body, 200, {
    'Content-Type': 'text/calendar; charset=utf-8',
    'Content-Disposition': `attachment; filename="event-${row.id}.ics"`,
  });
});

eventViewerPages.get(`${EVENT}/flyer`, async (c) => {
  const viewer = await loadViewer(c.var.deps.db, c.var.user);
  const row = await loadVisibleEvent(c.var.deps, viewer, c.req.param('id'));
  const origin = c.var.deps.config.PUBLIC_ORIGIN?.replace(/\/+$/, '');
  return renderPage(c, EventFlyerPage, {
    event: toEventView(row, c.var.deps.clock.now().toISOString()),
    url: origin ? `${origin}/events/${row.id}` : null,
  });
});

/** The signed-in member who acts on their own registration; 404 for anyone else. */
function ownMember(c: AppContext) {
  return requireOwnMember(c, { withdrawn: true });
}

/** A member of another audience gets 404, as if the event did not exist. */
async function visibleToMember(c: AppContext) {
  const own = ownMember(c);
  const id = c.req.param('id') ?? '';
  await loadVisibleEvent(c.var.deps, await loadViewer(c.var.deps.db, own.user), id);
  return { ...own, id };
}

eventViewerPages.post(
  `${EVENT}/register`,
  signedIn,
  formBody(childrenCountForm, async (c, errors, values) => {
    const { id } = await visibleToMember(c);
    const actionError = errors.children;
    return renderEvent(c, id, { actionError, status: 422, children: values.children });
  }),
  async (c) => {
    const { user, member, id } = await visibleToMember(c);
    const children = c.req.valid('form');
    return redirectUnlessRefused(
      c,
      `/events/${id}`,
      async () => {
        const outcome = await registerForEvent(c.var.deps, user, id, member.id, {
          byStaff: false,
          children,
        });
        if (outcome.status === 'registered') setFlash(c, 'events.registeredNotice');
        else
          setFlash(c, 'events.waitlistedNotice', {
            position: String(outcome.waitlistPosition ?? 1),
          });
      },
      (r) => renderEvent(c, id, r),
    );
  },
);

eventViewerPages.post(`${EVENT}/withdraw`, async (c) => {
  const { user, member, id } = await visibleToMember(c);
  return redirectUnlessRefused(
    c,
    `/events/${id}`,
    async () => {
      await cancelEventRegistration(c.var.deps, user, id, member.id, { byStaff: false });
      setFlash(c, 'events.withdrawnNotice');
    },
    (r) => renderEvent(c, id, r),
  );
});
