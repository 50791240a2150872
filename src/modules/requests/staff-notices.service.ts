import type { AppDeps } from '../../context.js';
import { notifyAll, type NotificationInput } from '../notifications/notifications.service.js';
import { listActiveStaffUserIds } from './requests.queries.js';

/**
 * One notice to some users and to every active staff user, once each (a user who is staff is
 * told once), in one batch.
 */
export async function notifyUsersAndStaff(
  deps: AppDeps,
  userIds: string[],
  notice: Omit<NotificationInput, 'userId'>,
) {
  const recipients = new Set([...userIds, ...(await listActiveStaffUserIds(deps.db))]);
  await notifyAll(
    deps,
    [...recipients].map((recipient) => ({ userId: recipient, ...notice })),
  );
}
