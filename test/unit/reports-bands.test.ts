import Database from 'better-sqlite3';
import fc from 'fast-check';
import { Kysely, SqliteDialect, sql, type RawBuilder } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  bornByForGrade,
  childAgeBand,
  childAgeBandOnSql,
  memberAgeBand,
  memberAgeBandOnSql,
  schoolGrade,
  timeBand,
} from '../../src/modules/reports/report-bands.js';
import {
  fiscalYearPeriod,
  monthPeriod,
  parseFiscalYear,
  parseReportMonth,
  previousYearPeriod,
} from '../../src/modules/reports/reports.service.js';

describe('child age bands (school years run April 2 – April 1)', () => {
  it.each([
    // birth date, on, grade, band
    ['2025-10-15', '2026-10-14', -5, 'age0'],
    ['2025-10-15', '2026-10-15', -5, 'age1to2'],
    ['2023-03-01', '2026-02-28', -3, 'age1to2'],
    ['2023-03-01', '2026-03-01', -3, 'age3to5'],
    // Age 6 and still in preschool until March 31: 3歳〜就学前.
    ['2019-05-01', '2026-03-31', 0, 'age3to5'],
    ['2019-05-01', '2026-04-01', 1, 'elementary1to3'],
    // April 2 birthday joins the later grade, April 1 the earlier one.
    ['2019-04-02', '2026-04-01', 1, 'elementary1to3'],
    ['2019-04-01', '2025-04-01', 1, 'elementary1to3'],
    ['2019-04-02', '2025-04-01', 0, 'age3to5'],
    ['2016-04-02', '2026-03-31', 3, 'elementary1to3'],
    ['2016-04-02', '2026-04-01', 4, 'elementary4to6'],
    ['2014-07-07', '2027-03-31', 6, 'elementary4to6'],
    ['2013-05-05', '2027-03-31', 7, 'older'],
    // Leap-day birthday: 1 year old on March 1 of a common year.
    ['2024-02-29', '2025-02-28', -5, 'age0'],
    ['2024-02-29', '2025-03-01', -5, 'age1to2'],
  ])('born %s, on %s: grade %i, %s', (birth, on, grade, band) => {
    expect(schoolGrade(birth, on)).toBe(grade);
    expect(childAgeBand(birth, on)).toBe(band);
  });
});

describe('member age bands and time bands', () => {
  it.each([
    ['1997-04-01', '2027-03-31', 'under30'],
    ['1997-03-31', '2027-03-31', 'age30s'],
    ['1960-03-03', '2027-03-31', 'age60s'],
    ['1957-03-31', '2027-03-31', 'age70plus'],
  ])('born %s, on %s: %s', (birth, on, band) => {
    expect(memberAgeBand(birth, on)).toBe(band);
  });

  it.each([
    ['00:00', 'early'],
    ['06:59', 'early'],
    ['07:00', 'daytime'],
    ['16:59', 'daytime'],
    ['17:00', 'evening'],
    ['18:59', 'evening'],
    ['19:00', 'night'],
    ['23:59', 'night'],
  ])('%s is %s', (time, band) => {
    expect(timeBand(time)).toBe(band);
  });
});

describe('periods and parameters', () => {
  it('bounds months and fiscal years in Tokyo dates', () => {
    expect(monthPeriod('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthPeriod('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(fiscalYearPeriod(2026)).toEqual({ from: '2026-04-01', to: '2027-03-31' });
    expect(previousYearPeriod({ from: '2028-02-01', to: '2028-02-29' })).toEqual({
      from: '2027-02-01',
      to: '2027-02-28',
    });
  });

  it('accepts only real months and four-digit fiscal years', () => {
    expect(parseReportMonth('2026-04')).toBe('2026-04');
    for (const bad of ['2026-13', '2026-00', 'abc', '2026-4', '202604', '', null, undefined])
      expect(parseReportMonth(bad)).toBeNull();
    expect(parseFiscalYear('2026')).toBe(2026);
    for (const bad of ['abc', '20261', '26', '1999', '2101', '', null])
      expect(parseFiscalYear(bad)).toBeNull();
  });
});

describe('the SQL expressions agree with the rules', () => {
  const db = new Kysely<Record<string, never>>({
    dialect: new SqliteDialect({ database: new Database(':memory:') }),
  });
  const lit = (v: string) => sql.lit(v) as RawBuilder<unknown>;
  const one = async <T>(expr: RawBuilder<T>) =>
    (await sql<{ v: T }>`SELECT ${expr} AS v`.execute(db)).rows[0]!.v;
  const date = fc
    .date({
      min: new Date('1940-01-01T00:00:00Z'),
      max: new Date('2040-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));

  // Leap days on both sides, April 1/2 (school cohorts) and year ends get extra weight.
  const edgy = fc.oneof(
    date,
    fc
      .tuple(
        fc.integer({ min: 1940, max: 2040 }),
        fc.constantFrom('02-28', '02-29', '03-01', '03-31', '04-01', '04-02', '12-31', '01-01'),
      )
      .filter(([y, md]) => md !== '02-29' || (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)))
      .map(([y, md]) => `${y}-${md}`),
  );

  it('child and member age bands on a known date (birth-date cutoffs)', async () => {
    await fc.assert(
      fc.asyncProperty(edgy, edgy, fc.integer({ min: 0, max: 9 }), async (a, b, maxGrade) => {
        const [birth, on] = a <= b ? [a, b] : [b, a];
        expect(await one(childAgeBandOnSql(lit(birth), on))).toBe(childAgeBand(birth, on));
        expect(await one(memberAgeBandOnSql(lit(birth), on))).toBe(memberAgeBand(birth, on));
        // The eligibility filter of the child count: grade ≤ maxGrade.
        expect(birth > bornByForGrade(on, maxGrade + 1)).toBe(schoolGrade(birth, on) <= maxGrade);
      }),
      { numRuns: 2000 },
    );
  });
});
