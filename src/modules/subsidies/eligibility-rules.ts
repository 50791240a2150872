import { addMonthsToDate } from '../../lib/dates.js';

/**
 * Household eligibility for the city's fee subsidy and the 無償化 certification (issue #18),
 * pure. The categories are the defaults DOMAIN.md names; cities differ, so the subsidy rules
 * (point 4 of the issue) are where a city's own list and rates belong.
 */
export { SUBSIDY_CATEGORIES, type SubsidyCategory } from '../settings/subsidy-rules.js';

/** 認定区分 of 施設等利用給付認定: 新1号 (教育), 新2号 (3–5歳・保育の必要性), 新3号 (0–2歳・非課税). */
export const CERTIFICATION_TYPES = ['type1', 'type2', 'type3'] as const;

/** Expiring records show on the staff dashboard this far ahead. */
export const EXPIRY_NOTICE_MONTHS = 1;

/** In force on `date` (YYYY-MM-DD): not revoked and within its validity, both ends included. */
export function isInForce(
  r: { valid_from: string; valid_to: string; revoked_at: string | null },
  date: string,
): boolean {
  return r.revoked_at === null && r.valid_from <= date && date <= r.valid_to;
}

/** The dates [today, today + 1 month] within which a validity's end counts as expiring. */
export function expiryWindow(today: string, months = EXPIRY_NOTICE_MONTHS) {
  return { from: today, to: addMonthsToDate(today, months) };
}
