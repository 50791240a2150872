/**
 * The report aggregates, each one SQL statement returning a handful of grouped rows: the
 * database counts and sums, we never load activity rows. Instants are ISO UTC text, so the
 * period bounds compare as strings; Tokyo dates and times come from SQLite's date functions with
 * a fixed '+9 hours' (Japan has no daylight saving time).
 *
 * Dates and instants passed here are produced by our own code from validated input (never raw
 * user text), so they are inlined with `sql.lit` where an expression repeats them: D1 allows at
 * most 100 bound parameters per statement.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../lib/db.js';
import { lastDateOfMonth } from '../../lib/dates.js';
import {
  bornByForGrade,
  childAgeBandOnSql,
  memberAgeBandOnSql,
  minutesSql,
} from './report-bands.js';
import type { ChildAgeBand, MemberAgeBand, ReportMemberKind, TimeBand } from './report.types.js';

/** A period of whole Tokyo days: as UTC instants [from, to), and as Tokyo dates [from, end]. */
export interface InstantRange {
  fromIso: string;
  toIso: string;
  /** The first Tokyo date of the period. */
  fromDate: string;
  /** The last Tokyo date of the period (inclusive). */
  endDate: string;
}

const lit = (value: string) => sql.lit(value) as RawBuilder<unknown>;
const n = (value: unknown): number => Number(value ?? 0);
const col = (name: string): RawBuilder<unknown> => sql.ref(name);

const STARTED = col('a.started_at');
const APPROVED_IN = (r: InstantRange) =>
  sql`a.status = 'approved' AND a.started_at >= ${lit(r.fromIso)} AND a.started_at < ${lit(r.toIso)}`;

async function rows<T>(db: Db, query: RawBuilder<T>): Promise<T[]> {
  return (await query.execute(db)).rows;
}

/**
 * The rows of `query` with the `numeric` columns read as numbers (a SUM or COUNT may come back
 * as null or text); the other columns as they are.
 */
async function numericRows<T extends object>(
  db: Db,
  query: RawBuilder<T>,
  numeric: readonly (keyof T)[],
): Promise<T[]> {
  return (await rows(db, query)).map((row) => {
    const out = { ...row };
    for (const key of numeric) out[key] = n(row[key]) as T[keyof T];
    return out;
  });
}

// --- activities ----------------------------------------------------------------------------
// The approved activities' figures come from the per-day totals that migration 0011's triggers
// keep (report_day_total, report_category_total, report_child_band_total): a fiscal year is
// at most a few thousand rows rather than ~100,000 activities with their children and
// categories. Periods are whole Tokyo days, so a day range selects exactly the activities that
// started in [fromIso, toIso). Rows can hold zero after an approval is undone: skipped.

const DAYS_IN = (r: InstantRange) => sql`day >= ${lit(r.fromDate)} AND day <= ${lit(r.endDate)}`;

export interface ActivityTotalsRow {
  count: number;
  minutes: number;
  fees: number;
  transport: number;
  meal: number;
}

export async function sumApprovedActivities(db: Db, r: InstantRange): Promise<ActivityTotalsRow> {
  const [row] = await rows(
    db,
    sql<ActivityTotalsRow>`SELECT COALESCE(SUM(count), 0) AS count,
        COALESCE(SUM(minutes), 0) AS minutes, COALESCE(SUM(fees), 0) AS fees,
        COALESCE(SUM(transport), 0) AS transport, COALESCE(SUM(meal), 0) AS meal
      FROM report_day_total WHERE ${DAYS_IN(r)}`,
  );
  return {
    count: n(row?.count),
    minutes: n(row?.minutes),
    fees: n(row?.fees),
    transport: n(row?.transport),
    meal: n(row?.meal),
  };
}

export interface DayRow {
  day: string;
  count: number;
  minutes: number;
}

/** Approved activities per Tokyo start date (at most 366 rows for a fiscal year). */
export async function countApprovedActivitiesByDay(db: Db, r: InstantRange): Promise<DayRow[]> {
  return numericRows(
    db,
    sql<DayRow>`SELECT day, SUM(count) AS count, SUM(minutes) AS minutes
      FROM report_day_total WHERE ${DAYS_IN(r)}
      GROUP BY day HAVING SUM(count) <> 0 ORDER BY day`,
    ['count', 'minutes'],
  );
}

export interface BandRow<B> {
  band: B;
  count: number;
  minutes: number;
}

