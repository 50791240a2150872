/**
 * The days the demo center is closed, as its year-end announcement says: Sundays, national
 * holidays and the year-end break (December 29 to January 3). The demo seed puts no session or
 * orientation on them, and test/modules/demo-invariants.test.ts checks it.
 */
import { addDaysToDate, isoWeekdayOf } from './dates.js';
import { isNationalHoliday } from './holidays.js';

export function isCenterClosed(date: string): boolean {
  const monthDay = date.slice(5);
  return (
    isoWeekdayOf(date) === 7 ||
    isNationalHoliday(date) ||
    monthDay >= '12-29' ||
    monthDay <= '01-03'
  );
}

/** The date itself when the center is open then, else the next day it is. */
export function openDayOnOrAfter(date: string): string {
  let day = date;
  while (isCenterClosed(day)) day = addDaysToDate(day, 1);
  return day;
}

/** The same weekday a week later, until the center is open that day (Saturday events stay Saturdays). */
export function openWeekdayOnOrAfter(date: string): string {
  let day = date;
  while (isCenterClosed(day)) day = addDaysToDate(day, 7);
  return day;
}
