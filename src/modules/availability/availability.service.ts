import { categoryLabel } from '../../i18n/category-labels.js';
import holidayJp from '@holiday-jp/holiday_jp';
import type { AppDeps, CurrentUser } from '../../context.js';
import {
  addDaysToDate,
  isoWeekdayOf,
  tokyoDateOf,
  tokyoInstant,
  tokyoTimeOf,
} from '../../lib/dates.js';
import { AppError, notFound, unprocessable } from '../../lib/errors.js';
import { translator, type MessageKey, type Translator } from '../../lib/i18n.js';
import { newId, randomToken, sha256Hex } from '../../lib/ids.js';
import type { Locale, RequestStatus } from '../../../db/schema.js';
import { buildAuditInsert } from '../audit/audit.queries.js';
import { changeAudited } from '../audit/audit.service.js';
import { requestAccess, type ChildDataAccess } from '../access/child-access.policy.js';
import type { MemberWithEmail } from '../members/members.queries.js';
import {
  freeIntervalsOn,
  validateException,
  validateWeeklySlots,
  type SlotIssue,
  type WeeklySlot,
} from './availability.js';
import {
  buildDeleteCalendarFeed,
  buildDeleteException,
  buildInsertException,
  buildReplaceWeeklySlots,
  buildUpsertCalendarFeed,
  findCalendarFeedByTokenHash,
  findFeedHelper,
  listAssignments,
  listExceptions,
  listWeeklySlots,
  type AssignmentRow,
} from './availability.queries.js';
import type { ExceptionInput } from './availability.schemas.js';
import { writeCalendar, type CalendarEvent } from './ical.js';

/** An exception as the API and the pages show it. */
export interface ExceptionView {
  id: string;
  date: string;
  start: string | null;
  end: string | null;
  note: string | null;
}

export interface AvailabilityView {
  weekly: WeeklySlot[];
  exceptions: ExceptionView[];
}

/** The i18n key of each slot problem, as field messages of `invalid_slots`. */
export const SLOT_ISSUE_KEYS: Record<SlotIssue['code'], MessageKey> = {
  weekday_invalid: 'availability.slot.weekday_invalid',
  time_invalid: 'availability.slot.time_invalid',
  start_not_before_end: 'availability.slot.start_not_before_end',
  overlaps_other_slot: 'availability.slot.overlaps_other_slot',
};

/** 422 `invalid_slots`: `fields["weekly.<index>"]` names each offending slot; `issues` for forms. */
export class InvalidSlotsError extends AppError {
  constructor(readonly issues: SlotIssue[]) {
    const fields: Record<string, string[]> = {};
    for (const issue of issues)
      (fields[`weekly.${issue.index}`] ??= []).push(SLOT_ISSUE_KEYS[issue.code]);
    super(422, 'invalid_slots', 'rule.invalid_slots', fields);
  }
}

/** Availability belongs to the helper side; withdrawn members keep none. */
export function assertHelperSide(member: MemberWithEmail) {
  if (member.helper_status === null) throw unprocessable('not_a_helper');
  if (member.withdrawn_at || member.helper_status === 'withdrawn')
    throw unprocessable('member_withdrawn');
}

export const hasHelperSide = (member: MemberWithEmail) =>
  member.helper_status !== null && member.helper_status !== 'withdrawn' && !member.withdrawn_at;

function toExceptionView(row: {
  id: string;
  date: string;
  start_time: string | null;
  end_time: string | null;
  note: string | null;
}): ExceptionView {
  return { id: row.id, date: row.date, start: row.start_time, end: row.end_time, note: row.note };
}

/** Weekly slots (by weekday and time) and the exceptions from `fromDate` (default: today). */
export async function getAvailability(
  deps: AppDeps,
  member: MemberWithEmail,
  fromDate?: string,
): Promise<AvailabilityView> {
  assertHelperSide(member);
  const from = fromDate ?? tokyoDateOf(deps.clock.now());
  const [slots, exceptions] = await Promise.all([
    listWeeklySlots(deps.db, member.id),
    listExceptions(deps.db, member.id, from),
  ]);
  return {
    weekly: slots.map((s) => ({ weekday: s.weekday, start: s.start_time, end: s.end_time })),
    exceptions: exceptions.map(toExceptionView),
  };
}

