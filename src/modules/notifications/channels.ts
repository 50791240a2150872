import { sql, type RawBuilder } from 'kysely';
import type { NoticeGroup } from '../../../db/schema.js';

/**
 * Channels per kind of notice (issue #21): the inbox always gets every notice; a member chooses
 * per group whether it also comes by email and, once her LINE account is linked, by LINE. No
 * `notice_channel` row: email on, LINE on when linked (so linking changes nothing for email).
 */
export const NOTICE_GROUPS = [
  'offers',
  'matches',
  'pre_meetings',
  'reports',
  'cancellations',
  'other',
] as const satisfies readonly NoticeGroup[];

const GROUP_OF_KIND: Readonly<Record<string, NoticeGroup>> = {
  offer_received: 'offers',
  offer_closed: 'offers',
  offer_expired: 'offers',
  request_matched: 'matches',
  request_assigned: 'matches',
  request_helper_lost: 'matches',
  request_unfilled: 'matches',
  activity_reminder: 'matches',
  pre_meeting_due: 'pre_meetings',
  pre_meeting_recorded: 'pre_meetings',
  activity_reported: 'reports',
  activity_confirmed: 'reports',
  activity_disputed: 'reports',
  activity_corrected: 'reports',
  activity_returned: 'reports',
  activity_approved: 'reports',
  activity_report_overdue: 'reports',
  request_cancelled: 'cancellations',
  event_cancelled: 'cancellations',
};

/** The group a notification kind belongs to ('other' for the rest). */
export const noticeGroupOf = (kind: string): NoticeGroup => GROUP_OF_KIND[kind] ?? 'other';

/** SQL: the user (`userId`, a column) has not turned `channel` off for the group. */
export const channelWanted = (
  userId: RawBuilder<unknown>,
  group: NoticeGroup | RawBuilder<unknown>,
  channel: 'email' | 'line',
) =>
  sql`NOT EXISTS (SELECT 1 FROM notice_channel nc WHERE nc.user_id = ${userId}
        AND nc.notice_group = ${group} AND nc.${sql.ref(channel)} = 0)`;

/**
 * SQL for a batch: queue a LINE push of notification `notificationId` (written by the same batch)
 * if its recipient has linked LINE and wants this group by LINE. `rows`: a row source the ids
 * are read from (`json_each(…) j` for many notices at once).
 */
export const lineOutboxInsert = (a: {
  id: string | RawBuilder<unknown>;
  notificationId: string | RawBuilder<unknown>;
  group: NoticeGroup;
  nowIso: string;
  rows?: RawBuilder<unknown>;
}) =>
  sql`INSERT INTO line_outbox (id, notification_id, user_id, status, attempts, created_at, next_attempt_at)
    SELECT ${a.id}, n.id, n.user_id, 'pending', 0, ${a.nowIso}, ${a.nowIso}
    FROM ${a.rows ?? sql`(SELECT 1) one`}
      JOIN notification n ON n.id = ${a.notificationId}
      JOIN line_link l ON l.user_id = n.user_id
    WHERE ${channelWanted(sql.ref('n.user_id'), a.group, 'line')}`;
