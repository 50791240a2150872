import type { AppDeps } from '../context.js';
import { notifyOverdueReports } from '../modules/activities/activities.service.js';
import { deliverLineOutbox } from '../modules/line/line-delivery.service.js';
import { notifyActivityReminders } from '../modules/matching/reminders.service.js';
import { backfillMemberSearchKeys } from '../modules/members/search-keys.js';
import { lapseNotRenewed } from '../modules/members/renewal.service.js';
import { expireOffers, notifyPreMeetingsDue } from '../modules/matching/offers.service.js';
import { closeUnfilledRequests } from '../modules/requests/unfilled.service.js';
import { sendTrainingExpiryNotices } from '../modules/trainings/training-notices.js';
import { runJobs, type JobOutcome, type NamedJob } from './scheduled.js';

/**
 * Every scheduled job, in the order they run. The Node timer (src/server.ts) and the Workers
 * Cron Trigger (src/worker.ts) both run this list, so a cron-only isolate that has served no
 * request runs the same jobs as a busy one (nothing is registered as a side effect of import or
 * of createApp). Add a job here, nowhere else.
 */
export const scheduledJobs: readonly NamedJob[] = [
  ['expire-offers', expireOffers],
  ['close-unfilled-requests', closeUnfilledRequests],
  ['pre-meetings-due', notifyPreMeetingsDue],
  ['activity-reminders', notifyActivityReminders],
  ['activity-report-overdue', notifyOverdueReports],
  ['training-expiry-notices', sendTrainingExpiryNotices],
  ['member-search-keys', backfillMemberSearchKeys],
  // 年度更新 (issue #19): from April 1, the sides members said they do not continue end.
  ['renewal-lapse', lapseNotRenewed],
  // LINE pushes (issue #21); a push given up on is mailed by the outbox run after the jobs.
  ['line-delivery', (deps) => deliverLineOutbox(deps)],
];

/** One scheduler beat: every job, then the outbox. */
export const runScheduledJobs = (deps: AppDeps): Promise<JobOutcome[]> =>
  runJobs(deps, scheduledJobs);
