import type { AppDeps, CurrentUser } from '../../context.js';
import { formatDateTime } from '../../lib/dates.js';
import { AppError, conflict, notFound, unprocessable } from '../../lib/errors.js';
import { takeSeat } from '../../lib/seats.js';
import { changeAudited, insertAudited } from '../audit/audit.service.js';
import type { EventAudience, SideStatus } from '../../../db/schema.js';
import { buildAuditInsert } from '../audit/audit.queries.js';
import { findMemberById } from '../members/members.queries.js';
import { notify } from '../notifications/notifications.service.js';
import { contentReach } from '../access/member-content.policy.js';
import { canSeeEvent, type Viewer } from './audience.js';
import {
  buildCancelRegistration,
  buildInsertEvent,
  buildPromoteWaitlisted,
  buildRecordAttendance,
  buildRegister,
  buildUpdateLiveEvent,
  findEvent,
  findMemberIdByNo,
  findRegisteredMemberIds,
  listRegistrantUserIds,
  type EventRow,
} from './events.queries.js';
import { MAX_CHILDREN, type EventInput } from './events.schemas.js';

function eventColumns(input: EventInput) {
  return {
    kind: input.kind,
    title: input.title,
    description: input.description,
    starts_at: new Date(input.startsAt).toISOString(),
    ends_at: new Date(input.endsAt).toISOString(),
    venue: input.venue,
    capacity: input.capacity,
    audience: input.audience,
    childcare: input.childcare ? (1 as const) : (0 as const),
  };
}

export async function createEvent(deps: AppDeps, actor: CurrentUser, input: EventInput) {
  const details = { kind: input.kind, audience: input.audience, capacity: input.capacity };
  const id = await insertAudited(
    deps,
    actor,
    { action: 'event_published', subjectType: 'event', details },
    (id, at) =>
      buildInsertEvent(deps.db, {
        id,
        ...eventColumns(input),
        cancelled_at: null,
        created_by: actor.id,
        created_at: at,
        updated_at: at,
      }),
  );
  return (await findEvent(deps.db, id))!;
}

/**
 * Edits an event. A raised capacity gives the new seats to the waitlist in the same batch (in
 * order); those promoted are told. A lowered capacity never takes a seat away.
 */
export async function updateEvent(
  deps: AppDeps,
  actor: CurrentUser,
  id: string,
  input: EventInput,
) {
  const event = await existingEvent(deps, id);
  if (event.cancelled_at) throw unprocessable('event_cancelled', 'events.rule.event_cancelled');
  const now = deps.clock.now().toISOString();
  const { changed, after } = await changeAudited(
    deps,
    actor,
    buildUpdateLiveEvent(deps.db, id, { ...eventColumns(input), updated_at: now }),
    {
      action: 'event_updated',
      subjectType: 'event',
      subjectId: id,
      details: { capacity: input.capacity, audience: input.audience },
    },
    [buildPromoteWaitlisted(deps.db, { eventId: id, at: now })],
  );
  if (!changed) throw conflict('event_cancelled', 'events.rule.event_cancelled');
  const updated = (await findEvent(deps.db, id))!;
  await notifyPromoted(deps, updated, after[0]?.rows ?? []);
  return updated;
}

/** Calls an event off (中止). Everyone registered or waiting is told. 409 when already off. */
export async function cancelEvent(deps: AppDeps, actor: CurrentUser, id: string) {
  const event = await existingEvent(deps, id);
  const now = deps.clock.now().toISOString();
  const { changed } = await changeAudited(
    deps,
    actor,
    buildUpdateLiveEvent(deps.db, id, { cancelled_at: now, updated_at: now }),
    { action: 'event_cancelled', subjectType: 'event', subjectId: id, details: {} },
  );
  if (!changed) throw conflict('event_cancelled', 'events.rule.event_cancelled');
  for (const r of await listRegistrantUserIds(deps.db, id)) {
    await safeNotify(deps, {
      userId: r.user_id,
      kind: 'event_cancelled',
      params: eventParams(event),
      link: `/events/${id}`,
      dedupeKey: `event_cancelled:${id}:${r.user_id}`,
    });
  }
  return (await findEvent(deps.db, id))!;
}

/** The event, or 404. */
async function existingEvent(deps: Pick<AppDeps, 'db'>, id: string) {
  const event = await findEvent(deps.db, id);
  if (!event) throw notFound();
  return event;
}

/** The event if the viewer may see it; 404 otherwise (its existence does not leak). */
export async function loadVisibleEvent(deps: Pick<AppDeps, 'db'>, viewer: Viewer, id: string) {
  const event = await findEvent(deps.db, id);
  if (!event || !canSeeEvent(viewer, event.audience)) throw notFound();
  return event;
}

const liveSide = (s: SideStatus | null) => s === 'applied' || s === 'active';
const inUse = (s: SideStatus | null) => s !== null && s !== 'withdrawn';

/** Whether a member belongs to an event's audience (staff may sign up only such members). */
export function memberFitsAudience(
  member: { requester_status: SideStatus | null; helper_status: SideStatus | null },
  audience: EventAudience,
): boolean {
  if (audience === 'helpers') return inUse(member.helper_status);
  if (audience === 'requesters') return inUse(member.requester_status);
  return true;
}

export interface RegistrationOutcome {
  status: 'registered' | 'waitlisted';
  /** 1 = next in line; null with a seat. */
  waitlistPosition: number | null;
}

/**
 * Registers a member: a seat while one is free, else the waitlist. Members sign up until the
 * event starts; staff at any time (a walk-in at the door). 409 `already_registered`.
 */
