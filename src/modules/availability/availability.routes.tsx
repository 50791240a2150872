import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { requireUser } from '../../auth/guards.js';
import type { AppContext, AppEnv, CurrentUser } from '../../context.js';
import { readForm, validateForm } from '../../http/forms.js';
import { render, setFlash, viewContext } from '../../http/render.js';
import { isValidDateString, tokyoDateOf } from '../../lib/dates.js';
import { AppError, notFound } from '../../lib/errors.js';
import type { Translator } from '../../lib/i18n.js';
import {
  findMemberById,
  findMemberByUserId,
  type MemberWithEmail,
} from '../members/members.queries.js';
import { canViewMember } from '../members/members.policy.js';
import { parseTime, validateWeeklySlots, type WeeklySlot } from './availability.js';
import { publicOrigin } from './availability.api.js';
import { findCalendarFeed } from './availability.queries.js';
import { exceptionBody } from './availability.schemas.js';
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
  SLOT_ISSUE_KEYS,
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
import { displayTime, monthDay as formatMonthDay } from '../../../views/format.js';

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

// ---------------------------------------------------------------------------------------------
// Reading the weekly form

/** Full-width digits and colons become ASCII; "9:00" becomes "09:00". Empty stays empty. */
function normalizeTime(raw: string | undefined): string {
  const v = (raw ?? '').normalize('NFKC').trim();
  if (/^\d:\d\d$/.test(v)) return `0${v}`;
  // Some browsers send seconds when a step is set.
  if (/^\d\d:\d\d:00$/.test(v)) return v.slice(0, 5);
  return v;
}

const ROW_FIELD = /^w([1-7])_(\d{1,2})_(?:start|end)$/;
const MAX_ROWS_PER_DAY = 10;

/** Rows per weekday in a posted form, so a refused form comes back with the rows it had. */
function rowsInForm(form: Record<string, string>): Record<number, number> {
  const rows: Record<number, number> = {};
  for (const weekday of WEEKDAYS) rows[weekday] = 1;
  for (const key of Object.keys(form)) {
    const m = ROW_FIELD.exec(key);
    if (!m) continue;
    const weekday = Number(m[1]);
    const count = Math.min(Number(m[2]) + 1, MAX_ROWS_PER_DAY);
    if (count > (rows[weekday] ?? 0)) rows[weekday] = count;
  }
  return rows;
}

type WeeklyFormResult = { ok: true; slots: WeeklySlot[] } | { ok: false; state: WeeklyFormState };

/**
 * Reads the weekly editor: one row per time range, both times or neither. Every problem is
 * reported at once, next to its row (incomplete rows, bad times, overlaps, inverted ranges).
 */
function readWeeklyForm(form: Record<string, string>, t: Translator): WeeklyFormResult {
  const rows = rowsInForm(form);
  const values: Record<string, string> = {};
  const errors: Record<string, string> = {};
  const slots: WeeklySlot[] = [];
  const rowOfSlot: string[] = [];
  for (const weekday of WEEKDAYS) {
    for (let i = 0; i < (rows[weekday] ?? 1); i++) {
      const row = slotRowKey(weekday, i);
      const start = normalizeTime(form[`${row}_start`]);
      const end = normalizeTime(form[`${row}_end`]);
      values[`${row}_start`] = start;
      values[`${row}_end`] = end;
      if (!start && !end) continue;
      if (!start || !end) errors[row] = t('availability.slot.bothTimes');
      else if (parseTime(start) < 0 || parseTime(end) < 0)
        errors[row] = t('availability.validation.time');
      else {
        slots.push({ weekday, start, end });
        rowOfSlot.push(row);
      }
    }
  }
  for (const issue of validateWeeklySlots(slots)) {
    const row = rowOfSlot[issue.index]!;
    const other = issue.otherIndex === undefined ? undefined : slots[issue.otherIndex];
    errors[row] = other
      ? t('availability.slot.overlapsWith', {
          start: displayTime(other.start),
          end: displayTime(other.end),
        })
      : t(SLOT_ISSUE_KEYS[issue.code]);
  }
  if (Object.keys(errors).length) return { ok: false, state: { values, rows, errors } };
  return { ok: true, slots };
}

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
  return render(
    c,
    <AvailabilityPage
      ctx={viewContext(c)}
      base={target.base}
      calendarHref={target.calendarPath}
      helperName={target.helperName}
      weekly={form.weekly ?? weeklyStateOf(availability.weekly)}
      exceptions={availability.exceptions}
      exceptionForm={form.exception ?? { values: {}, errors: {} }}
      feed={{
        createdAt: feed?.created_at ?? null,
        newUrl: status === 200 ? takeNewFeedUrl(c, target.member.id) : null,
      }}
      today={tokyoDateOf(deps.clock.now())}
    />,
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

  availabilityPages.post(`${path}/weekly`, async (c) => {
    const target = await resolve(c);
    const parsed = readWeeklyForm(await readForm(c), c.var.t);
    if (!parsed.ok) return renderAvailabilityPage(c, target, { weekly: parsed.state }, 422);
    await replaceWeeklySlots(
      c.var.deps,
      target.user,
      target.member,
      parsed.slots,
      c.var.clientAddress,
    );
    setFlash(c, 'availability.weekly.saved');
    return c.redirect(`${target.base}#main`, 303);
  });

  availabilityPages.post(`${path}/exceptions`, async (c) => {
    const target = await resolve(c);
    const { t } = c.var;
    const form = await readForm(c);
    const hours = form.kind === 'hours';
    const values = {
      date: (form.date ?? '').normalize('NFKC').trim(),
      kind: hours ? 'hours' : 'day',
      start: normalizeTime(form.start),
      end: normalizeTime(form.end),
      note: form.note ?? '',
    };
    const fail = (errors: Record<string, string>) =>
      renderAvailabilityPage(c, target, { exception: { values, errors } }, 422);
    if (!values.date) return fail({ date: t('validation.required') });
    if (hours && !values.start && !values.end)
      return fail({ start: t('availability.exception.timesRequired') });
    const parsed = validateForm(c, exceptionBody, {
      date: values.date,
      start: hours ? values.start : null,
      end: hours ? values.end : null,
      note: values.note,
    });
    if (!parsed.ok) return fail(parsed.errors);
    try {
      await addException(c.var.deps, target.user, target.member, parsed.data, c.var.clientAddress);
    } catch (err) {
      if (err instanceof AppError && err.code === 'exception_in_past')
        return fail({ date: t('rule.exception_in_past') });
      if (err instanceof AppError && err.code === 'invalid_exception')
        return fail({ end: t('availability.exception.start_not_before_end') });
      throw err;
    }
    setFlash(c, 'availability.exceptions.added', {
      date: formatMonthDay(parsed.data.date, c.var.locale),
    });
    return c.redirect(`${target.base}#main`, 303);
  });

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
    return render(
      c,
      <CalendarPage
        ctx={viewContext(c)}
        path={target.calendarPath}
        availabilityHref={target.base}
        helperName={target.helperName}
        week={data}
      />,
    );
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
