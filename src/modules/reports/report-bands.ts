/**
 * The bands the reports count in (child age, member age, time of day), twice: as pure functions
 * (the rule, unit-tested) and as SQL expressions (so the database groups rows without sending
 * them to us). test/unit/reports-bands.test.ts checks that both agree.
 */
import { sql, type RawBuilder } from 'kysely';
import { fiscalYearOf } from '../../lib/dates.js';
import { ageInYears } from '../members/member-rules.js';
import type { ChildAgeBand, MemberAgeBand, TimeBand } from './report.types.js';

/**
 * The school grade a child is in during the fiscal year of `on`: 1–6 elementary, 7–9 junior
 * high, 0 or less before school. Children born April 2 to April 1 of the next year share a grade
 * (an April 1 birthday joins the earlier one); they start elementary school in the April after
 * they turn 6.
 */
export function schoolGrade(birthDate: string, on: string): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const cohort = m < 4 || (m === 4 && d === 1) ? y - 1 : y;
  return fiscalYearOf(on) - cohort - 6;
}

export function childAgeBand(birthDate: string, on: string): ChildAgeBand {
  const grade = schoolGrade(birthDate, on);
  if (grade >= 7) return 'older';
  if (grade >= 4) return 'elementary4to6';
  if (grade >= 1) return 'elementary1to3';
  const age = ageInYears(birthDate, on);
  if (age >= 3) return 'age3to5';
  if (age >= 1) return 'age1to2';
  return 'age0';
}

export function memberAgeBand(birthDate: string, on: string): MemberAgeBand {
  const age = ageInYears(birthDate, on);
  if (age < 30) return 'under30';
  if (age < 40) return 'age30s';
  if (age < 50) return 'age40s';
  if (age < 60) return 'age50s';
  if (age < 70) return 'age60s';
  return 'age70plus';
}

/** The band of a Tokyo time of day 'HH:MM' (an activity's actual start). */
export function timeBand(time: string): TimeBand {
  if (time < '07:00') return 'early';
  if (time < '17:00') return 'daytime';
  if (time < '19:00') return 'evening';
  return 'night';
}

// --- The same rules in SQL. Arguments are SQL expressions yielding 'YYYY-MM-DD' text. ---------

const year = (date: RawBuilder<unknown>) => sql`CAST(substr(${date}, 1, 4) AS INTEGER)`;

/** Completed years on `on` (a Feb 29 birthday is reached on Mar 1, as ageInYears). */
export function ageInYearsSql(birth: RawBuilder<unknown>, on: RawBuilder<unknown>) {
  return sql<number>`(${year(on)} - ${year(birth)} - (CASE WHEN substr(${on}, 6, 5) < substr(${birth}, 6, 5) THEN 1 ELSE 0 END))`;
}

export function schoolGradeSql(birth: RawBuilder<unknown>, on: RawBuilder<unknown>) {
  const fiscalYear = sql`(${year(on)} - (CASE WHEN substr(${on}, 6, 2) < '04' THEN 1 ELSE 0 END))`;
  const cohort = sql`(${year(birth)} - (CASE WHEN substr(${birth}, 6, 5) <= '04-01' THEN 1 ELSE 0 END))`;
  return sql<number>`(${fiscalYear} - ${cohort} - 6)`;
}

export function childAgeBandSql(birth: RawBuilder<unknown>, on: RawBuilder<unknown>) {
  const grade = schoolGradeSql(birth, on);
  const age = ageInYearsSql(birth, on);
  return sql<ChildAgeBand>`(CASE
    WHEN ${grade} >= 7 THEN 'older'
    WHEN ${grade} >= 4 THEN 'elementary4to6'
    WHEN ${grade} >= 1 THEN 'elementary1to3'
    WHEN ${age} >= 3 THEN 'age3to5'
    WHEN ${age} >= 1 THEN 'age1to2'
    ELSE 'age0' END)`;
}

export function memberAgeBandSql(birth: RawBuilder<unknown>, on: RawBuilder<unknown>) {
  const age = ageInYearsSql(birth, on);
  return sql<MemberAgeBand>`(CASE
    WHEN ${age} < 30 THEN 'under30'
    WHEN ${age} < 40 THEN 'age30s'
    WHEN ${age} < 50 THEN 'age40s'
    WHEN ${age} < 60 THEN 'age50s'
    WHEN ${age} < 70 THEN 'age60s'
    ELSE 'age70plus' END)`;
}

/**
 * The time band of a stored UTC instant column, in Tokyo time; with `isTime`, of a column that
 * already holds the Tokyo time of day 'HH:MM'.
 */
export function timeBandSql(instant: RawBuilder<unknown>, isTime = false) {
  const hm = isTime ? instant : sql`strftime('%H:%M', ${instant}, '+9 hours')`;
  return sql<TimeBand>`(CASE
    WHEN ${hm} < '07:00' THEN 'early'
    WHEN ${hm} < '17:00' THEN 'daytime'
    WHEN ${hm} < '19:00' THEN 'evening'
    ELSE 'night' END)`;
}

/** The Tokyo calendar date of a stored UTC instant column. */
export const tokyoDateSql = (instant: RawBuilder<unknown>) =>
  sql<string>`date(${instant}, '+9 hours')`;

/** Whole minutes between two stored instants. */
export const minutesSql = (from: RawBuilder<unknown>, to: RawBuilder<unknown>) =>
  sql<number>`CAST(ROUND((julianday(${to}) - julianday(${from})) * 1440) AS INTEGER)`;
