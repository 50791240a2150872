import { z } from 'zod';
import { addDaysToDate, daysBetween, tokyoDateOf } from '../../lib/dates.js';

/**
 * Insurance cases of accidents (issue #19; DOMAIN.md "Insurance, refreshers, the national
 * programme"): the covers a center holds, the claim window, and the warning for help the center
 * was not told about in advance (not insured). Pure: plain values in and out.
 */

const WHOLE = 'settings.error.wholeNumber';
const coverCode = z
  .string()
  .trim()
  .min(1, 'validation.required')
  .max(32)
  .regex(/^[a-z0-9]+(?:_[a-z0-9]+)*$/, 'insurance.validation.coverCode');

/** One cover of the center's insurance (e.g. 提供会員の傷害), with its labels. */
export const insuranceCoverSchema = z
  .object({
    code: coverCode,
    ja: z.string().trim().min(1, 'validation.required').max(60),
    en: z.string().trim().min(1, 'validation.required').max(120),
  })
  .strict();
export type InsuranceCover = z.output<typeof insuranceCoverSchema>;

/** The `insurance` settings section. */
export const insuranceSettingsSchema = z
  .object({
    /** A claim must reach the insurer within this many days of the accident. */
    claimDays: z.number(WHOLE).int(WHOLE).min(1, WHOLE).max(1095, WHOLE),
    /** Open cases whose deadline is this close are listed on the staff dashboard. */
    warnDays: z.number(WHOLE).int(WHOLE).min(1, WHOLE).max(365, WHOLE),
    covers: z
      .array(insuranceCoverSchema)
      .min(1, 'insurance.validation.coversEmpty')
      .max(20)
      .refine((c) => new Set(c.map((x) => x.code)).size === c.length, {
        message: 'settings.error.itemDuplicate',
      }),
  })
  .strict();
export type InsuranceSettings = z.output<typeof insuranceSettingsSchema>;

/** Defaults: the 180-day window of the usual FSC policy and its four covers. */
export const DEFAULT_INSURANCE: InsuranceSettings = {
  claimDays: 180,
  warnDays: 30,
  covers: [
    { code: 'helper_injury', ja: '提供会員の傷害', en: 'Helper injury' },
    { code: 'liability', ja: '賠償責任', en: 'Liability' },
    { code: 'child_injury', ja: '子どもの傷害', en: 'Child injury' },
    { code: 'meeting', ja: '研修・交流会の傷害', en: 'Training and meeting cover' },
  ],
};

/** The last day a claim may reach the insurer: the accident's Tokyo date + the window. */
export const claimDeadline = (occurredAt: string, claimDays: number): string =>
  addDaysToDate(tokyoDateOf(occurredAt), claimDays);

/** Days left until a deadline (negative once passed), counted in Tokyo dates. */
export const daysLeft = (today: string, deadline: string): number => daysBetween(today, deadline);

/** Whether an open case is to be shown as nearing (or past) its deadline. */
export const isNearingDeadline = (today: string, deadline: string, warnDays: number) =>
  daysLeft(today, deadline) <= warnDays;

/**
 * Whether the help was known to the center before the accident (help the center was not told
 * about in advance is not insured). Only help counts: training and events are the center's own.
 * Known = a request with a helper assigned, created before the accident's time.
 */
export function helpKnownInAdvance(f: {
  situation: 'during_help' | 'travel' | 'training' | 'event' | 'other' | null;
  occurredAt: string;
  requestCreatedAt: string | null;
  requestHasHelper: boolean;
}): boolean {
  if (f.situation !== 'during_help' && f.situation !== 'travel') return true;
  return (
    f.requestCreatedAt !== null &&
    f.requestHasHelper &&
    Date.parse(f.requestCreatedAt) < Date.parse(f.occurredAt)
  );
}
