/**
 * Pure membership rules: ages, the school-year boundary, kana and phone formats.
 * Dates are Tokyo calendar dates as YYYY-MM-DD strings; nothing here reads a clock.
 */

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

/** Whole days from `from` to `to` (calendar dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Age in completed years on `on` (a Feb 29 birthday is reached on Mar 1 in common years). */
export function ageInYears(birthDate: string, on: string): number {
  const [by, bm, bd] = parts(birthDate);
  const [y, m, d] = parts(on);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

/** Age in completed months on `on`. */
export function ageInMonths(birthDate: string, on: string): number {
  const [by, bm, bd] = parts(birthDate);
  const [y, m, d] = parts(on);
  let months = (y - by) * 12 + (m - bm);
  if (d < bd) months -= 1;
  return months;
}

/**
 * The last day of elementary school: March 31 of the school year in which the child is in
 * 6th grade. Japanese school years group children born April 2 to April 1 of the next year
 * (a child born on April 1 is legally a year older the day before, so joins the earlier
 * grade). DOMAIN.md's "March 31 after the 12th birthday" says the same except for April 1
 * birthdays, which this rule gets right.
 */
export function endOfElementarySchool(birthDate: string): string {
  const [y, m, d] = parts(birthDate);
  const bornJanToApr1 = m < 4 || (m === 4 && d === 1);
  return `${bornJanToApr1 ? y + 12 : y + 13}-03-31`;
}

export type ChildUntil = 'end_of_preschool' | 'end_of_elementary' | 'end_of_junior_high';

/** The last day a child counts for the center: the end of preschool, elementary or junior high. */
export function lastEligibleDay(
  birthDate: string,
  until: ChildUntil = 'end_of_elementary',
): string {
  const end = endOfElementarySchool(birthDate);
  const shift = until === 'end_of_preschool' ? -6 : until === 'end_of_junior_high' ? 3 : 0;
  return `${Number(end.slice(0, 4)) + shift}${end.slice(4)}`;
}

export type ChildAgeStatus = 'too_young' | 'eligible' | 'too_old' | 'not_born';

export function childAgeStatus(
  birthDate: string,
  on: string,
  minAgeDays: number,
  until: ChildUntil = 'end_of_elementary',
): ChildAgeStatus {
  const days = daysBetween(birthDate, on);
  if (days < 0) return 'not_born';
  if (on > lastEligibleDay(birthDate, until)) return 'too_old';
  return days >= minAgeDays ? 'eligible' : 'too_young';
}

const HIRAGANA = /[\u3041-\u3096]/g;

/** Katakana for a kana field: NFKC (half-width → full-width), hiragana → katakana, tidy spaces. */
export function normalizeKana(input: string): string {
  return input
    .normalize('NFKC')
    .replace(HIRAGANA, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60))
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
}

export function isKatakana(text: string): boolean {
  return /^[\u30A1-\u30FA\u30FC\u30FB ]+$/.test(text);
}

/** Phone numbers as people write them (full-width digits, hyphens, spaces) → "090-1234-5678" style kept, digits checked. */
export function normalizePhone(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/[\s()（）]/g, '')
    .replace(/[‐－―ー]/g, '-');
}

export function isPhoneNumber(text: string): boolean {
  const digits = text.replace(/-/g, '');
  return /^[0-9-]+$/.test(text) && /^0\d{9,10}$/.test(digits);
}
