import { sql } from 'kysely';
import type { AppDeps } from '../../context.js';
import { notify } from '../notifications/notifications.service.js';
import { formatWhen } from './requests.service.js';

/** How many requests one run closes at most (the next run, 10 minutes later, takes the rest). */
const BATCH = 200;

/**
 * Scheduled: a request whose start has passed without a helper (still `open` or `offered`)
 * closes as `unfilled`; offers still waiting on it expire and the family is told once. Never
 * "still searching" for a date in the past. Idempotent: conditional UPDATEs, one notice per
 * request (dedupe key).
 */
export async function closeUnfilledRequests(deps: AppDeps, now: Date) {
  const nowIso = now.toISOString();
  const due = await deps.db
    .selectFrom('care_request')
    .innerJoin('member as requester', 'requester.id', 'care_request.requester_member_id')
    .select(['care_request.id', 'care_request.starts_at', 'requester.user_id as requester_user_id'])
    .where('care_request.status', 'in', ['open', 'offered'])
    .where('care_request.starts_at', '<=', nowIso)
    .orderBy('care_request.starts_at')
    .limit(BATCH)
    .execute();
  let closed = 0;
  for (const r of due) {
    const [update] = await deps.atomic([
      deps.db
        .updateTable('care_request')
        .set({ status: 'unfilled', unfilled_at: nowIso, updated_at: nowIso })
        .where('id', '=', r.id)
        .where('status', 'in', ['open', 'offered'])
        .where('starts_at', '<=', nowIso),
      deps.db
        .updateTable('offer')
        .set({ status: 'expired', responded_at: nowIso })
        .where('request_id', '=', r.id)
        .where('status', '=', 'offered')
        .where(sql<boolean>`changes() > 0`),
    ]);
    // Told only once the request really closed here (a cancellation may have come first).
    if (!update || update.numAffectedRows === 0) continue;
    closed++;
    await notify(deps, {
      userId: r.requester_user_id,
      kind: 'request_unfilled',
      params: { when: formatWhen(r.starts_at) },
      link: `/requests/${r.id}`,
      dedupeKey: `request-unfilled:${r.id}`,
    });
  }
  return { closed };
}
