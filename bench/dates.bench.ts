/**
 * Time kernel micro-benchmark: `npx tsx bench/dates.bench.ts`.
 *
 * Times the kernel's fixed-offset / day-number functions (src/lib/dates.ts) against the date-fns +
 * @date-fns/tz (TZDate, Asia/Tokyo) expressions the property tests pin them to, in µs per call.
 * The figures justify the fast paths; docs/performance.md ("Time kernel") records a run.
 */
import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, differenceInYears, formatISO } from 'date-fns';
import {
  addDaysToDate,
  addMonthsToDate,
  ageInYears,
  TOKYO,
  tokyoDateOf,
} from '../src/lib/dates.js';

const N = 50_000;
const BASE = Date.UTC(2026, 3, 1);
const zoned = (y: number, m: number, d: number) => new TZDate(y, m - 1, d, 12, TOKYO);
const dateOf = (d: Date) => formatISO(d, { representation: 'date' });

function time(f: (i: number) => unknown): number {
  for (let i = 0; i < N / 10; i++) f(i);
  const t = performance.now();
  for (let i = 0; i < N; i++) f(i);
  return ((performance.now() - t) * 1000) / N;
}

const rows: [string, (i: number) => unknown, (i: number) => unknown][] = [
  [
    'Tokyo date of an instant',
    (i) => tokyoDateOf(BASE + i * 61_000),
    (i) => dateOf(new TZDate(BASE + i * 61_000, TOKYO)),
  ],
  [
    'date + n days',
    (i) => addDaysToDate('2026-04-01', i % 400),
    (i) => dateOf(addDays(zoned(2026, 4, 1), i % 400)),
  ],
  [
    'date + n months',
    (i) => addMonthsToDate('2026-01-31', i % 40),
    (i) => dateOf(addMonths(zoned(2026, 1, 31), i % 40)),
  ],
  [
    'age in years',
    (i) => ageInYears('2019-02-28', addDaysToDate('2026-04-01', i % 400)),
    (i) => differenceInYears(zoned(2026, 4, 1 + (i % 400)), zoned(2019, 2, 28)),
  ],
];

console.log('µs per call            kernel   date-fns/TZDate   ratio');
for (const [name, kernel, reference] of rows) {
  const k = time(kernel);
  const r = time(reference);
  console.log(
    `${name.padEnd(24)} ${k.toFixed(2).padStart(6)} ${r.toFixed(2).padStart(14)} ${(r / k).toFixed(0).padStart(8)}×`,
  );
}
