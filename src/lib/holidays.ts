import holidayJp from '@holiday-jp/holiday_jp';

/**
 * Japanese national holidays (国民の祝日, 振替休日 and 国民の休日) from the maintained
 * `@holiday-jp/holiday_jp` package. Its data is a plain object bundled into the code (no file
 * system access), so this works unchanged on Node and on Cloudflare Workers.
 *
 * We look the date up in the package's `holidays` map ourselves instead of calling its
 * `isHoliday()`: that function formats a `Date` with local-time getters (wrong outside Tokyo)
 * and scans every key on each call. The data covers 1970–2050; later dates report false until
 * the package is updated.
 */
const HOLIDAYS: Readonly<Record<string, unknown>> = holidayJp.holidays;

/** Whether a Tokyo calendar date ('YYYY-MM-DD') is a national holiday. */
export function isNationalHoliday(date: string): boolean {
  return Object.hasOwn(HOLIDAYS, date);
}
