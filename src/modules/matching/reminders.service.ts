import type { AppDeps } from '../../context.js';
import { notifyAll } from '../notifications/notifications.service.js';
import { formatWhen } from '../requests/requests.service.js';
import { listMatchedStartingBetween } from './offers.queries.js';
import { dayBeforeReminderWindow } from './reminder-rules.js';

/**
 * The scheduled reminder the day before (issue #21 pt 3): the parent and the helper of each
 * matched request of tomorrow get `activity_reminder` once (dedupe key per request, start and
 * person, so a request moved to another day is reminded again). Through the channels each
 * chose, like every notice (inbox, email, LINE).
 */
export async function notifyActivityReminders(deps: AppDeps, now: Date): Promise<void> {
  const window = dayBeforeReminderWindow(now);
  if (!window) return;
  const rows = await listMatchedStartingBetween(deps.db, window.fromIso, window.untilIso);
  await notifyAll(
    deps,
    rows.flatMap((r) =>
      [r.requester_user_id, r.helper_user_id].map((userId) => ({
        userId,
        kind: 'activity_reminder',
        params: { when: formatWhen(r.starts_at) },
        link: `/requests/${r.id}`,
        dedupeKey: `activity-reminder:${r.id}:${r.starts_at}:${userId}`,
      })),
    ),
  );
}
