import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { requireUser } from '../../auth/guards.js';
import type { AppContext, AppEnv, CurrentUser } from '../../context.js';
import { createMiddleware } from 'hono/factory';
import { guardedValue } from '../../http/guarded.js';
import { formPosts } from '../../http/form-posts.js';
import { fieldRefusal } from '../../http/refusal.js';
import { renderPage, setFlash } from '../../http/render.js';
import { isValidDateString, tokyoDateOf } from '../../lib/dates.js';
import { AppError, notFound } from '../../lib/errors.js';
import {
  findMemberById,
  findMemberByUserId,
  type MemberWithEmail,
} from '../members/members.queries.js';
import { canViewMember } from '../members/members.policy.js';
import { type WeeklySlot } from './availability.js';
import {
  exceptionForm,
  exceptionFormValues,
  weeklyForm,
  weeklyFormValues,
} from './availability-form.js';
import { publicOrigin } from './availability.api.js';
import { findCalendarFeed } from './availability.queries.js';
import {
  addException,
  assertHelperSide,
  calendarFeedFor,
  calendarFeedPath,
  calendarWeek,
  createCalendarFeed,
  getAvailability,
  removeException,
  replaceWeeklySlots,
  revokeCalendarFeed,
} from './availability.service.js';
import {
  AvailabilityPage,
  SLOTS_PER_DAY,
  slotRowKey,
  WEEKDAYS,
  type ExceptionFormState,
  type WeeklyFormState,
} from '../../../views/pages/availability/availability.js';
import { CalendarPage } from '../../../views/pages/availability/calendar.js';
import { monthDay as formatMonthDay } from '../../../views/format.js';

export const availabilityPages = new Hono<AppEnv>();

/** Whose availability a page shows, and where its forms post. */
interface Target {
  user: CurrentUser;
  member: MemberWithEmail;
  /** /availability, or /members/:id/availability when staff look at a helper. */
  base: string;
  calendarPath: string;
  /** The helper's name when someone else (staff) is looking. */
  helperName: string | null;
}

type Resolve = (c: AppContext) => Promise<Target>;

/** The target a form route resolved before its form is read (authorization first). */
const resolved = guardedValue<Target>('availability target');
const resolving = (resolve: Resolve) =>
  createMiddleware<AppEnv>(async (c, next) => {
    resolved.set(c, await resolve(c));
    await next();
  });

/** The signed-in helper's own pages. Members without a helper side get the rule's message. */
const ownTarget: Resolve = async (c) => {
  const user = requireUser(c);
  const member = await findMemberByUserId(c.var.deps.db, user.id);
  if (!member) throw notFound();
  assertHelperSide(member);
  return { user, member, base: '/availability', calendarPath: '/calendar', helperName: null };
};

/** Staff (or the helper herself) at /members/:id/…; anyone else gets a 404. */
const memberTarget: Resolve = async (c) => {
  const user = requireUser(c);
  const member = await findMemberById(c.var.deps.db, c.req.param('id') ?? '');
  if (!member || !canViewMember(user, member)) throw notFound();
  assertHelperSide(member);
  return {
    user,
    member,
    base: `/members/${member.id}/availability`,
    calendarPath: `/members/${member.id}/calendar`,
    helperName: member.user_id === user.id ? null : member.name,
  };
};

function weeklyStateOf(slots: readonly WeeklySlot[]): WeeklyFormState {
  const values: Record<string, string> = {};
  const rows: Record<number, number> = {};
  for (const weekday of WEEKDAYS) {
    const day = slots.filter((s) => s.weekday === weekday);
    // The saved ranges and one empty row, up to three a day: a short form on a phone.
    rows[weekday] = Math.max(day.length, Math.min(SLOTS_PER_DAY, day.length + 1));
    day.forEach((slot, i) => {
      values[`${slotRowKey(weekday, i)}_start`] = slot.start;
      values[`${slotRowKey(weekday, i)}_end`] = slot.end;
    });
  }
  return { values, rows, errors: {} };
}

// ---------------------------------------------------------------------------------------------
// The feed URL, shown once

const FEED_COOKIE = 'tsunagu_new_feed';

/** Keeps a just-created feed URL for the page shown after the redirect (then forgets it). */
function rememberNewFeedUrl(c: AppContext, memberId: string, url: string) {
  setCookie(c, FEED_COOKIE, JSON.stringify({ m: memberId, u: url }), {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.var.deps.config.SECURE_COOKIES,
    maxAge: 300,
  });
}