export async function registerForEvent(
  deps: AppDeps,
  actor: CurrentUser,
  eventId: string,
  memberId: string,
  options: { byStaff: boolean; children: number },
): Promise<RegistrationOutcome> {
  const event = await existingEvent(deps, eventId);
  const member = await findMemberById(deps.db, memberId);
  if (!member) throw notFound();
  if (event.cancelled_at) throw unprocessable('event_cancelled', 'events.rule.event_cancelled');
  if (member.withdrawn_at || !(liveSide(member.requester_status) || liveSide(member.helper_status)))
    throw unprocessable('member_inactive', 'events.rule.member_inactive');
  // An applicant signs up for nothing, public events included, by herself or through staff (#22).
  if (contentReach(member) === 'public')
    throw unprocessable('member_applicant', 'events.rule.member_applicant');
  if (!memberFitsAudience(member, event.audience))
    throw unprocessable('event_audience', 'events.rule.event_audience');
  const now = deps.clock.now().toISOString();
  if (!options.byStaff && event.starts_at <= now)
    throw unprocessable('event_started', 'events.rule.event_started');
  const children = event.childcare ? Math.min(MAX_CHILDREN, Math.max(0, options.children)) : 0;
  return takeSeat(
    deps,
    buildRegister(deps.db, {
      eventId,
      memberId,
      children,
      registeredBy: actor.id,
      at: now,
      onlyBefore: options.byStaff ? null : now,
    }),
    {
      duplicate: () => conflict('already_registered', 'events.rule.already_registered'),
      // Cancelled or started between our read and the insert.
      skipped: () => conflict('event_changed', 'events.rule.event_changed'),
    },
  );
}

/**
 * Cancels a registration and, in the same atomic batch, gives the freed seat to the
 * longest-waiting member (only if a seat really is free), who is told. Members cancel until the
 * event starts; staff at any time. 409 `not_registered` when there is nothing to cancel.
 */
export async function cancelEventRegistration(
  deps: AppDeps,
  actor: CurrentUser,
  eventId: string,
  memberId: string,
  options: { byStaff: boolean },
): Promise<{ promotedMemberIds: string[] }> {
  const event = await existingEvent(deps, eventId);
  const now = deps.clock.now().toISOString();
  if (!options.byStaff && event.starts_at <= now)
    throw unprocessable('event_started', 'events.rule.event_started');
  const { changed, after } = await changeAudited(
    deps,
    actor,
    buildCancelRegistration(deps.db, { eventId, memberId, at: now }),
    {
      action: 'event_registration_cancelled',
      subjectType: 'event',
      subjectId: eventId,
      details: { memberId, byStaff: options.byStaff },
    },
    [buildPromoteWaitlisted(deps.db, { eventId, at: now })],
  );
  if (!changed) throw conflict('not_registered', 'events.rule.not_registered');
  const promoted = (after[0]?.rows ?? []) as { member_id: string }[];
  await notifyPromoted(deps, event, promoted);
  return { promotedMemberIds: promoted.map((p) => p.member_id) };
}

/**
 * Records the attendance of the whole event: the listed members came, every other registrant
 * did not. A member who is not registered is refused (422 `not_registered`): staff sign a
 * walk-in up first.
 */
export async function recordEventAttendance(
  deps: AppDeps,
  actor: CurrentUser,
  eventId: string,
  memberIds: string[],
) {
  const event = await existingEvent(deps, eventId);
  if (event.cancelled_at) throw unprocessable('event_cancelled', 'events.rule.event_cancelled');
  const unique = [...new Set(memberIds)];
  const registered = await findRegisteredMemberIds(deps.db, eventId, unique);
  if (registered.size !== unique.length)
    throw unprocessable('not_registered', 'events.rule.attendance_not_registered');
  const now = deps.clock.now();
  await deps.atomic([
    buildRecordAttendance(deps.db, { eventId, memberIds: unique, at: now.toISOString() }),
    buildAuditInsert(deps.db, {
      at: now,
      actorUserId: actor.id,
      action: 'event_attendance_recorded',
      subjectType: 'event',
      subjectId: eventId,
      details: { attended: unique.length },
    }),
  ]);
  return { attended: unique };
}

function eventParams(event: EventRow) {
  return {
    title: event.title,
    dateJa: formatDateTime(event.starts_at, 'ja'),
    dateEn: formatDateTime(event.starts_at, 'en'),
  };
}

async function notifyPromoted(deps: AppDeps, event: EventRow, promoted: unknown[]) {
  for (const row of promoted as { member_id: string }[]) {
    const member = await findMemberById(deps.db, row.member_id);
    if (!member) continue;
    await safeNotify(deps, {
      userId: member.user_id,
      kind: 'event_promoted',
      params: eventParams(event),
      link: `/events/${event.id}`,
    });
  }
}

async function safeNotify(deps: AppDeps, input: Parameters<typeof notify>[1]) {
  try {
    await notify(deps, input);
  } catch (err) {
    // The change is made either way; a failed notice must not undo the answer.
    console.error('[events] notice failed', err);
  }
}

/**
 * Staff register a member by the number on their card (a walk-in at the door): 400 on
 * `memberNo` when no current member has that number. Answers the outcome and the name.
 */
export async function registerByMemberNo(
  deps: AppDeps,
  staff: CurrentUser,
  eventId: string,
  memberNo: number,
) {
  const member = await findMemberIdByNo(deps.db, memberNo);
  if (!member) {
    throw new AppError(400, 'invalid_input', 'error.invalid_input', {
      memberNo: ['events.validation.unknownMemberNo'],
    });
  }
  const outcome = await registerForEvent(deps, staff, eventId, member.id, {
    byStaff: true,
    children: 0,
  });
  return { outcome, name: member.name };
}
