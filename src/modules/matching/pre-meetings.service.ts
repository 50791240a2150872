import type { AppDeps, CurrentUser } from '../../context.js';
import { fiscalYearOf } from '../../lib/dates.js';
import { unprocessable } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { buildAuditInsert } from '../audit/audit.queries.js';
import { notify } from '../notifications/notifications.service.js';
import type { PreMeetingInput } from '../requests/requests.schemas.js';
import { insertPreMeeting, listPairMembers } from './pre-meetings.queries.js';

/** Records a 事前打ち合わせ; it makes the pairing ready for the rest of that fiscal year. */
export async function recordPreMeeting(
  deps: AppDeps,
  actor: CurrentUser,
  input: PreMeetingInput,
  clientAddress?: string,
) {
  const members = await listPairMembers(deps.db, input.requesterId, input.helperId);
  const requester = members.find((m) => m.id === input.requesterId && m.requester_status !== null);
  const helper = members.find((m) => m.id === input.helperId && m.helper_status !== null);
  if (!requester || !helper || input.requesterId === input.helperId)
    throw unprocessable('unknown_pair');
  const id = newId();
  const now = deps.clock.now();
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