export interface DayBandRow {
  day: string;
  band: TimeBand;
  count: number;
  minutes: number;
  fees: number;
  transport: number;
  meal: number;
}

/**
 * Approved activities per Tokyo start date and time band, with their fees and costs: the
 * report's totals, days and time bands from one read (at most 366 × 4 rows).
 */
export async function summarizeApprovedActivitiesByDayAndTimeBand(
  db: Db,
  r: InstantRange,
): Promise<DayBandRow[]> {
  return numericRows(
    db,
    sql<DayBandRow>`SELECT day, band, count, minutes, fees, transport, meal
      FROM report_day_total WHERE ${DAYS_IN(r)} AND count <> 0 ORDER BY day, band`,
    ['count', 'minutes', 'fees', 'transport', 'meal'],
  );
}

export interface CategoryRow {
  category: number;
  count: number;
  minutes: number;
  fees: number;
}

export async function countApprovedActivitiesByCategory(
  db: Db,
  r: InstantRange,
): Promise<CategoryRow[]> {
  return numericRows(
    db,
    sql<CategoryRow>`SELECT category, SUM(count) AS count, SUM(minutes) AS minutes,
        SUM(fees) AS fees
      FROM report_category_total WHERE ${DAYS_IN(r)}
      GROUP BY category HAVING SUM(count) <> 0`,
    ['category', 'count', 'minutes', 'fees'],
  );
}

/** Approved activities of one category (the sick-child count of the comparison). */
export async function countApprovedActivitiesInCategory(
  db: Db,
  r: InstantRange,
  category: number,
): Promise<number> {
  const [row] = await rows(
    db,
    sql<{ count: number }>`SELECT COALESCE(SUM(count), 0) AS count FROM report_category_total
      WHERE ${DAYS_IN(r)} AND category = ${sql.lit(category)}`,
  );
  return n(row?.count);
}

/** Per child of each activity (延べ), by the child's age band on the activity's Tokyo date. */
export async function countApprovedActivitiesByChildAgeBand(
  db: Db,
  r: InstantRange,
): Promise<BandRow<ChildAgeBand>[]> {
  return numericRows(
    db,
    sql<BandRow<ChildAgeBand>>`SELECT band, SUM(count) AS count, SUM(minutes) AS minutes
      FROM report_child_band_total WHERE ${DAYS_IN(r)}
      GROUP BY band HAVING SUM(count) <> 0`,
    ['count', 'minutes'],
  );
}

export interface ProgrammeGroupRow {
  grp: 'sick' | 'recovering' | 'earlyLate' | 'overnight' | 'total';
  count: number;
  minutes: number;
  children: number;
}

/**
 * The programme's figures (issue #20): approved activities of programme requests that started
 * in the range, in up to five groups, one statement. Each activity is classed once by illness
 * (the doctor's note's condition; a sick-child request without one counts as 病児) and once by
 * time: past a Tokyo midnight (its last second on a later date) is overnight; else any time
 * before 07:00 or after 19:00 is early/late. Children are distinct per group.
 */
export async function summarizeProgrammeActivities(
  db: Db,
  r: InstantRange,
): Promise<ProgrammeGroupRow[]> {
  const startDay = sql`date(a.started_at, '+9 hours')`;
  const lastSecond = (fmt: string) =>
    sql`strftime(${sql.lit(fmt)}, a.ended_at, '+9 hours', '-1 seconds')`;
  return numericRows(
    db,
    sql<ProgrammeGroupRow>`WITH p AS (
        SELECT a.id AS id, ${minutesSql(col('a.started_at'), col('a.ended_at'))} AS minutes,
          CASE WHEN q.programme = 'sick' THEN COALESCE(n.condition, 'sick') END AS illness,
          CASE WHEN ${lastSecond('%Y-%m-%d')} > ${startDay} THEN 'overnight'
            WHEN strftime('%H:%M', a.started_at, '+9 hours') < '07:00'
              OR ${lastSecond('%H:%M:%S')} >= '19:00:00' THEN 'earlyLate' END AS timing
        FROM activity a
        JOIN care_request q ON q.id = a.request_id
        LEFT JOIN sick_care_note n ON n.request_id = a.request_id
        WHERE ${APPROVED_IN(r)} AND q.programme IS NOT NULL),
      g AS (SELECT id, minutes, 'total' AS grp FROM p
        UNION ALL SELECT id, minutes, illness FROM p WHERE illness IS NOT NULL
        UNION ALL SELECT id, minutes, timing FROM p WHERE timing IS NOT NULL)
      SELECT g.grp AS grp, COUNT(*) AS count, SUM(g.minutes) AS minutes,
        (SELECT COUNT(DISTINCT ac.child_id) FROM g g2
          JOIN activity_child ac ON ac.activity_id = g2.id WHERE g2.grp = g.grp) AS children
      FROM g GROUP BY g.grp`,
    ['count', 'minutes', 'children'],
  );
}

