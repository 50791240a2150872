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
  | 'lead_time'
  | 'infant_time_limit'
  | 'service_hours'
  | 'too_many_children'
  | 'past_start'
  | 'programme_hours'
  | 'programme_max_hours';

/** The sick-child and emergency programme's hours (settings section `programme`, issue #20). */
export interface ProgrammeHours {
  serviceStart: string;
  /** May be '24:00': the end of the day. */
  serviceEnd: string;
  /** Whether programme care may run across midnight: then any time is allowed. */
  overnight: boolean;
  maxHours: number;
}

export interface RequestRuleSettings {
  leadTimeCutoff: string; // 'HH:MM' on the day before
  serviceStart: string;
  serviceEnd: string;
  maxSiblings: number;
  infantMonths: number;
  infantMaxHours: number;
  /** Only programme requests use it; absent, a programme request is held to ordinary hours. */
  programme?: ProgrammeHours;
}

/** The rule settings of a center, from its settings sections. */
export const requestRulesOf = (
  settings: Pick<CenterSettings, 'requests' | 'eligibility' | 'programme'>,
): RequestRuleSettings => ({
  ...settings.requests,
  infantMonths: settings.eligibility.infantMonths,
  infantMaxHours: settings.eligibility.infantMaxHours,
  programme: settings.programme,
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
  const programme = rules.programme ?? { ...rules, overnight: false, maxHours: 24 };
  const [pStart, pEnd] = [programme.serviceStart, programme.serviceEnd].map(timeWords) as [
    ReturnType<typeof timeWords>,
    ReturnType<typeof timeWords>,
  ];
  return {
    programmeStartJa: pStart.ja,
    programmeStartEn: pStart.en,
    programmeEndJa: pEnd.ja,
    programmeEndEn: pEnd.en,
    programmeMaxHours: programme.maxHours,
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
  /** A request of the sick-child and emergency programme: its hours replace the ordinary ones. */
  programme?: 'sick' | 'emergency' | null | undefined;
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
  if (request.programme) {
    const code = checkProgrammeHours(request, settings.programme ?? ordinaryHours(settings));
    if (code) return code;
  }
  // Service hours are 6:00–22:00 on one day: no overnight care outside the special programmes.
  else if (endDate !== date || startTime < settings.serviceStart || endTime > settings.serviceEnd)
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

const ordinaryHours = (settings: RequestRuleSettings): ProgrammeHours => ({
  serviceStart: settings.serviceStart,
  serviceEnd: settings.serviceEnd,
  overnight: false,
  maxHours: 24,
});

/**
 * The programme's hours: at most `maxHours` long; across midnight only when overnight care is
 * allowed (then at any time); otherwise within [serviceStart, serviceEnd] of one day, where an
 * end at the next midnight is 24:00 of the day.
 */
function checkProgrammeHours(
  request: RequestTiming,
  hours: ProgrammeHours,
): RequestRuleCode | null {
  const durationHours = (request.endsAt.getTime() - request.startsAt.getTime()) / 3_600_000;
  if (durationHours > hours.maxHours) return 'programme_max_hours';
  if (hours.overnight) return null;
  const date = tokyoDateOf(request.startsAt);
  const endsAtMidnight =
    tokyoTimeOf(request.endsAt) === '00:00' &&
    tokyoDateOf(request.endsAt) === addDaysToDate(date, 1);
  const endTime = endsAtMidnight ? '24:00' : tokyoTimeOf(request.endsAt);
  const sameDay = endsAtMidnight || tokyoDateOf(request.endsAt) === date;
  if (!sameDay || tokyoTimeOf(request.startsAt) < hours.serviceStart || endTime > hours.serviceEnd)
    return 'programme_hours';
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
