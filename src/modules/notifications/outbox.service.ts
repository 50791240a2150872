import type { AppDeps } from '../../context.js';
import { MINUTE } from '../../lib/clock.js';
import type { Compilable } from '../../lib/atomic.js';
import {
  buildMarkOutboxFailed,
  buildMarkOutboxSent,
  claimDueOutbox,
} from './notifications.queries.js';

/** A message is tried at most this many times, then left as `failed` for good. */
export const MAX_SEND_ATTEMPTS = 5;
/** Wait after the 1st, 2nd, 3rd and 4th failed attempt. */
const RETRY_DELAYS_MINUTES = [5, 30, 120, 720] as const;
/**
 * A claimed message is not picked up by another runner until this has passed; if the sender
 * died mid-send, the message is tried again after it (at least once, not exactly once).
 */
const CLAIM_LEASE_MINUTES = 15;

export interface DeliveryReport {
  sent: number;
  failed: number;
}

/** When to try again after `attempts` failed attempts; null once the limit is reached. */
export function nextAttemptAfterFailure(now: Date, attempts: number): string | null {
  if (attempts >= MAX_SEND_ATTEMPTS) return null;
  const delay = RETRY_DELAYS_MINUTES[Math.max(0, attempts - 1)] ?? RETRY_DELAYS_MINUTES[3];
  return new Date(now.getTime() + delay * MINUTE).toISOString();
}

/**
 * Sends the due messages of the outbox through `deps.mailer`: one UPDATE … RETURNING claims them
 * all (so concurrent runners never send one twice at once), then, once they are tried, one batch
 * marks them `sent`, or `failed` with the error and the time of the next try (backoff; at most
 * MAX_SEND_ATTEMPTS). Two round trips however many. If the runner dies before marking, the
 * claimed messages are tried again after the lease (at least once, not exactly once).
 */
export async function deliverOutbox(
  deps: AppDeps,
  { limit = 50 }: { limit?: number } = {},
): Promise<DeliveryReport> {
  const claimedAt = deps.clock.now();
  const leaseUntil = new Date(claimedAt.getTime() + CLAIM_LEASE_MINUTES * MINUTE).toISOString();
  const claimed = await claimDueOutbox(deps.db, {
    now: claimedAt.toISOString(),
    leaseUntil,
    maxAttempts: MAX_SEND_ATTEMPTS,
    limit,
  }).execute();
  // RETURNING has no order: oldest first, as they were queued.
  claimed.sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id));
  const sent: string[] = [];
  const failed: { id: string; error: string; nextAttemptAt: string | null }[] = [];
  for (const row of claimed) {
    try {
      await deps.mailer.send({ to: row.to_email, subject: row.subject, text: row.body });
      sent.push(row.id);
    } catch (err) {
      const error = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      const next = nextAttemptAfterFailure(deps.clock.now(), row.attempts);
      failed.push({ id: row.id, error, nextAttemptAt: next });
      console.warn(
        `[outbox] message ${row.id} failed (attempt ${row.attempts}/${MAX_SEND_ATTEMPTS}${
          next ? `, next try ${next}` : ', giving up'
        }): ${error}`,
      );
    }
  }
  const marks: Compilable[] = [];
  if (sent.length > 0)
    marks.push(buildMarkOutboxSent(deps.db, sent, deps.clock.now().toISOString()));
  if (failed.length > 0) marks.push(buildMarkOutboxFailed(deps.db, failed));
  if (marks.length > 0) await deps.atomic(marks);
  return { sent: sent.length, failed: failed.length };
}