/** Reports of the period that are not approved yet (any other status). */
export async function countUnapprovedActivities(db: Db, r: InstantRange): Promise<number> {
  const [row] = await rows(
    db,
    sql<{ count: number }>`SELECT COUNT(*) AS count FROM activity a
      WHERE a.status IN ('reported', 'confirmed', 'disputed', 'returned')
        AND a.started_at >= ${lit(r.fromIso)} AND a.started_at < ${lit(r.toIso)}`,
  );
  return n(row?.count);
}

/** Matched requests planned in the period, ended before `nowIso`, with no report at all. */
export async function countMissingReports(
  db: Db,
  r: InstantRange,
  nowIso: string,
): Promise<number> {
  const [row] = await rows(
    db,
    sql<{ count: number }>`SELECT COUNT(*) AS count FROM care_request q
      WHERE q.status = 'matched'
        AND q.starts_at >= ${lit(r.fromIso)} AND q.starts_at < ${lit(r.toIso)}
        AND q.ends_at < ${lit(nowIso)}
        AND NOT EXISTS (SELECT 1 FROM activity a WHERE a.request_id = q.id)`,
  );
  return n(row?.count);
}

// --- requests ------------------------------------------------------------------------------

export interface RequestCountsRow {
  received: number;
  matched: number;
  unfilled: number;
  open: number;
  cancelled: number;
  byRequester: number;
  byHelper: number;
  byStaff: number;
  cancellationFees: number;
}

export async function countRequests(
  db: Db,
  r: InstantRange,
  nowIso: string,
): Promise<RequestCountsRow> {
  const notMatched = sql`q.matched_at IS NULL AND q.status <> 'cancelled'`;
  const [row] = await rows(
    db,
    sql<RequestCountsRow>`SELECT COUNT(*) AS received,
        SUM(CASE WHEN q.matched_at IS NOT NULL THEN 1 ELSE 0 END) AS matched,
        SUM(CASE WHEN ${notMatched} AND q.starts_at <= ${lit(nowIso)} THEN 1 ELSE 0 END) AS unfilled,
        SUM(CASE WHEN ${notMatched} AND q.starts_at > ${lit(nowIso)} THEN 1 ELSE 0 END) AS open,
        SUM(CASE WHEN q.status = 'cancelled' THEN 1 ELSE 0 END) AS cancelled,
        SUM(CASE WHEN q.status = 'cancelled' AND q.cancelled_by_role = 'requester' THEN 1 ELSE 0 END) AS byRequester,
        SUM(CASE WHEN q.status = 'cancelled' AND q.cancelled_by_role = 'helper' THEN 1 ELSE 0 END) AS byHelper,
        SUM(CASE WHEN q.status = 'cancelled' AND q.cancelled_by_role = 'staff' THEN 1 ELSE 0 END) AS byStaff,
        COALESCE(SUM(CASE WHEN q.status = 'cancelled' THEN q.cancellation_fee END), 0) AS cancellationFees
      FROM care_request q
      WHERE q.starts_at >= ${lit(r.fromIso)} AND q.starts_at < ${lit(r.toIso)}`,
  );
  return {
    received: n(row?.received),
    matched: n(row?.matched),
    unfilled: n(row?.unfilled),
    open: n(row?.open),
    cancelled: n(row?.cancelled),
    byRequester: n(row?.byRequester),
    byHelper: n(row?.byHelper),
    byStaff: n(row?.byStaff),
    cancellationFees: n(row?.cancellationFees),
  };
}

/**
 * The median minutes from a request being made to its match, over requests planned in the
 * period that were matched: count them, then read the one or two middle values by OFFSET.
 */