const byDayAndTime = (a: WeeklySlot, b: WeeklySlot) =>
  a.weekday - b.weekday || a.start.localeCompare(b.start);

/**
 * Replaces every weekly slot of the helper in one atomic batch (delete, inserts, audit row).
 * Overlapping or inverted slots are refused as a whole: nothing changes.
 */
export async function replaceWeeklySlots(
  deps: AppDeps,
  actor: CurrentUser,
  member: MemberWithEmail,
  slots: readonly WeeklySlot[],
  clientAddress?: string,
): Promise<WeeklySlot[]> {
  assertHelperSide(member);
  const issues = validateWeeklySlots(slots);
  if (issues.length) throw new InvalidSlotsError(issues);
  const sorted = [...slots].sort(byDayAndTime).map((s) => ({
    weekday: s.weekday,
    start: s.start,
    end: s.end,
  }));
  await deps.atomic([
    ...buildReplaceWeeklySlots(
      deps.db,
      member.id,
      sorted.map((s) => ({ ...s, id: newId() })),
    ),
    buildAuditInsert(deps.db, {
      at: deps.clock.now(),
      actorUserId: actor.id,
      action: 'availability_updated',
      subjectType: 'member',
      subjectId: member.id,
      clientAddress,
      details: { slots: sorted.length },
    }),
  ]);
  return sorted;
}

/** A date (whole day or hours) on which the helper is not available. Today or later only. */
export async function addException(
  deps: AppDeps,
  actor: CurrentUser,
  member: MemberWithEmail,
  input: ExceptionInput,
  clientAddress?: string,
): Promise<ExceptionView> {
  assertHelperSide(member);
  const issues = validateException(input);
  if (issues.includes('start_not_before_end')) {
    throw new AppError(422, 'invalid_exception', 'rule.invalid_exception', {
      end: ['availability.exception.start_not_before_end'],
    });
  }
  if (issues.length) throw unprocessable('invalid_exception');
  if (input.date < tokyoDateOf(deps.clock.now())) throw unprocessable('exception_in_past');
  const now = deps.clock.now();
  const row = {
    id: newId(),
    member_id: member.id,
    date: input.date,
    start_time: input.start,
    end_time: input.end,
    note: input.note,
    created_at: now.toISOString(),
  };
  await deps.atomic([
    buildInsertException(deps.db, row),
    buildAuditInsert(deps.db, {
      at: now,
      actorUserId: actor.id,
      action: 'availability_exception_added',
      subjectType: 'member',
      subjectId: member.id,
      clientAddress,
      details: { exceptionId: row.id, date: row.date },
    }),
  ]);
  return toExceptionView(row);
}

export async function removeException(
  deps: AppDeps,
  actor: CurrentUser,
  member: MemberWithEmail,
  exceptionId: string,
  clientAddress?: string,
) {
  assertHelperSide(member);
  // Audited only when a row went (an unknown id changes nothing and answers 404).
  const { changed } = await changeAudited(
    deps,
    actor,
    buildDeleteException(deps.db, member.id, exceptionId),
    {
      action: 'availability_exception_removed',
      subjectType: 'member',
      subjectId: member.id,
      clientAddress,
      details: { exceptionId },
    },
  );
  if (!changed) throw notFound();
}

/** The path of a feed URL; the token is the only secret in it. */
export const calendarFeedPath = (token: string) => `/calendar/${token}.ics`;

/**
 * Creates the helper's private feed, or replaces its token: a new random token is returned once
 * and only its SHA-256 is stored, so the previous URL stops working immediately.
 */
