/**
 * In-app notices before a qualification expires (CPR, the annual follow-up…): by default 60 and
 * 30 days before (setting `training.expiryNoticeDays`). Runs on the scheduler's beat; each
 * (record, threshold) is notified at most once through the notification's dedupe key, so the
 * job may run any number of times a day, or twice at once.
 */
import type { AppDeps } from '../../context.js';
import { formatDate, tokyoDateOf } from '../../lib/dates.js';
import { registerScheduledJob } from '../../jobs/scheduled.js';
import { notify } from '../notifications/notifications.service.js';
import { getTrainingNotices } from '../settings/settings.service.js';
import { listHelperQualifications, loadCurriculum } from './qualification.service.js';
import { expiresOnFor } from './qualifications.js';
import { findUserLocale } from './trainings.queries.js';

const MS_PER_DAY = 86_400_000;

/** Whole days from `from` to `to` (YYYY-MM-DD, zone-free). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY);
}

/**
 * The notice due for a record that expires in `daysLeft` days: the smallest threshold that has
 * been reached (so a record entered 20 days before expiry gets the 30-day notice only, not the
 * 60-day one as well), or null when none is reached yet.
 */
export function dueThreshold(daysLeft: number, thresholds: readonly number[]): number | null {
  const reached = thresholds.filter((d) => daysLeft <= d);
  return reached.length ? Math.min(...reached) : null;
}

export interface ExpiryNotice {
  userId: string;
  recordId: string;
  moduleCode: string;
  expiresOn: string;
  daysLeft: number;
  threshold: number;
}

/** What is due today: for each active helper, each module whose best valid record expires soon. */
export async function findDueExpiryNotices(
  deps: Pick<AppDeps, 'db'>,
  today: string,
  thresholds: readonly number[],
): Promise<ExpiryNotice[]> {
  if (thresholds.length === 0) return [];
  const curriculum = await loadCurriculum(deps);
  const byCode = new Map(curriculum.defs.map((m) => [m.code, m]));
  const helpers = await listHelperQualifications(deps, today);
  const notices: ExpiryNotice[] = [];
  for (const helper of helpers) {
    if (helper.helperStatus !== 'active') continue;
    // Per module, the record that keeps it valid longest (a renewal replaces the old one, whose
    // expiry then needs no notice).
    const best = new Map<string, { id: string; expiresOn: string | null }>();
    for (const r of helper.records) {
      const module = byCode.get(r.code);
      if (!module || r.completedOn > today) continue;
      const expiresOn = expiresOnFor(module, r.completedOn);
      const current = best.get(r.code);
      const later =
        !current ||
        (current.expiresOn !== null && (expiresOn === null || expiresOn > current.expiresOn));
      if (later) best.set(r.code, { id: r.id, expiresOn });
    }
    for (const [code, record] of best) {
      if (record.expiresOn === null || record.expiresOn < today) continue;
      const daysLeft = daysBetween(today, record.expiresOn);
      const threshold = dueThreshold(daysLeft, thresholds);
      if (threshold === null) continue;
      notices.push({
        userId: helper.userId,
        recordId: record.id,
        moduleCode: code,
        expiresOn: record.expiresOn,
        daysLeft,
        threshold,
      });
    }
  }
  return notices;
}

/** The scheduled job: notify each due (record, threshold) once. */
export async function sendTrainingExpiryNotices(
  deps: AppDeps,
  now: Date,
): Promise<{ due: number }> {
  const today = tokyoDateOf(now);
  const { expiryNoticeDays } = await getTrainingNotices(deps);
  const [notices, curriculum] = await Promise.all([
    findDueExpiryNotices(deps, today, expiryNoticeDays),
    loadCurriculum(deps),
  ]);
  const byCode = new Map(curriculum.defs.map((m) => [m.code, m]));
  for (const n of notices) {
    const module = byCode.get(n.moduleCode)!;
    const locale = await findUserLocale(deps.db, n.userId);
    await notify(deps, {
      userId: n.userId,
      kind: 'training_expiry',
      params: {
        module: locale === 'ja' ? module.titleJa : module.titleEn,
        expiresOn: formatDate(n.expiresOn, locale),
        days: n.daysLeft,
      },
      link: '/training',
      dedupeKey: `training-expiry:${n.recordId}:${n.threshold}`,
    });
  }
  return { due: notices.length };
}

/** Registers the job with the scheduler (called by createApp; registering again replaces it). */
export function registerTrainingNotices(): void {
  registerScheduledJob('training-expiry-notices', async (deps, now) => {
    await sendTrainingExpiryNotices(deps, now);
  });
}