export async function medianMinutesToMatch(db: Db, r: InstantRange): Promise<number | null> {
  // One statement (one round trip on D1): the middle row, or the mean of the middle two, read
  // by LIMIT/OFFSET from the count (window functions over every row cost 4× as much: the
  // differences are computed once and sorted once here).
  const matched = sql`FROM care_request q WHERE q.matched_at IS NOT NULL
    AND q.starts_at >= ${lit(r.fromIso)} AND q.starts_at < ${lit(r.toIso)}`;
  const [row] = await rows(
    db,
    sql<{ median: number | null }>`WITH n AS (SELECT COUNT(*) AS c ${matched})
    SELECT AVG(m) AS median FROM (
      SELECT (julianday(q.matched_at) - julianday(q.created_at)) * 1440 AS m ${matched}
      ORDER BY m LIMIT 2 - (SELECT c FROM n) % 2 OFFSET ((SELECT c FROM n) - 1) / 2)`,
  );
  return row?.median == null ? null : n(row.median);
}

// --- members and children ------------------------------------------------------------------

/**
 * Each member's first withdrawal event per side, grouped once per statement (joined as `w`):
 * "no withdrawal event before `at`" is then `w.<side>_at IS NULL OR w.<side>_at >= at`, rather
 * than a correlated subquery per member, per side and per date.
 */
const WITHDRAWALS = sql`(SELECT member_id,
    MIN(CASE WHEN side = 'requester' THEN at END) AS requester_at,
    MIN(CASE WHEN side = 'helper' THEN at END) AS helper_at
  FROM member_status_event WHERE to_status = 'withdrawn' GROUP BY member_id)`;

/**
 * Whether a member's side counted at instant `at`: approved before it, and neither the member
 * nor that side had withdrawn by then. Suspended members are still members. Needs `m` (member)
 * and `w` (WITHDRAWALS, left-joined).
 */
function sideAt(side: 'requester' | 'helper', at: RawBuilder<unknown>) {
  const approved = sql.ref(`m.${side}_approved_at`);
  const withdrawn = sql.ref(`w.${side}_at`);
  return sql`(${approved} IS NOT NULL AND ${approved} < ${at}
    AND (m.withdrawn_at IS NULL OR m.withdrawn_at >= ${at})
    AND (${withdrawn} IS NULL OR ${withdrawn} >= ${at}))`;
}

const kindAt = (at: RawBuilder<unknown>) => sql<ReportMemberKind | null>`(CASE
    WHEN ${sideAt('requester', at)} AND ${sideAt('helper', at)} THEN 'both'
    WHEN ${sideAt('requester', at)} THEN 'requester'
    WHEN ${sideAt('helper', at)} THEN 'helper' END)`;

export interface MemberBandRow {
  kind: ReportMemberKind;
  band: MemberAgeBand;
  count: number;
}

/**
 * Whether a range ends on a month's last day: then the member and child counts at its end come
 * from the census tables that migration 0026's triggers keep (a few thousand narrow rows), else
 * from the members and children themselves (every member of the city).
 */
const endsAtMonthEnd = (r: InstantRange) => r.endDate === lastDateOfMonth(r.endDate.slice(0, 7));

/**
 * The census rows at the end of a range: each key's count "at the end of time" minus the events
 * of the days after the range (0026). A recent period reads the totals and a few months of
 * events; an old one, more events.
 */
const censusAt = (table: 'member' | 'child', r: InstantRange) => {
  const side = table === 'member' ? sql`side, ` : sql``;
  return sql`(SELECT ${side}birth_key, count AS n FROM ${sql.table(`report_census_${table}_total`)}
    UNION ALL
    SELECT ${side}birth_key, -delta AS n FROM ${sql.table(`report_census_${table}_delta`)}
    WHERE day > ${lit(r.endDate)})`;
};

/** Members at the end of the range, by the sides they hold then and their age band then. */
export async function countMembersAt(db: Db, r: InstantRange): Promise<MemberBandRow[]> {
  if (!endsAtMonthEnd(r)) return countMembersAtByScan(db, r);
  // Birth keys stand for their birth dates at a month end (0026), so the band rule applies to them.
  const band = memberAgeBandOnSql(col('birth_key'), r.endDate);
  const list = await rows(
    db,
    sql<{ side: 'r' | 'h' | 'b'; band: MemberAgeBand; count: number }>`SELECT side,
        ${band} AS band, SUM(n) AS count FROM ${censusAt('member', r)} GROUP BY side, band`,
  );
  // Sides counted: 'b' is the members holding both, so those with one side only are r - b, h - b.
  const bySide = new Map<string, number>();
  for (const x of list) bySide.set(`${x.side}|${x.band}`, n(x.count));
  const out: MemberBandRow[] = [];
  for (const band of new Set(list.map((x) => x.band))) {
    const both = bySide.get(`b|${band}`) ?? 0;
    const counts: [ReportMemberKind, number][] = [
      ['both', both],
      ['requester', (bySide.get(`r|${band}`) ?? 0) - both],
      ['helper', (bySide.get(`h|${band}`) ?? 0) - both],
    ];
    for (const [kind, count] of counts) if (count !== 0) out.push({ kind, band, count });
  }
  return out;
}

