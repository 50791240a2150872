/**
 * The bands the reports count in (child age, member age, time of day), twice: as pure functions
 * (the rule, unit-tested) and as SQL expressions (so the database groups rows without sending
 * them to us). test/unit/reports-bands.test.ts checks that both agree. The per-day report
 * totals use the same rules per activity date, written in migration 0011 (a migration cannot
 * import them); test/modules/report-totals.test.ts checks those against the pure functions.
 */
import { sql, type RawBuilder } from 'kysely';
import { ageInYears, fiscalYearOf, fiscalYearStart, schoolGrade } from '../../lib/dates.js';
import type { ChildAgeBand, MemberAgeBand, TimeBand } from './report.types.js';

/** The kernel's school-year rule, re-exported for this module's callers. */
export { schoolGrade };

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

// --- The same rules in SQL, on one known date: birth-date cutoffs ---------------------------------
// For a fixed `on` date, "age ≥ n" is "born on or before the date n years earlier" and "grade ≥ g"
// is "born on or before April 1 of a cohort year": one string comparison per row instead of date
// arithmetic (the reports' member and child counts at a period's end evaluate ~50,000 rows).

/** The latest birth date with `ageInYears(birth, on) >= years` (as text; Feb 29 compares as such). */
export function bornByForAge(on: string, years: number): string {
  return `${String(Number(on.slice(0, 4)) - years).padStart(4, '0')}${on.slice(4)}`;
}

/** The latest birth date with `schoolGrade(birth, on) >= grade`. */
export function bornByForGrade(on: string, grade: number): string {
  // grade = fiscalYear(on) - cohort - 6 >= grade  ⇔  cohort <= fiscalYear - 6 - grade, and
  // cohort c runs from c-04-02 to (c+1)-04-01.
  return fiscalYearStart(fiscalYearOf(on) - 6 - grade + 1);
}

const lit = (value: string) => sql.lit(value);

/** childAgeBand(birth, on) in SQL, for a known date `on`. */
export function childAgeBandOnSql(birth: RawBuilder<unknown>, on: string) {
  return sql<ChildAgeBand>`(CASE
    WHEN ${birth} <= ${lit(bornByForGrade(on, 7))} THEN 'older'
    WHEN ${birth} <= ${lit(bornByForGrade(on, 4))} THEN 'elementary4to6'
    WHEN ${birth} <= ${lit(bornByForGrade(on, 1))} THEN 'elementary1to3'
    WHEN ${birth} <= ${lit(bornByForAge(on, 3))} THEN 'age3to5'
    WHEN ${birth} <= ${lit(bornByForAge(on, 1))} THEN 'age1to2'
    ELSE 'age0' END)`;
}

/** memberAgeBand(birth, on) in SQL, for a known date `on`. */
export function memberAgeBandOnSql(birth: RawBuilder<unknown>, on: string) {
  return sql<MemberAgeBand>`(CASE
    WHEN ${birth} > ${lit(bornByForAge(on, 30))} THEN 'under30'
    WHEN ${birth} > ${lit(bornByForAge(on, 40))} THEN 'age30s'
    WHEN ${birth} > ${lit(bornByForAge(on, 50))} THEN 'age40s'
    WHEN ${birth} > ${lit(bornByForAge(on, 60))} THEN 'age50s'
    WHEN ${birth} > ${lit(bornByForAge(on, 70))} THEN 'age60s'
    ELSE 'age70plus' END)`;
}

/** Whole minutes between two stored instants. */
export const minutesSql = (from: RawBuilder<unknown>, to: RawBuilder<unknown>) =>
  sql<number>`CAST(ROUND((julianday(${to}) - julianday(${from})) * 1440) AS INTEGER)`;
