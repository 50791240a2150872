import type { AppDeps, CurrentUser } from '../../context.js';
import { conflict, notFound, unprocessable } from '../../lib/errors.js';
import { insertOrRefuse } from '../../lib/atomic.js';
import { newId } from '../../lib/ids.js';
import { buildAuditInsert } from '../audit/audit.queries.js';
import { findMemberByIdentifier } from '../members/member-admin.queries.js';
import { findMemberById } from '../members/members.queries.js';
import {
  buildRecordAbsentExcept,
  buildRecordAttended,
  buildSeatLimitedRegistration,
  findOrientation,
  insertOrientation,
  listMembersWithdrawal,
  listOrientations,
  listRegistrationsOfMember,
} from './orientations.queries.js';
import type { OrientationInput } from './orientations.schemas.js';

export async function scheduleOrientation(
  deps: AppDeps,
  actor: CurrentUser,
  input: OrientationInput,
) {
  const id = newId();
  await insertOrientation(deps.db, {
    id,
    starts_at: new Date(input.startsAt).toISOString(),
    ends_at: new Date(input.endsAt).toISOString(),
    venue: input.venue,
    capacity: input.capacity,
    notes: input.notes ?? null,
    created_by: actor.id,
    created_at: deps.clock.now().toISOString(),
  });
  return (await findOrientation(deps.db, id))!;
}

/**
 * Registers a member for a session: 409 `orientation_full` or `already_registered`. Answers the
 * session, for the confirmation to name it.
 */
export async function registerForOrientation(
  deps: AppDeps,
  orientationId: string,
  memberId: string,
) {
  const orientation = await findOrientation(deps.db, orientationId);
  if (!orientation) throw notFound();
  const member = await findMemberById(deps.db, memberId);
  if (!member) throw notFound();
  if (member.withdrawn_at) throw unprocessable('member_withdrawn');
  if (orientation.ends_at <= deps.clock.now().toISOString())
    throw unprocessable('orientation_past');
  await insertOrRefuse(
    deps.atomic,
    buildSeatLimitedRegistration(deps.db, {
      id: newId(),
      orientationId,
      memberId,
      at: deps.clock.now().toISOString(),
    }),
    {
      duplicate: () => conflict('already_registered', 'rule.already_registered'),
      skipped: () => conflict('orientation_full', 'rule.orientation_full'),
    },
  );
  return orientation;
}

/**
 * Records attendance for a whole session: listed members attended, the other registrants did
 * not. Walk-ins (listed but not registered) are registered on the spot, whatever the capacity.
 */
export async function recordOrientationAttendance(
  deps: AppDeps,
  actor: CurrentUser,
  orientationId: string,
  memberIds: string[],
) {
  const orientation = await findOrientation(deps.db, orientationId);
  if (!orientation) throw notFound();
  // Attendance is a fact about the past: recording it early would let an applicant be approved
  // for a session they have not attended yet.
  if (orientation.starts_at > deps.clock.now().toISOString()) {
    throw unprocessable('orientation_not_started');
  }
  const unique = [...new Set(memberIds)];
  if (unique.length) {
    const known = await listMembersWithdrawal(deps.db, unique);
    if (known.length !== unique.length) throw unprocessable('unknown_member');
    if (known.some((m) => m.withdrawn_at)) throw unprocessable('member_withdrawn');
  }
  const now = deps.clock.now().toISOString();
  await deps.atomic([
    ...unique.map((memberId) =>
      buildRecordAttended(deps.db, { id: newId(), orientationId, memberId, at: now }),
    ),
    buildRecordAbsentExcept(deps.db, { orientationId, attendedIds: unique, at: now }),
    buildAuditInsert(deps.db, {
      at: deps.clock.now(),
      actorUserId: actor.id,
      action: 'orientation_attendance_recorded',
      subjectType: 'orientation',
      subjectId: orientationId,
      details: { attended: unique.length },
    }),
  ]);
}

/** Why a typed identifier found no single member: the message key for the field. */
const identifierProblem = (reason: string) =>
  reason === 'ambiguous'
    ? 'memberAdmin.rule.member_ambiguous'
    : 'memberAdmin.rule.member_not_found';

/**
 * Members for what staff typed on the sheet (numbers, phones, emails, separated by spaces or
 * commas): their ids, or each token that found no single member with the message key why.
 */
export async function resolveMemberIdentifiers(
  deps: AppDeps,
  text: string,
): Promise<{ ids: string[]; problems: { token: string; messageKey: string }[] }> {
  const tokens = text
    .normalize('NFKC')
    .split(/[\s,、，]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const ids: string[] = [];
  const problems: { token: string; messageKey: string }[] = [];
  for (const token of tokens) {
    const found = await findMemberByIdentifier(deps.db, token);
    if (found.found) ids.push(found.member.id);
    else problems.push({ token, messageKey: identifierProblem(found.reason) });
  }
  return { ids, problems };
}

/** Staff register a member found by number, phone or email: 422 when none or several match. */
export async function registerByIdentifier(
  deps: AppDeps,
  orientationId: string,
  identifier: string,
) {
  const found = await findMemberByIdentifier(deps.db, identifier);
  if (!found.found) throw unprocessable(`member_${found.reason}`, identifierProblem(found.reason));
  await registerForOrientation(deps, orientationId, found.member.id);
  return found.member;
}

/** The sessions an applicant may book (those not ended) and the member's own registrations. */
export async function orientationsForMember(deps: AppDeps, memberId: string) {
  const [sessions, registrations] = await Promise.all([
    listOrientations(deps.db, { fromIso: deps.clock.now().toISOString() }),
    listRegistrationsOfMember(deps.db, memberId),
  ]);
  return { sessions, registrations };
}