/** countMembersAt from the members themselves, for any date. */
export async function countMembersAtByScan(db: Db, r: InstantRange): Promise<MemberBandRow[]> {
  const at = lit(r.toIso);
  const band = memberAgeBandOnSql(col('m.birth_date'), r.endDate);
  return numericRows(
    db,
    sql<MemberBandRow>`SELECT kind, band, COUNT(*) AS count FROM (
        SELECT ${kindAt(at)} AS kind, ${band} AS band
        FROM member m LEFT JOIN ${WITHDRAWALS} w ON w.member_id = m.id
        WHERE m.requester_approved_at < ${at} OR m.helper_approved_at < ${at}
      ) WHERE kind IS NOT NULL GROUP BY kind, band`,
    ['count'],
  );
}

export interface MemberTrendRow {
  month: string;
  kind: ReportMemberKind;
  count: number;
}

/**
 * Members by kind at the ends of several months ('YYYY-MM', ascending), from the census of
 * 0026: the count at each month end is the total minus the events after it, so the events after
 * the first month end are added up per month here (at most a few thousand rows a year).
 */
export async function countMembersAtMonthEnds(
  db: Db,
  months: readonly string[],
): Promise<MemberTrendRow[]> {
  if (months.length === 0) return [];
  const ends = months.map(lastDateOfMonth);
  // The index of the first month end on or after the event's day (months.length: after all).
  const bucket = sql`(CASE ${sql.join(
    ends.map((end, i) => sql`WHEN day <= ${lit(end)} THEN ${sql.lit(i)}`),
    sql` `,
  )} ELSE ${sql.lit(ends.length)} END)`;
  const list = await rows(
    db,
    sql<{ side: 'r' | 'h' | 'b'; bucket: number; n: number }>`SELECT side,
        ${sql.lit(ends.length)} AS bucket, SUM(count) AS n
      FROM report_census_member_total GROUP BY side
      UNION ALL
      SELECT side, ${bucket} AS bucket, -SUM(delta) AS n FROM report_census_member_delta
      WHERE day > ${lit(ends[0]!)} GROUP BY side, bucket`,
  );
  // From the last month end backwards: the total, less the events after each month end.
  const running = { r: 0, h: 0, b: 0 };
  const out: MemberTrendRow[] = [];
  for (let i = ends.length; i >= 1; i -= 1) {
    for (const row of list) if (n(row.bucket) === i) running[row.side] += n(row.n);
    const counts: [ReportMemberKind, number][] = [
      ['both', running.b],
      ['requester', running.r - running.b],
      ['helper', running.h - running.b],
    ];
    for (const [kind, count] of counts)
      if (count !== 0) out.unshift({ month: months[i - 1]!, kind, count });
  }
  return out;
}

export interface KindCountRow {
  kind: ReportMemberKind;
  count: number;
}

/** Members whose first approval (either side) falls in the range, by their kind. */
export async function countNewMembers(db: Db, r: InstantRange): Promise<KindCountRow[]> {
  // Written as in the index member_first_approved (0026), so SQLite reads the range from it.
  const first = sql`min(COALESCE(m.requester_approved_at, m.helper_approved_at),
    COALESCE(m.helper_approved_at, m.requester_approved_at))`;
  return numericRows(
    db,
    sql<KindCountRow>`SELECT m.kind AS kind, COUNT(*) AS count FROM member m
      WHERE ${first} >= ${lit(r.fromIso)} AND ${first} < ${lit(r.toIso)} GROUP BY m.kind`,
    ['count'],
  );
}

/** Members who withdrew (退会) in the range, by their kind. */
export async function countWithdrawnMembers(db: Db, r: InstantRange): Promise<KindCountRow[]> {
  return numericRows(
    db,
    sql<KindCountRow>`SELECT m.kind AS kind, COUNT(*) AS count FROM member m
      WHERE m.withdrawn_at >= ${lit(r.fromIso)} AND m.withdrawn_at < ${lit(r.toIso)}
      GROUP BY m.kind`,
    ['count'],
  );
}

