import type { AppDeps } from '../../context.js';
import type { Compilable } from '../../lib/atomic.js';
import type { MemberWithEmail } from '../members/members.queries.js';
import { buildNotifyStatements } from '../notifications/notifications.service.js';
import { formatWhen } from '../requests/requests.service.js';
import { listActiveStaffUserIds } from '../requests/requests.queries.js';
import {
  listFutureAssignmentsOfHelper,
  listWaitingOffersOfHelper,
  unassignFutureRequestsOfHelper,
  withdrawAcceptedOffersOfHelper,
  withdrawWaitingOffersOfHelper,
} from './helper-side.queries.js';
import { reopenIfNoLiveOffer } from './offers.queries.js';

/**
 * A helper side suspended or withdrawn takes effect at once (issue #22): her waiting offers are
 * withdrawn (their requests back to open when no other offer waits), her future assignments go
 * back to the staff board as "needs a new helper" with each family told, and staff are told
 * what changed. Her access to the children ends through the access policy (her side is no
 * longer active) and her calendar feed stops. Statements for the status change's batch.
 */
export async function helperSideEndedStatements(
  deps: AppDeps,
  member: MemberWithEmail,
  nowIso: string,
): Promise<Compilable[]> {
  const { db } = deps;
  const [offers, assignments, staffIds] = await Promise.all([
    listWaitingOffersOfHelper(db, member.id),
    listFutureAssignmentsOfHelper(db, member.id, nowIso),
    listActiveStaffUserIds(db),
  ]);
  const statements: Compilable[] = [withdrawWaitingOffersOfHelper(db, member.id, nowIso)];
  for (const requestId of new Set(offers.map((o) => o.request_id)))
    statements.push(reopenIfNoLiveOffer(db, requestId, nowIso));
  if (assignments.length > 0) {
    const ids = assignments.map((a) => a.id);
    statements.push(
      withdrawAcceptedOffersOfHelper(db, member.id, ids, nowIso),
      unassignFutureRequestsOfHelper(db, member.id, ids, nowIso),
    );
  }
  const notices = await Promise.all([
    ...assignments.map((a) =>
      buildNotifyStatements(deps, {
        userId: a.requester_user_id,
        kind: 'request_helper_lost',
        params: { when: formatWhen(a.starts_at) },
        link: `/requests/${a.id}`,
        // One notice per match lost, however often the suspension is retried.
        dedupeKey: `helper-lost:${a.id}:${a.matched_at ?? ''}`,
      }),
    ),
    ...(offers.length + assignments.length > 0
      ? staffIds.map((staffId) =>
          buildNotifyStatements(deps, {
            userId: staffId,
            kind: 'helper_side_ended_staff',
            params: { helper: member.name, offers: offers.length, assignments: assignments.length },
            link: assignments.length > 0 ? '/board' : `/members/${member.id}`,
            email: false,
            dedupeKey: `helper-side-ended:${member.id}:${member.updated_at}:${staffId}`,
          }),
        )
      : []),
  ]);
  return [...statements, ...notices.flat()];
}
