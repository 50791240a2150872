import type { AppDeps } from '../../context.js';
import { notifyAll, type NotificationInput } from '../notifications/notifications.service.js';
import { staffUserIds } from './requests.service.js';

/**
 * One notice to a user and to every active staff user, once each (a user who is staff is told
 * once), in one batch.
 */
export async function notifyUserAndStaff(
  deps: AppDeps,
  userId: string,
  notice: Omit<NotificationInput, 'userId'>,
) {
  const recipients = new Set([userId, ...(await staffUserIds(deps))]);
  await notifyAll(
    deps,
    [...recipients].map((recipient) => ({ userId: recipient, ...notice })),
  );
}