export interface ChildBandRow {
  band: ChildAgeBand;
  count: number;
}

/**
 * Children of requester-side members at the end of the range, born by then, not removed by
 * then, and not past `maxGrade` (the center's eligibility: 0 preschool, 6 elementary, 9 junior
 * high), by age band on the end date.
 */
export async function countChildrenAt(
  db: Db,
  r: InstantRange,
  maxGrade: number,
): Promise<ChildBandRow[]> {
  if (!endsAtMonthEnd(r)) return countChildrenAtByScan(db, r, maxGrade);
  const key = col('birth_key');
  return numericRows(
    db,
    sql<ChildBandRow>`SELECT ${childAgeBandOnSql(key, r.endDate)} AS band, SUM(n) AS count
      FROM ${censusAt('child', r)}
      WHERE birth_key <= ${lit(r.endDate)}
        AND birth_key > ${lit(bornByForGrade(r.endDate, maxGrade + 1))}
      GROUP BY band HAVING SUM(n) <> 0`,
    ['count'],
  );
}

/** countChildrenAt from the children and members themselves, for any date. */
export async function countChildrenAtByScan(
  db: Db,
  r: InstantRange,
  maxGrade: number,
): Promise<ChildBandRow[]> {
  const at = lit(r.toIso);
  const end = lit(r.endDate);
  const band = childAgeBandOnSql(col('c.birth_date'), r.endDate);
  return numericRows(
    db,
    sql<ChildBandRow>`SELECT ${band} AS band, COUNT(*) AS count
      FROM member m CROSS JOIN child c ON c.member_id = m.id
        LEFT JOIN ${WITHDRAWALS} w ON w.member_id = m.id
      WHERE c.birth_date <= ${end}
        AND (c.removed_at IS NULL OR c.removed_at >= ${at})
        AND c.birth_date > ${lit(bornByForGrade(r.endDate, maxGrade + 1))}
        AND ${sideAt('requester', at)}
      GROUP BY band`,
    ['count'],
  );
}

// --- incidents -----------------------------------------------------------------------------

export interface IncidentCountsRow {
  total: number;
  nearMiss: number;
  accident: number;
  reportable: number;
  reported: number;
}

/**
 * Incidents recorded on activities (any status) that started in the range. Incidents are few:
 * CROSS JOIN makes SQLite read them first rather than every activity of the period.
 */
export async function countIncidents(db: Db, r: InstantRange): Promise<IncidentCountsRow> {
  const serious = sql`i.kind = 'accident' AND i.severity = 'serious'`;
  const [row] = await rows(
    db,
    sql<IncidentCountsRow>`SELECT COUNT(*) AS total,
        SUM(CASE WHEN i.kind = 'near_miss' THEN 1 ELSE 0 END) AS nearMiss,
        SUM(CASE WHEN i.kind = 'accident' THEN 1 ELSE 0 END) AS accident,
        SUM(CASE WHEN ${serious} THEN 1 ELSE 0 END) AS reportable,
        SUM(CASE WHEN ${serious} AND i.reported_to_prefecture_at IS NOT NULL THEN 1 ELSE 0 END) AS reported
      FROM incident i CROSS JOIN activity a ON a.id = i.activity_id
      WHERE a.started_at >= ${lit(r.fromIso)} AND a.started_at < ${lit(r.toIso)}`,
  );
  return {
    total: n(row?.total),
    nearMiss: n(row?.nearMiss),
    accident: n(row?.accident),
    reportable: n(row?.reportable),
    reported: n(row?.reported),
  };
}

// --- per helper / per family ---------------------------------------------------------------

export interface PartySummaryRow {
  memberId: string;
  memberNo: number | null;
  name: string;
  activities: number;
  minutes: number;
  fees: number;
  costs: number;
  others: number;
}

