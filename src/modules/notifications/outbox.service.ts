import type { AppDeps } from '../../context.js';
import { MINUTE } from '../../lib/clock.js';
import {
  buildClaimOutbox,
  buildMarkOutboxFailed,
  buildMarkOutboxSent,
  listDueOutbox,
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
 * Sends the due messages of the outbox through `deps.mailer`. Each message is first claimed by a
 * conditional UPDATE (so concurrent runners never send it twice at once), then marked `sent`, or
 * `failed` with the error and the time of the next try (backoff; at most MAX_SEND_ATTEMPTS).
 */
export async function deliverOutbox(
  deps: AppDeps,
  { limit = 50 }: { limit?: number } = {},
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, failed: 0 };
  const start = deps.clock.now();
  const due = await listDueOutbox(deps.db, start.toISOString(), MAX_SEND_ATTEMPTS, limit);
  for (const row of due) {
    const claimedAt = deps.clock.now();
    const leaseUntil = new Date(claimedAt.getTime() + CLAIM_LEASE_MINUTES * MINUTE).toISOString();
    const claim = await buildClaimOutbox(
      deps.db,
      row,
      claimedAt.toISOString(),
      leaseUntil,
    ).executeTakeFirst();
    if (Number(claim.numUpdatedRows) !== 1) continue; // another runner has it
    const attempts = row.attempts + 1;
    try {
      await deps.mailer.send({ to: row.to_email, subject: row.subject, text: row.body });
      await buildMarkOutboxSent(deps.db, row.id, deps.clock.now().toISOString()).execute();
      report.sent += 1;
    } catch (err) {
      const message = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      const next = nextAttemptAfterFailure(deps.clock.now(), attempts);
      await buildMarkOutboxFailed(deps.db, row.id, message, next).execute();
      report.failed += 1;
      console.warn(
        `[outbox] message ${row.id} failed (attempt ${attempts}/${MAX_SEND_ATTEMPTS}${
          next ? `, next try ${next}` : ', giving up'
        }): ${message}`,
      );
    }
  }
  return report;
}