export async function createCalendarFeed(
  deps: AppDeps,
  actor: CurrentUser,
  member: MemberWithEmail,
  clientAddress?: string,
): Promise<string> {
  assertHelperSide(member);
  const token = randomToken(32);
  const now = deps.clock.now();
  await deps.atomic([
    buildUpsertCalendarFeed(deps.db, {
      member_id: member.id,
      token_hash: await sha256Hex(token),
      created_at: now.toISOString(),
    }),
    buildAuditInsert(deps.db, {
      at: now,
      actorUserId: actor.id,
      action: 'calendar_feed_created',
      subjectType: 'member',
      subjectId: member.id,
      clientAddress,
    }),
  ]);
  return token;
}

export async function revokeCalendarFeed(
  deps: AppDeps,
  actor: CurrentUser,
  member: MemberWithEmail,
  clientAddress?: string,
) {
  // Idempotent: revoking a feed that does not exist changes (and audits) nothing.
  await changeAudited(deps, actor, buildDeleteCalendarFeed(deps.db, member.id), {
    action: 'calendar_feed_revoked',
    subjectType: 'member',
    subjectId: member.id,
    clientAddress,
  });
}

/** "田中 さくら" → "田中": the family name is what a helper's calendar shows. */
export function familyNameOf(fullName: string): string {
  const trimmed = fullName.trim();
  return trimmed.split(/[\s\u3000]+/)[0] ?? trimmed;
}

const CARE_LOCATIONS = ['helper_home', 'requester_home', 'other'] as const;
const locationKey = (location: string): MessageKey =>
  (CARE_LOCATIONS as readonly string[]).includes(location)
    ? (`availability.location.${location}` as MessageKey)
    : 'availability.location.other';

/**
 * One assignment as a calendar event. Privacy: the family name, the number of children, the
 * category and the kind of place only; never children's names, health data, addresses or notes.
 * The family name only while the access policy gives the helper the family's details (a live
 * match with an active helper side); a finished activity shows no family.
 */
export function assignmentEvent(
  a: AssignmentRow,
  t: Translator,
  origin: string,
  access: ChildDataAccess = 'full',
): CalendarEvent {
  const children = Number(a.child_count ?? 0);
  const family = familyNameOf(a.requester_name);
  return {
    uid: `request-${a.id}@tsunagu`,
    startsAt: new Date(a.starts_at),
    endsAt: new Date(a.ends_at),
    updatedAt: new Date(a.updated_at),
    summary:
      access === 'full'
        ? t(children === 1 ? 'availability.feed.summaryOne' : 'availability.feed.summary', {
            family,
            children,
          })
        : t('availability.feed.summaryDone', { children }),
    description: [
      t('availability.feed.category', { category: categoryLabel(t, a.category) }),
      t('availability.feed.location', { location: t(locationKey(a.care_location)) }),
      t('availability.feed.details', { url: `${origin}/requests/${a.id}` }),
    ].join('\n'),
    url: `${origin}/requests/${a.id}`,
    status: 'CONFIRMED',
  };
}

/** How far back the feed reaches: recent activities stay visible for reports. */
export const FEED_DAYS_BACK = 30;

/**
 * The iCalendar text of the feed at `token`, or undefined for an unknown (or revoked) token.
 * Written in the helper's language.
 */
export async function calendarFeedFor(
  deps: AppDeps,
  token: string,
  origin: string,
): Promise<string | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const feed = await findCalendarFeedByTokenHash(deps.db, await sha256Hex(token));
  if (!feed) return undefined;
  const helper = await findFeedHelper(deps.db, feed.member_id);
  // A suspended or withdrawn helper side has no feed (404) until it is active again.
  if (
    !helper ||
    helper.withdrawn_at ||
    (helper.helper_status !== 'active' && helper.helper_status !== 'applied')
  )
    return undefined;
  const locale: Locale = helper.locale ?? 'ja';
  const t = translator(locale);
  const from = new Date(deps.clock.now().getTime() - FEED_DAYS_BACK * 86_400_000);
  const assignments = await listAssignments(deps.db, helper.id, from.toISOString());
  return writeCalendar({
    prodId: '-//Tsunagu//Family Support Center//JA',
    name: t('availability.feed.name'),
    refreshMinutes: 60,
    events: assignments.map((a) =>
      assignmentEvent(a, t, origin, requestAccess({ ...helper, withdrawn_at: null }, a)),
    ),
  });
}

