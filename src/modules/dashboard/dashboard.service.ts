/**
 * The staff dashboard (the staff home page): what needs a staff member today, each item with the
 * page where they act on it, and this month's key figures from the reports service.
 */
import { loadInsuranceDeadlines } from '../incidents/insurance.service.js';
import { loadSeriousReminders } from '../incidents/serious-accidents.service.js';
import type { AppDeps } from '../../context.js';
import { withBatchedReads } from '../../lib/batch-read.js';
import { HOUR } from '../../lib/clock.js';
import {
  addDaysToDate,
  fiscalYearOf,
  fiscalYearStart,
  lastDateOfMonth,
  tokyoDateOf,
  tokyoInstant,
} from '../../lib/dates.js';
import { overdueCutoff } from '../fees/statements.js';
import type { ReportFigures } from '../reports/report.types.js';
import { reportFigures } from '../reports/reports.service.js';
import { getReportRules } from '../settings/settings.service.js';
import { loadExpiringEligibility } from '../subsidies/eligibility.service.js';
import { loadCurriculum } from '../trainings/qualification.service.js';
import {
  addDaysTo,
  addMonthsTo,
  DEFAULT_QUALIFICATION_SETTINGS,
  expiresOnFor,
  type ModuleDef,
} from '../trainings/qualifications.js';
import {
  countLiveRequests,
  countMissingReports,
  countPendingApprovals,
  listLatestCompletions,
  listMatchedStarting,
  listUrgentRequests,
  type CompletionWindow,
} from './dashboard.queries.js';

/** Requests not matched and starting within this window are urgent (as on 調整ボード). */
export const URGENT_WINDOW_HOURS = 48;
/** How many rows each dashboard list shows; the linked page has the rest. */
export const LIST_LIMIT = 5;
/** Upper bound of rows read to find expiring qualifications (one per helper and module). */
const EXPIRING_SCAN_LIMIT = 500;

export interface DashboardRequestItem {
  id: string;
  startsAt: string;
  endsAt: string;
  category: number;
  requesterName: string;
  helperName?: string;
}

export interface ExpiringItem {
  memberId: string;
  name: string;
  memberNo: number | null;
  moduleCode: string;
  moduleTitle: { ja: string; en: string };
  expiresOn: string;
}

export interface StaffDashboard {
  today: string;
  month: string;
  todaysActivities: { total: number; items: DashboardRequestItem[] };
  requests: { open: number; urgent: number; urgentItems: DashboardRequestItem[] };
  approvals: Awaited<ReturnType<typeof countPendingApprovals>>;
  missingReports: number;
  expiring: { helpers: number; items: ExpiringItem[]; withinDays: number };
  /** Subsidy eligibility and 無償化 certifications ending within a month (issue #18). */
  eligibilityExpiring: Awaited<ReturnType<typeof loadExpiringEligibility>>;
  /** Insurance claims whose deadline is near or past (issue #19). */
  insurance: Awaited<ReturnType<typeof loadInsuranceDeadlines>>;
  /** Serious accidents' reports overdue or due within 7 days (issue #19). */
  serious: Awaited<ReturnType<typeof loadSeriousReminders>>;
  /** This month so far (the whole calendar month: planned requests count too). */
  figures: ReportFigures;
}

