/**
 * Pure membership rules: ages, the school-year boundary, kana and phone formats.
 * Dates are Tokyo calendar dates as YYYY-MM-DD strings; nothing here reads a clock.
 */
import { daysBetween, lastDayOfGrade } from '../../lib/dates.js';

// Ages, day counts and school years come from the time kernel; re-exported for this module's callers.
export { ageInMonths, ageInYears, daysBetween } from '../../lib/dates.js';

/**
 * The last day of elementary school: March 31 of the school year in which the child is in
 * 6th grade. Japanese school years group children born April 2 to April 1 of the next year
 * (a child born on April 1 is legally a year older the day before, so joins the earlier
 * grade). DOMAIN.md's "March 31 after the 12th birthday" says the same except for April 1
 * birthdays, which this rule gets right.
 */
export function endOfElementarySchool(birthDate: string): string {
  return lastDayOfGrade(birthDate, 6);
}

export type ChildUntil = 'end_of_preschool' | 'end_of_elementary' | 'end_of_junior_high';

/** The last day a child counts for the center: the end of preschool, elementary or junior high. */
export function lastEligibleDay(
  birthDate: string,
  until: ChildUntil = 'end_of_elementary',
): string {
  return lastDayOfGrade(
    birthDate,
    until === 'end_of_preschool' ? 0 : until === 'end_of_junior_high' ? 9 : 6,
  );
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

/**
 * Why a normalised phone number is refused, as an i18n key, or null when it is a phone number:
 * the reason rather than "enter a phone number" (a number two digits short is "too short").
 */
export function phoneProblem(text: string): string | null {
  if (!/^[0-9-]+$/.test(text)) return 'validation.phone_chars';
  const digits = text.replace(/-/g, '');
  if (!digits.startsWith('0')) return 'validation.phone_start';
  if (digits.length < 10) return 'validation.phone_too_short';
  if (digits.length > 11) return 'validation.phone_too_long';
  return null;
}

/**
 * An e-mail address as typed: NFKC makes full-width letters, digits, ＠ and ． the ASCII they
 * stand for (unambiguous), and spaces around it are dropped.
 */
export const normalizeEmail = (input: string): string => input.normalize('NFKC').trim();

/**
 * Why a normalised e-mail address is refused, as an i18n key, or null when nothing is
 * obviously wrong (the full format check comes after). What NFKC cannot turn into ASCII is
 * named: 「。」 for a dot, a space, or other full-width (Japanese) characters.
 */
export function emailProblem(text: string): string | null {
  if (text === '') return null;
  if (/[。、]/.test(text)) return 'validation.email_japanese_dot';
  if (/\s/.test(text)) return 'validation.email_space';
  if (/[^\x21-\x7e]/.test(text)) return 'validation.email_full_width';
  if (!text.includes('@')) return 'validation.email_no_at';
  return null;
}

export function isPhoneNumber(text: string): boolean {
  const digits = text.replace(/-/g, '');
  return /^[0-9-]+$/.test(text) && /^0\d{9,10}$/.test(digits);
}