function takeNewFeedUrl(c: AppContext, memberId: string): string | null {
  const raw = getCookie(c, FEED_COOKIE);
  if (!raw) return null;
  deleteCookie(c, FEED_COOKIE, { path: '/', secure: c.var.deps.config.SECURE_COOKIES });
  try {
    const { m, u } = JSON.parse(raw) as { m?: unknown; u?: unknown };
    return m === memberId && typeof u === 'string' ? u : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Pages

async function renderAvailabilityPage(
  c: AppContext,
  target: Target,
  form: { weekly?: WeeklyFormState; exception?: ExceptionFormState } = {},
  status: 200 | 422 = 200,
) {
  const { deps } = c.var;
  const [availability, feed] = await Promise.all([
    getAvailability(deps, target.member),
    findCalendarFeed(deps.db, target.member.id),
  ]);
  return renderPage(
    c,
    AvailabilityPage,
    {
      base: target.base,
      calendarHref: target.calendarPath,
      helperName: target.helperName,
      weekly: form.weekly ?? weeklyStateOf(availability.weekly),
      exceptions: availability.exceptions,
      exceptionForm: form.exception ?? { values: {}, errors: {} },
      feed: {
        createdAt: feed?.created_at ?? null,
        newUrl: status === 200 ? takeNewFeedUrl(c, target.member.id) : null,
      },
      today: tokyoDateOf(deps.clock.now()),
    },
    status,
  );
}

function registerAvailabilityPages(path: string, resolve: Resolve) {
  availabilityPages.get(path, async (c) => renderAvailabilityPage(c, await resolve(c)));

  // After a refused form the address bar shows the form's action: going there again (a bookmark,
  // the back button) lands on the page instead of a 404.
  for (const [form, section] of [
    ['weekly', 'weekly'],
    ['exceptions', 'exceptions'],
    ['calendar-feed', 'calendar-feed'],
  ] as const) {
    availabilityPages.get(`${path}/${form}`, async (c) => {
      const target = await resolve(c);
      return c.redirect(`${target.base}#${section}`, 303);
    });
  }

  /** The page's forms: the helper whose hours they are, resolved before the form is read. */
  const targetForm = formPosts(availabilityPages, [resolving(resolve)], resolved.of);

  targetForm(
    `${path}/weekly`,
    weeklyForm,
    (c, errors, values) =>
      renderAvailabilityPage(
        c,
        resolved.of(c),
        { weekly: { ...weeklyFormValues(values), errors } },
        422,
      ),
    async (c, target, weekly) => {
      await replaceWeeklySlots(c.var.deps, target.user, target.member, weekly, c.var.clientAddress);
      setFlash(c, 'availability.weekly.saved');
      return c.redirect(`${target.base}#main`, 303);
    },
  );

  targetForm(
    `${path}/exceptions`,
    exceptionForm,
    (c, errors, values) =>
      renderAvailabilityPage(
        c,
        resolved.of(c),
        { exception: { values: exceptionFormValues(values), errors } },
        422,
      ),
    async (c, target, { values, input }) => {
      try {
        await addException(c.var.deps, target.user, target.member, input, c.var.clientAddress);
      } catch (err) {
        const errors = fieldRefusal(c, err, {
          exception_in_past: ['date', 'rule.exception_in_past'],
          invalid_exception: ['end', 'availability.exception.start_not_before_end'],
        });
        if (!errors) throw err;
        return renderAvailabilityPage(c, target, { exception: { values, errors } }, 422);
      }
      setFlash(c, 'availability.exceptions.added', {
        date: formatMonthDay(input.date, c.var.locale),
      });
      return c.redirect(`${target.base}#main`, 303);
    },
  );

  availabilityPages.post(`${path}/exceptions/:exceptionId/delete`, async (c) => {
    const target = await resolve(c);
    try {
      await removeException(
        c.var.deps,
        target.user,
        target.member,
        c.req.param('exceptionId'),
        c.var.clientAddress,
      );
    } catch (err) {
      // Pressing "delete" twice is not an error worth a page of its own.
      if (!(err instanceof AppError && err.status === 404)) throw err;
    }
    setFlash(c, 'availability.exceptions.deleted');
    return c.redirect(`${target.base}#main`, 303);
  });

  availabilityPages.post(`${path}/calendar-feed`, async (c) => {
    const target = await resolve(c);
    const token = await createCalendarFeed(
      c.var.deps,
      target.user,
      target.member,
      c.var.clientAddress,
    );
    rememberNewFeedUrl(c, target.member.id, `${publicOrigin(c)}${calendarFeedPath(token)}`);
    return c.redirect(`${target.base}#calendar-feed`, 303);
  });

  availabilityPages.post(`${path}/calendar-feed/revoke`, async (c) => {
    const target = await resolve(c);
    await revokeCalendarFeed(c.var.deps, target.user, target.member, c.var.clientAddress);
    setFlash(c, 'availability.feed.revoked');
    return c.redirect(`${target.base}#main`, 303);
  });
}

registerAvailabilityPages('/availability', ownTarget);
registerAvailabilityPages('/members/:id/availability', memberTarget);

function registerCalendarPage(path: string, resolve: Resolve) {
  availabilityPages.get(path, async (c) => {
    const target = await resolve(c);
    const week = c.req.query('week');
    const data = await calendarWeek(
      c.var.deps,
      target.member,
      week && isValidDateString(week) ? week : undefined,
      c.var.locale,
    );
    return renderPage(c, CalendarPage, {
      path: target.calendarPath,
      availabilityHref: target.base,
      helperName: target.helperName,
      week: data,
    });
  });
}

registerCalendarPage('/calendar', ownTarget);
registerCalendarPage('/members/:id/calendar', memberTarget);

/**
 * The private iCalendar feed. No session: calendar apps fetch it with the token alone, so an
 * unknown, rotated or revoked token is a plain 404.
 */
availabilityPages.get('/calendar/:file', async (c) => {
  const match = /^([A-Za-z0-9_-]+)\.ics$/.exec(c.req.param('file'));
  const ics = match ? await calendarFeedFor(c.var.deps, match[1]!, publicOrigin(c)) : undefined;
  if (ics === undefined) throw notFound();
  return c.body(ics, 200, {
    'Content-Type': 'text/calendar; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Disposition': 'inline; filename="tsunagu.ics"',
    'X-Robots-Tag': 'noindex',
  });
});