export async function loadStaffDashboard(appDeps: AppDeps): Promise<StaffDashboard> {
  // Every figure and list is an independent read: they travel together on D1.
  const deps = withBatchedReads(appDeps);
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  const today = tokyoDateOf(now);
  const month = today.slice(0, 7);
  const { activityReportDueDay } = await getReportRules(deps);
  const [
    todays,
    live,
    urgentRows,
    approvals,
    missingReports,
    expiring,
    figures,
    eligibility,
    insurance,
    serious,
  ] = await Promise.all([
    listMatchedStarting(deps.db, {
      fromIso: tokyoInstant(today).toISOString(),
      untilIso: tokyoInstant(addDaysToDate(today, 1)).toISOString(),
      limit: LIST_LIMIT * 2,
    }),
    countLiveRequests(deps.db, {
      nowIso,
      urgentUntilIso: new Date(now.getTime() + URGENT_WINDOW_HOURS * HOUR).toISOString(),
    }),
    listUrgentRequests(deps.db, {
      nowIso,
      untilIso: new Date(now.getTime() + URGENT_WINDOW_HOURS * HOUR).toISOString(),
      limit: LIST_LIMIT,
    }),
    countPendingApprovals(deps.db),
    countMissingReports(deps.db, overdueCutoff(now, activityReportDueDay)),
    loadExpiring(deps, today),
    reportFigures(deps, { from: `${month}-01`, to: lastDateOfMonth(month) }),
    loadExpiringEligibility(deps),
    loadInsuranceDeadlines(deps, today),
    loadSeriousReminders(deps, today),
  ]);
  return {
    today,
    month,
    todaysActivities: {
      total: todays.total,
      items: todays.items.map((r) => ({
        id: r.id,
        startsAt: r.starts_at,
        endsAt: r.ends_at,
        category: r.category,
        requesterName: r.requester_name,
        helperName: r.helper_name,
      })),
    },
    requests: {
      ...live,
      urgentItems: urgentRows.map((r) => ({
        id: r.id,
        startsAt: r.starts_at,
        endsAt: r.ends_at,
        category: r.category,
        requesterName: r.requester_name,
      })),
    },
    approvals,
    missingReports,
    expiring,
    eligibilityExpiring: eligibility,
    insurance,
    serious,
    figures,
  };
}

/**
 * Helpers whose CPR, follow-up or other expiring training runs out within the qualification
 * engine's horizon (60 days), counted the way 講習・資格の一覧 counts them (its "expiring" filter).
 * SQL narrows the rows to completions whose expiry can fall in the horizon; the exact expiry date
 * comes from the engine's own rule (`expiresOnFor`), so the two pages cannot disagree.
 */
async function loadExpiring(deps: AppDeps, today: string): Promise<StaffDashboard['expiring']> {
  const withinDays = DEFAULT_QUALIFICATION_SETTINGS.expiringWithinDays;
  const horizon = addDaysTo(today, withinDays);
  const { rows } = await loadCurriculum(deps);
  const expiringModules = rows.filter(
    (m) =>
      m.validity_mode === 'fiscal_year_end' ||
      (m.validity_mode === 'months' && m.validity_months !== null),
  );
  const defs = new Map<
    string,
    { def: Pick<ModuleDef, 'validityMode' | 'validityMonths'> } & (typeof rows)[number]
  >(
    expiringModules.map((m) => [
      m.id,
      { ...m, def: { validityMode: m.validity_mode, validityMonths: m.validity_months } },
    ]),
  );
  const windows: CompletionWindow[] = expiringModules.map((m) =>
    m.validity_mode === 'fiscal_year_end'
      ? // Valid through March 31 of the fiscal year of completion: only this fiscal year's count.
        { moduleId: m.id, from: fiscalYearStart(fiscalYearOf(today)), to: today }
      : {
          moduleId: m.id,
          // A few days of slack either side for month-end clamping; the exact rule follows.
          from: addDaysTo(addMonthsTo(today, -(m.validity_months ?? 0)), -3),
          to: addDaysTo(addMonthsTo(horizon, -(m.validity_months ?? 0)), 3),
        },
  );
  const latest = await listLatestCompletions(deps.db, {
    today,
    windows,
    limit: EXPIRING_SCAN_LIMIT,
  });
  const items: ExpiringItem[] = [];
  for (const r of latest) {
    const m = defs.get(r.module_id);
    if (!m || !r.last_on) continue;
    const expiresOn = expiresOnFor(m.def, r.last_on);
    if (expiresOn === null || expiresOn < today || expiresOn > horizon) continue;
    items.push({
      memberId: r.member_id,
      name: r.name,
      memberNo: r.member_no,
      moduleCode: m.code,
      moduleTitle: { ja: m.title_ja, en: m.title_en },
      expiresOn,
    });
  }
  items.sort((a, b) =>
    a.expiresOn === b.expiresOn ? a.name.localeCompare(b.name) : a.expiresOn < b.expiresOn ? -1 : 1,
  );
  return {
    helpers: new Set(items.map((i) => i.memberId)).size,
    items: items.slice(0, LIST_LIMIT),
    withinDays,
  };
}