// ---------------------------------------------------------------------------------------------
// The week view

export interface TimeRange {
  start: string;
  end: string;
}

export interface CalendarAssignment extends TimeRange {
  id: string;
  family: string;
  category: number;
  children: number;
  status: RequestStatus;
}

export interface CalendarDay {
  date: string;
  weekday: number;
  isToday: boolean;
  isPast: boolean;
  /** The national holiday's name in the viewer's language, or null. */
  holiday: string | null;
  /** Weekly slots minus the day's exceptions. */
  free: TimeRange[];
  exceptions: ExceptionView[];
  assignments: CalendarAssignment[];
}

export interface CalendarWeek {
  /** The Monday of the week, YYYY-MM-DD. */
  monday: string;
  previous: string;
  next: string;
  /** Whether the week shown contains today. */
  isCurrent: boolean;
  days: CalendarDay[];
  hasWeeklySlots: boolean;
}

/** The Monday of the ISO week containing `date`. */
export const mondayOf = (date: string) => addDaysToDate(date, 1 - isoWeekdayOf(date));

/** HH:MM of an instant on `date`; the next midnight is "24:00". */
function timeOnDate(instant: Date, date: string): string {
  return tokyoDateOf(instant) === date ? tokyoTimeOf(instant) : '24:00';
}

function holidayName(date: string, locale: Locale): string | null {
  const entry = (
    holidayJp.holidays as Record<string, { name: string; name_en: string } | undefined>
  )[date];
  if (!entry) return null;
  return locale === 'ja' ? entry.name : entry.name_en;
}

/** Seven days (Monday–Sunday, Tokyo) of slots, exceptions and assignments. */
export async function calendarWeek(
  deps: AppDeps,
  member: MemberWithEmail,
  anyDateInWeek: string | undefined,
  locale: Locale,
): Promise<CalendarWeek> {
  assertHelperSide(member);
  const today = tokyoDateOf(deps.clock.now());
  const monday = mondayOf(anyDateInWeek ?? today);
  const sunday = addDaysToDate(monday, 6);
  const [slots, exceptionRows, assignmentRows] = await Promise.all([
    listWeeklySlots(deps.db, member.id),
    listExceptions(deps.db, member.id, monday, sunday),
    listAssignments(
      deps.db,
      member.id,
      tokyoInstant(monday).toISOString(),
      tokyoInstant(addDaysToDate(monday, 7)).toISOString(),
    ),
  ]);
  const weekly = slots.map((s) => ({ weekday: s.weekday, start: s.start_time, end: s.end_time }));
  const exceptions = exceptionRows.map(toExceptionView);
  const days: CalendarDay[] = [];
  for (let i = 0; i < 7; i++) {
    const date = addDaysToDate(monday, i);
    const dayExceptions = exceptions.filter((e) => e.date === date);
    days.push({
      date,
      weekday: i + 1,
      isToday: date === today,
      isPast: date < today,
      holiday: holidayName(date, locale),
      free: freeIntervalsOn(date, weekly, dayExceptions, []).map((f) => ({
        start: timeOnDate(f.startsAt, date),
        end: timeOnDate(f.endsAt, date),
      })),
      exceptions: dayExceptions,
      assignments: assignmentRows
        .filter((a) => tokyoDateOf(a.starts_at) === date)
        .map((a) => ({
          id: a.id,
          start: tokyoTimeOf(a.starts_at),
          end: timeOnDate(new Date(a.ends_at), date),
          family: familyNameOf(a.requester_name),
          category: a.category,
          children: Number(a.child_count ?? 0),
          status: a.status,
        })),
    });
  }
  return {
    monday,
    previous: addDaysToDate(monday, -7),
    next: addDaysToDate(monday, 7),
    isCurrent: monday === mondayOf(today),
    days,
    hasWeeklySlots: weekly.length > 0,
  };
}
