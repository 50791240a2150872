import type { CareLocation } from '../../../db/schema.js';
import type { AppDeps, CurrentUser } from '../../context.js';
import { insertIfPreviousChanged } from '../../lib/atomic.js';
import { fiscalYearOf, tokyoDateOf } from '../../lib/dates.js';
import { conflict, notFound, unprocessable } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { auditRow, buildAuditInsert } from '../audit/audit.queries.js';
import { notify } from '../notifications/notifications.service.js';
import type { PreMeetingCorrection, PreMeetingInput } from '../requests/requests.schemas.js';
import { preMeetingDateRule } from './pre-meeting-rules.js';
import {
  buildCorrectPreMeeting,
  findPairRequestKind,
  findPreMeetingById,
  insertPreMeeting,
  listPairActivityStarts,
  listPairMembers,
} from './pre-meetings.queries.js';

/** The date rules of a pre-meeting for this pair (pre-meeting-rules.ts), as a 422. */
async function checkHeldOn(deps: AppDeps, requesterId: string, helperId: string, heldOn: string) {
  const starts = await listPairActivityStarts(deps.db, requesterId, helperId);
  const broken = preMeetingDateRule(
    heldOn,
    tokyoDateOf(deps.clock.now()),
    starts.map((s) => tokyoDateOf(s)),
  );
  if (broken) throw unprocessable(broken);
}

/**
 * Records a 事前打ち合わせ; it makes the pairing ready for the rest of that fiscal year, for the
 * kind of help it was held for (pre-meeting-need-rules.ts): the given kind (the request it was
 * recorded from), or else that of the pair's next matched request (or their latest request).
 */
export async function recordPreMeeting(
  deps: AppDeps,
  actor: CurrentUser,
  input: PreMeetingInput,
  clientAddress?: string,
  kind?: { category: number; careLocation: CareLocation },
) {
  const members = await listPairMembers(deps.db, input.requesterId, input.helperId);
  const requester = members.find((m) => m.id === input.requesterId && m.requester_status !== null);
  const helper = members.find((m) => m.id === input.helperId && m.helper_status !== null);
  if (!requester || !helper || input.requesterId === input.helperId)
    throw unprocessable('unknown_pair');
  await checkHeldOn(deps, input.requesterId, input.helperId, input.heldOn);
  const now = deps.clock.now();
  const covered =
    kind ??
    (await findPairRequestKind(deps.db, input.requesterId, input.helperId, now.toISOString()));
  const id = newId();
  await deps.atomic([
    insertPreMeeting(deps.db, {
      id,
      requester_member_id: input.requesterId,
      helper_member_id: input.helperId,
      held_on: input.heldOn,
      fiscal_year: fiscalYearOf(input.heldOn),
      place: input.place,
      attendees: input.attendees,
      emergency_procedure: input.emergencyProcedure,
      agreed_details: input.agreedDetails,
      notes: input.notes,
      recorded_by_user_id: actor.id,
      created_at: now.toISOString(),
      category: covered?.category ?? null,
      care_location: covered?.careLocation ?? null,
    }),
    buildAuditInsert(deps.db, {
      at: now,
      actorUserId: actor.id,
      action: 'pre_meeting_recorded',
      subjectType: 'pre_meeting',
      subjectId: id,
      clientAddress,
    }),
  ]);
  for (const userId of [requester.user_id, helper.user_id]) {
    await notify(deps, {
      userId,
      kind: 'pre_meeting_recorded',
      params: { date: input.heldOn },
      link: '/requests',
      email: false,
    });
  }
  return id;
}

/**
 * Staff correct a pre-meeting record (a wrong date, a missing detail): the same date rules, the
 * pair unchanged, the earlier version kept in pre_meeting_revision with the reason, audited.
 */
export async function correctPreMeeting(
  deps: AppDeps,
  actor: CurrentUser,
  id: string,
  input: PreMeetingCorrection,
  clientAddress?: string,
) {
  const meeting = await findPreMeetingById(deps.db, id);
  if (!meeting) throw notFound();
  await checkHeldOn(deps, meeting.requester_member_id, meeting.helper_member_id, input.heldOn);
  const now = deps.clock.now();
  const { reason, ...fields } = input;
  const [update] = await deps.atomic([
    // Conditional on the version read (its fields unchanged since): a concurrent correction
    // makes this one a 409 rather than a lost update.
    buildCorrectPreMeeting(deps.db, meeting, {
      held_on: fields.heldOn,
      fiscal_year: fiscalYearOf(fields.heldOn),
      place: fields.place,
      attendees: fields.attendees,
      emergency_procedure: fields.emergencyProcedure,
      agreed_details: fields.agreedDetails ?? null,
      notes: fields.notes ?? null,
    }),
    insertIfPreviousChanged(deps.db, 'pre_meeting_revision', {
      id: newId(),
      pre_meeting_id: id,
      snapshot: JSON.stringify(meeting),
      changed_by: actor.id,
      reason,
      at: now.toISOString(),
    }),
    insertIfPreviousChanged(
      deps.db,
      'audit_log',
      auditRow({
        at: now,
        actorUserId: actor.id,
        action: 'pre_meeting_corrected',
        subjectType: 'pre_meeting',
        subjectId: id,
        clientAddress,
        details: { heldOnBefore: meeting.held_on, heldOnAfter: fields.heldOn },
      }),
    ),
  ]);
  if (!update || update.numAffectedRows === 0) throw conflict('stale_version');
  return (await findPreMeetingById(deps.db, id))!;
}
