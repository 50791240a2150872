import {
  addDaysToDate,
  isoWeekdayOf,
  tokyoDateOf,
  tokyoInstant,
  tokyoTimeOf,
} from '../../lib/dates.js';
import { isNationalHoliday } from '../../lib/holidays.js';
import { ageInMonths } from '../members/member-rules.js';
import type { CenterSettings } from '../settings/settings.schemas.js';

/** The request rules of DOMAIN.md; each breach is a 422 with this code. */
export type RequestRuleCode =
  'lead_time' | 'infant_time_limit' | 'service_hours' | 'too_many_children' | 'past_start';

export interface RequestRuleSettings {
  leadTimeCutoff: string; // 'HH:MM' on the day before
  serviceStart: string;
  serviceEnd: string;
  maxSiblings: number;
  infantMonths: number;
  infantMaxHours: number;
}

/** The rule settings of a center, from its settings sections. */
export const requestRulesOf = (
  settings: Pick<CenterSettings, 'requests' | 'eligibility'>,
): RequestRuleSettings => ({
  ...settings.requests,
  infantMonths: settings.eligibility.infantMonths,
  infantMaxHours: settings.eligibility.infantMaxHours,
});

/** "17:00" → 17時 / 17:00, "06:30" → 6時30分 / 6:30: as the center writes times. */
function timeWords(hhmm: string) {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return {
    ja: m === 0 ? `${h}時` : `${h}時${m}分`,
    en: `${h}:${String(m).padStart(2, '0')}`,
  };
}

/** The configured numbers a request rule's message quotes (never the defaults). */
export function requestRuleParams(rules: RequestRuleSettings): Record<string, string | number> {
  const [cutoff, start, end] = [rules.leadTimeCutoff, rules.serviceStart, rules.serviceEnd].map(
    timeWords,
  ) as [ReturnType<typeof timeWords>, ReturnType<typeof timeWords>, ReturnType<typeof timeWords>];
  return {
    cutoffJa: cutoff.ja,
    cutoffEn: cutoff.en,
    startJa: start.ja,
    startEn: start.en,
    endJa: end.ja,
    endEn: end.en,
    months: rules.infantMonths,
    hours: rules.infantMaxHours,
  };
}

export interface RequestTiming {
  startsAt: Date;
  endsAt: Date;
  childBirthDates: string[];
}

/**
 * Checks one occurrence. `enforceLeadTime` is false for staff intake: an adviser taking an urgent
 * phone request decides herself whether a helper can still be found.
 */
export function checkRequestRules(
  request: RequestTiming,
  now: Date,
  settings: RequestRuleSettings,
  enforceLeadTime: boolean,
): RequestRuleCode | null {
  const date = tokyoDateOf(request.startsAt);
  if (request.startsAt.getTime() <= now.getTime()) return 'past_start';
  const startTime = tokyoTimeOf(request.startsAt);
  const endDate = tokyoDateOf(request.endsAt);
  const endTime = tokyoTimeOf(request.endsAt);
  // Service hours are 6:00–22:00 on one day: no overnight care outside the special programmes.
  if (endDate !== date || startTime < settings.serviceStart || endTime > settings.serviceEnd)
    return 'service_hours';
  if (request.childBirthDates.length > settings.maxSiblings) return 'too_many_children';
  const hours = (request.endsAt.getTime() - request.startsAt.getTime()) / 3_600_000;
  if (
    request.childBirthDates.some((b) => ageInMonths(b, date) < settings.infantMonths) &&
    hours > settings.infantMaxHours
  ) {
    return 'infant_time_limit';
  }
  if (enforceLeadTime) {
    const deadline = tokyoInstant(addDaysToDate(date, -1), settings.leadTimeCutoff);
    if (now.getTime() > deadline.getTime()) return 'lead_time';
  }
  return null;
}

export interface WeeklyPattern {
  weekdays: number[]; // ISO 1–7
  fromDate: string;
  toDate: string;
  startTime: string;
  endTime: string;
  skipHolidays: boolean;
}

export const MAX_OCCURRENCES = 120;

/** The dates of a recurring request, in order (national holidays skipped when asked). */
export function expandWeeklyPattern(
  pattern: WeeklyPattern,
): { date: string; startsAt: Date; endsAt: Date }[] {
  const out: { date: string; startsAt: Date; endsAt: Date }[] = [];
  for (let date = pattern.fromDate; date <= pattern.toDate; date = addDaysToDate(date, 1)) {
    if (!pattern.weekdays.includes(isoWeekdayOf(date))) continue;
    if (pattern.skipHolidays && isNationalHoliday(date)) continue;
    out.push({
      date,
      startsAt: tokyoInstant(date, pattern.startTime),
      endsAt: tokyoInstant(date, pattern.endTime),
    });
    if (out.length > MAX_OCCURRENCES) break;
  }
  return out;
}