/** Approved activities grouped by helper or by requester, with the member's number and name. */
export async function summarizeApprovedActivitiesBy(
  db: Db,
  r: InstantRange,
  party: 'helper' | 'requester',
): Promise<PartySummaryRow[]> {
  const self = sql.ref(`a.${party}_member_id`);
  const other = sql.ref(`a.${party === 'helper' ? 'requester' : 'helper'}_member_id`);
  const list = await rows(
    db,
    sql<PartySummaryRow>`SELECT m.id AS memberId, m.member_no AS memberNo, m.name AS name,
        s.activities, s.minutes, s.fees, s.costs, s.others
      FROM (SELECT ${self} AS member_id, COUNT(*) AS activities,
          SUM(${minutesSql(STARTED, col('a.ended_at'))}) AS minutes,
          SUM(a.fee_total) AS fees, SUM(a.transport_cost + a.meal_cost) AS costs,
          COUNT(DISTINCT ${other}) AS others
        FROM activity a WHERE ${APPROVED_IN(r)} GROUP BY ${self}) s
      JOIN member m ON m.id = s.member_id
      ORDER BY s.minutes DESC, m.name_kana, m.id`,
  );
  return list.map((x) => ({
    memberId: x.memberId,
    memberNo: x.memberNo === null ? null : n(x.memberNo),
    name: x.name,
    activities: n(x.activities),
    minutes: n(x.minutes),
    fees: n(x.fees),
    costs: n(x.costs),
    others: n(x.others),
  }));
}

// --- training ------------------------------------------------------------------------------

export interface TrainingCountsRow {
  sessionsHeld: number;
  hours: number;
  attendances: number;
  attendees: number;
  newlyQualified: number;
}

/**
 * The training figures of the reports, counted in SQL with the rules of
 * trainings/training-summary.ts: sessions not cancelled that started in [fromIso, heldBeforeIso)
 * (the period, up to now), the module hours they delivered, (session, helper) attendances and
 * distinct attendees; and helpers newly qualified in [from, to]: those whose first approved
 * completion of every active basic and CPR module is on or before `to`, the last of them on or
 * after `from`. Only members with such a completion within the period can qualify in it, so
 * the first completions are read for those members only, not for every record of the city.
 */
export async function countTrainingFigures(
  db: Db,
  period: { from: string; to: string },
  fromIso: string,
  heldBeforeIso: string,
): Promise<TrainingCountsRow> {
  const from = lit(period.from);
  const to = lit(period.to);
  const held = sql`s.starts_at >= ${lit(fromIso)} AND s.starts_at < ${lit(heldBeforeIso)}
    AND s.cancelled_at IS NULL`;
  const [row] = await rows(
    db,
    sql<TrainingCountsRow>`WITH course AS (
        SELECT id FROM training_module WHERE active = 1 AND kind IN ('basic', 'cpr')
      ),
      attended AS (
        SELECT DISTINCT r.session_id, r.member_id FROM training_record r
          JOIN training_session s ON s.id = r.session_id
          JOIN training_module tm ON tm.id = r.module_id
        WHERE r.source = 'attendance' AND ${held}
      ),
      candidates AS (
        SELECT DISTINCT member_id FROM training_record
        WHERE status = 'approved' AND completed_on >= ${from} AND completed_on <= ${to}
          AND module_id IN (SELECT id FROM course)
      ),
      firsts AS (
        -- By member (training_record_member): the unary + keeps SQLite from choosing the
        -- completion-date index, which reads every approved record up to the period's end.
        SELECT r.member_id, MIN(r.completed_on) AS first_on FROM training_record r
        WHERE r.member_id IN (SELECT member_id FROM candidates) AND +r.status = 'approved'
          AND +r.completed_on <= ${to} AND r.module_id IN (SELECT id FROM course)
        GROUP BY r.member_id, r.module_id
      )
      SELECT (SELECT COUNT(*) FROM training_session s WHERE ${held}) AS sessionsHeld,
        (SELECT SUM(tm.hours) FROM training_session s
          JOIN training_session_module sm ON sm.session_id = s.id
          JOIN training_module tm ON tm.id = sm.module_id WHERE ${held}) AS hours,
        (SELECT COUNT(*) FROM attended) AS attendances,
        (SELECT COUNT(DISTINCT member_id) FROM attended) AS attendees,
        (SELECT COUNT(*) FROM (SELECT member_id FROM firsts GROUP BY member_id
          HAVING COUNT(*) = (SELECT COUNT(*) FROM course)
            AND MAX(first_on) >= ${from} AND MAX(first_on) <= ${to})) AS newlyQualified`,
  );
  return {
    sessionsHeld: n(row?.sessionsHeld),
    hours: n(row?.hours),
    attendances: n(row?.attendances),
    attendees: n(row?.attendees),
    newlyQualified: n(row?.newlyQualified),
  };
}
