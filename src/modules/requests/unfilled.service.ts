import type { AppDeps } from '../../context.js';
import { notify } from '../notifications/notifications.service.js';
import { formatWhen } from './requests.service.js';
import {
  buildCloseUnfilled,
  buildExpireOffersAfterClose,
  listUnfilledDue,
} from './unfilled.queries.js';

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
  const due = await listUnfilledDue(deps.db, nowIso, BATCH);
  let closed = 0;
  for (const r of due) {
    const [update] = await deps.atomic([
      buildCloseUnfilled(deps.db, r.id, nowIso),
      buildExpireOffersAfterClose(deps.db, r.id, nowIso),
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
