/**
 * In-app notices before a qualification expires (CPR, the annual follow-up…): by default 60 and
 * 30 days before (setting `training.expiryNoticeDays`). Runs on the scheduler's beat; each
 * (record, threshold) is notified at most once through the notification's dedupe key, so the
 * job may run any number of times a day, or twice at once.
 */
import type { AppDeps } from '../../context.js';
import {
  daysBetween,
  fiscalYearOf,
  fiscalYearStart,
  formatDate,
  tokyoDateOf,
} from '../../lib/dates.js';
import { notifyAll } from '../notifications/notifications.service.js';
import { getTrainingNotices } from '../settings/settings.service.js';
import { loadCurriculum } from './qualification.service.js';
import { addDaysTo, addMonthsTo, expiresOnFor, type ModuleDef } from './qualifications.js';
import { findUserLocale, listRecentRecordsOfActiveHelpers } from './trainings.queries.js';

/** The kernel's day count, re-exported for this module's callers. */
export { daysBetween };

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

/**
 * The earliest completion date from which a record of `module` can still be valid on `today`
 * (null: the module never expires). A few days early for month arithmetic's clamping: reading
 * a record too many changes nothing, the expiry below is exact.
 */
function stillValidFrom(module: ModuleDef, today: string): string | null {
  if (module.validityMode === 'fiscal_year_end') return fiscalYearStart(fiscalYearOf(today));
  if (module.validityMonths === null) return null;
  return addDaysTo(addMonthsTo(today, -module.validityMonths), -7);
}

/** What is due today: for each active helper, each module whose best valid record expires soon. */
export async function findDueExpiryNotices(
  deps: Pick<AppDeps, 'db'>,
  today: string,
  thresholds: readonly number[],
  /** The curriculum when the caller has just loaded it (not read again then). */
  curriculum?: Awaited<ReturnType<typeof loadCurriculum>>,
): Promise<ExpiryNotice[]> {
  if (thresholds.length === 0) return [];
  const { rows: modules, defs } = curriculum ?? (await loadCurriculum(deps));
  const defById = new Map(modules.map((m, i) => [m.id, defs[i]!]));
  // Only records that may still be valid today: older ones can be nobody's best valid record.
  const windows = modules.flatMap((m) => {
    const from = stillValidFrom(defById.get(m.id)!, today);
    return from ? [{ moduleId: m.id, from }] : [];
  });
  const records = await listRecentRecordsOfActiveHelpers(deps.db, windows, today);
  const notices: ExpiryNotice[] = [];
  // Rows come ordered by member: one helper's records at a time.
  for (let i = 0; i < records.length;) {
    const { member_id: memberId, user_id: userId } = records[i]!;
    // Per module, the record that keeps it valid longest (a renewal replaces the old one, whose
    // expiry then needs no notice).
    const best = new Map<string, { id: string; expiresOn: string | null }>();
    for (; i < records.length && records[i]!.member_id === memberId; i++) {
      const r = records[i]!;
      const module = defById.get(r.module_id)!;
      const expiresOn = expiresOnFor(module, r.completed_on);
      const current = best.get(module.code);
      const later =
        !current ||
        (current.expiresOn !== null && (expiresOn === null || expiresOn > current.expiresOn));
      if (later) best.set(module.code, { id: r.record_id, expiresOn });
    }
    for (const [code, record] of best) {
      if (record.expiresOn === null || record.expiresOn < today) continue;
      const daysLeft = daysBetween(today, record.expiresOn);
      const threshold = dueThreshold(daysLeft, thresholds);
      if (threshold === null) continue;
      notices.push({
        userId,
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
  // Side by side: on D1 each read is a round trip, and the cron beat's chain is budgeted.
  const [{ expiryNoticeDays }, curriculum] = await Promise.all([
    getTrainingNotices(deps),
    loadCurriculum(deps),
  ]);
  const notices = await findDueExpiryNotices(deps, today, expiryNoticeDays, curriculum);
  const byCode = new Map(curriculum.defs.map((m) => [m.code, m]));
  const locales = await Promise.all(notices.map((n) => findUserLocale(deps.db, n.userId)));
  await notifyAll(
    deps,
    notices.map((n, i) => {
      const module = byCode.get(n.moduleCode)!;
      const locale = locales[i]!;
      return {
        userId: n.userId,
        kind: 'training_expiry',
        params: {
          module: locale === 'ja' ? module.titleJa : module.titleEn,
          expiresOn: formatDate(n.expiresOn, locale),
          days: n.daysLeft,
        },
        link: '/training',
        dedupeKey: `training-expiry:${n.recordId}:${n.threshold}`,
      };
    }),
  );
  return { due: notices.length };
}
