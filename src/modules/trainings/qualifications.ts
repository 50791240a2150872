/**
 * The helper qualification engine: which training a helper holds, and whether that makes them
 * eligible for matching (DOMAIN.md, "Training"). Pure: no database, no clock. Callers pass the
 * Tokyo calendar date (`tokyoDateOf(deps.clock.now())`) and the rows they loaded.
 *
 * All date arithmetic here is on `YYYY-MM-DD` strings through UTC day numbers, so nothing depends
 * on the process time zone: a calendar date has no time zone, and the caller already decided
 * which Tokyo day "today" is.
 */
import {
  addDaysToDate,
  addMonthsToDate,
  fiscalYearEnd,
  fiscalYearOf,
  isValidDateString,
} from '../../lib/dates.js';

export type ModuleKind = 'basic' | 'cpr' | 'followup' | 'sick_child';

/**
 * How a completion of a module expires.
 * - `months`: valid for `validityMonths` calendar months (see `expiresOnFor`); `validityMonths`
 *   null means the completion never expires (the basic course).
 * - `fiscal_year_end`: valid through March 31 of the fiscal year (年度) it was completed in, as
 *   centers do for the annual follow-up; `validityMonths` is ignored and should be null.
 */
export type ValidityMode = 'months' | 'fiscal_year_end';

export interface ModuleDef {
  code: string;
  titleJa: string;
  titleEn: string;
  /** Course hours (may be fractional, e.g. 1.5); a module may be split across sessions. */
  hours: number;
  kind: ModuleKind;
  validityMode: ValidityMode;
  validityMonths: number | null;
  sortOrder: number;
}

export type TrainingSource = 'attendance' | 'external' | 'exemption';

export interface TrainingRecord {
  moduleCode: string;
  /** Tokyo date the module was completed (or the certificate/exemption took effect). */
  completedOn: string;
  source: TrainingSource;
}

export type HelperStatus = 'applied' | 'active' | 'suspended' | 'withdrawn';

export interface QualificationSettings {
  /** A valid record whose last valid day is at most this many days after today is `expiring`. */
  expiringWithinDays: number;
  /** Whether the annual follow-up is required at all (a center setting; default on). */
  followupRequired: boolean;
}

export const DEFAULT_QUALIFICATION_SETTINGS: Readonly<QualificationSettings> = {
  expiringWithinDays: 60,
  followupRequired: true,
};

export interface QualificationInput {
  /** Today's Tokyo date, YYYY-MM-DD. */
  today: string;
  /** The member's helper-side status; null when the member has no helper side. */
  helperStatus: HelperStatus | null;
  modules: readonly ModuleDef[];
  records: readonly TrainingRecord[];
  settings?: Partial<QualificationSettings>;
}

export type QualificationStatus = 'not_helper' | 'in_training' | 'eligible' | 'lapsed' | 'inactive';

export interface QualificationRecordView {
  code: string;
  completedOn: string;
  /** The last day the record is valid (inclusive); null = never expires. */
  expiresOn: string | null;
  source: TrainingSource;
  /** Valid today: completed on or before today and today is on or before `expiresOn`. */
  valid: boolean;
}

export interface QualificationProgress {
  basicModulesDone: number;
  basicModulesTotal: number;
  /** Hours of the basic modules currently complete, exemptions included (progress, not hours sat). */
  basicHoursDone: number;
  basicHoursTotal: number;
}

export interface Qualifications {
  eligibleForMatching: boolean;
  /** May take 病児・病後児 requests: eligible and every sick_child module held. */
  sickChildCare: boolean;
  status: QualificationStatus;
  /**
   * The training side alone is satisfied (basic + CPR + follow-up when due), whatever the helper
   * status: lets staff see that an `applied` helper only waits for approval.
   */
  requirementsMet: boolean;
  /** Module codes to attend to become/stay eligible, in curriculum order. */
  missing: string[];
  /** sick_child module codes still to attend for sick-child care, in curriculum order. */
  sickChildMissing: string[];
  /** Counting records still valid whose last valid day is within the window, soonest first. */
  expiring: { code: string; expiresOn: string }[];
  /**
   * Required (basic or cpr) modules completed before whose validity has run out: the refresher
   * is overdue (救命講習・事故防止講習 at least every 5 years). `expiredOn` is the last valid day
   * of the best record; earliest first. A subset of `missing`.
   */
  overdue: { code: string; expiredOn: string }[];
  /** Every record of a known module, in curriculum order, newest first within a module. */
  records: QualificationRecordView[];
  progress: QualificationProgress;
  /** When the basic course was completed (latest of the basic modules' completions), or null. */
  basicCompletedOn: string | null;
  /** True when today's fiscal year needs a follow-up record (the FY after basicCompletedOn on). */
  followupDue: boolean;
}

// ---------------------------------------------------------------------------------------------
// Date helpers on YYYY-MM-DD strings (zone-free calendar arithmetic).

/** Rejects a malformed date before the kernel's arithmetic trusts its format. */
function checked(date: string): string {
  if (!isValidDateString(date)) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  return date;
}

/** date + n calendar days (the kernel's `addDaysToDate`, on a checked date). */
export const addDaysTo = (date: string, days: number): string => addDaysToDate(checked(date), days);

/** date + n calendar months, clamped to a shorter month's end (the kernel's `addMonthsToDate`). */
export const addMonthsTo = (date: string, months: number): string =>
  addMonthsToDate(checked(date), months);

export { fiscalYearEnd };

/**
 * The LAST day a completion of `module` on `completedOn` is valid (inclusive), or null when it
 * never expires. We store the last valid day rather than the first invalid one because that is
 * what a helper is told ("valid until 2026-04-09") and because it makes validity a plain
 * `today <= expiresOn` string comparison.
 *
 * `months` mode: valid through the day before completedOn + N months, so a 36-month CPR course on
 * 2023-04-10 is valid through 2026-04-09 and invalid from 2026-04-10. Month ends clamp first,
 * then we step back a day: 2024-01-31 + 1 month = 2024-02-29 → valid through 2024-02-28.
 */
export function expiresOnFor(
  module: Pick<ModuleDef, 'validityMode' | 'validityMonths'>,
  completedOn: string,
): string | null {
  if (module.validityMode === 'fiscal_year_end') {
    return fiscalYearEnd(fiscalYearOf(checked(completedOn)));
  }
  if (module.validityMonths === null) return null;
  return addDaysTo(addMonthsTo(completedOn, module.validityMonths), -1);
}

function isValidOn(completedOn: string, expiresOn: string | null, today: string): boolean {
  // YYYY-MM-DD strings order like the dates they name.
  return completedOn <= today && (expiresOn === null || today <= expiresOn);
}

// ---------------------------------------------------------------------------------------------
// The engine.

interface Held {
  completedOn: string;
  expiresOn: string | null;
}

/** Later expiry wins; null (never) beats any date. */
function expiresLater(a: string | null, b: string | null): boolean {
  if (a === b) return false;
  if (a === null) return true;
  if (b === null) return false;
  return a > b;
}

export function computeQualifications(input: QualificationInput): Qualifications {
  const { today, helperStatus } = input;
  checked(today); // fail loudly on a malformed date: every comparison below relies on the format
  const settings: QualificationSettings = { ...DEFAULT_QUALIFICATION_SETTINGS, ...input.settings };

  const modules = [...input.modules].sort(
    (a, b) => a.sortOrder - b.sortOrder || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  const byCode = new Map(modules.map((m) => [m.code, m]));
  const rank = new Map(modules.map((m, i) => [m.code, i]));

  // Records of modules not in the curriculum (e.g. retired ones) are ignored: we cannot know
  // their validity, and they satisfy no current requirement.
  const views: QualificationRecordView[] = [];
  // Per module, the record that counts: among those already completed (a future-dated record
  // counts from its date), the one that keeps the module valid longest; on equal expiry the
  // earliest, so re-attending a no-expiry basic module does not move basicCompletedOn later.
  const counting = new Map<string, Held>();
  // Per module, the first completion on or before today: the course is done once, whatever a
  // later refresher's validity (a module with validity is repeated, not re-learnt).
  const firstDone = new Map<string, string>();
  for (const r of input.records) {
    checked(r.completedOn);
    const module = byCode.get(r.moduleCode);
    if (!module) continue;
    const expiresOn = expiresOnFor(module, r.completedOn);
    views.push({
      code: r.moduleCode,
      completedOn: r.completedOn,
      expiresOn,
      source: r.source,
      valid: isValidOn(r.completedOn, expiresOn, today),
    });
    if (r.completedOn > today) continue;
    const first = firstDone.get(r.moduleCode);
    if (first === undefined || r.completedOn < first) firstDone.set(r.moduleCode, r.completedOn);
    const best = counting.get(r.moduleCode);
    if (
      !best ||
      expiresLater(expiresOn, best.expiresOn) ||
      (expiresOn === best.expiresOn && r.completedOn < best.completedOn)
    ) {
      counting.set(r.moduleCode, { completedOn: r.completedOn, expiresOn });
    }
  }
  views.sort(
    (a, b) =>
      rank.get(a.code)! - rank.get(b.code)! ||
      (a.completedOn > b.completedOn ? -1 : a.completedOn < b.completedOn ? 1 : 0),
  );

  const holds = (m: ModuleDef): boolean => {
    const held = counting.get(m.code);
    return held !== undefined && isValidOn(held.completedOn, held.expiresOn, today);
  };
  const ofKind = (kind: ModuleKind) => modules.filter((m) => m.kind === kind);
  const basic = ofKind('basic');
  const cpr = ofKind('cpr');
  const followup = ofKind('followup');
  const sickChild = ofKind('sick_child');

  // Progress counts the basic modules held today (an overdue refresher shows as not done, like
  // an expired CPR in the course progress); whether the course was ever finished counts every
  // completion, which only differs for a module with a refresher period.
  const basicDone = basic.filter(holds);
  // NOTE: with no basic module defined (a center whose curriculum is not loaded yet) nobody is
  // qualified: an empty course must not make every helper matchable.
  const courseDone = basic.length > 0 && basic.every((m) => firstDone.has(m.code));
  const basicComplete = courseDone && basicDone.length === basic.length;
  // The day the course was first finished: a refresher does not move it (nor the follow-up's
  // "fiscal year after the course" that hangs on it).
  const basicCompletedOn = courseDone
    ? basic.map((m) => firstDone.get(m.code)!).reduce((a, b) => (a > b ? a : b))
    : null;

  const cprComplete = cpr.every(holds);
  // "From the fiscal year after the basic course was completed": the year of completion is
  // free. Any one follow-up module held today satisfies it (centers run several sessions a
  // year); with fiscal_year_end validity "held today" means "completed in this fiscal year".
  // A curriculum without follow-up modules cannot require one.
  const followupDue =
    settings.followupRequired &&
    followup.length > 0 &&
    basicCompletedOn !== null &&
    fiscalYearOf(today) > fiscalYearOf(basicCompletedOn);
  const followupComplete = !followupDue || followup.some(holds);

  const requirementsMet = basicComplete && cprComplete && followupComplete;
  const eligibleForMatching = helperStatus === 'active' && requirementsMet;

  // Listed in curriculum order; for the follow-up every module is listed (attending any one is
  // enough, the UI can say so from the kind).
  const missing = modules
    .filter(
      (m) =>
        ((m.kind === 'basic' || m.kind === 'cpr') && !holds(m)) ||
        (m.kind === 'followup' && !followupComplete),
    )
    .map((m) => m.code);

  const sickChildMissing = sickChild.filter((m) => !holds(m)).map((m) => m.code);
  // Without any sick_child module the center does not offer the qualification: never grant it
  // by an empty "every".
  const sickChildCare =
    eligibleForMatching && sickChild.length > 0 && sickChildMissing.length === 0;

  const overdue = modules
    .flatMap((m) => {
      if ((m.kind !== 'basic' && m.kind !== 'cpr') || holds(m)) return [];
      const held = counting.get(m.code);
      if (!held || held.expiresOn === null) return [];
      return [{ code: m.code, expiredOn: held.expiresOn }];
    })
    .sort((a, b) => (a.expiredOn < b.expiredOn ? -1 : a.expiredOn > b.expiredOn ? 1 : 0));

  const horizon = addDaysTo(today, settings.expiringWithinDays);
  const expiring = modules
    .flatMap((m) => {
      const held = counting.get(m.code);
      if (!held || held.expiresOn === null || !holds(m) || held.expiresOn > horizon) return [];
      return [{ code: m.code, expiresOn: held.expiresOn }];
    })
    .sort((a, b) => (a.expiresOn < b.expiresOn ? -1 : a.expiresOn > b.expiresOn ? 1 : 0));

  let status: QualificationStatus;
  if (helperStatus === null) status = 'not_helper';
  else if (helperStatus === 'suspended' || helperStatus === 'withdrawn') status = 'inactive';
  else if (eligibleForMatching) status = 'eligible';
  else if (helperStatus === 'active' && courseDone && cpr.every((m) => counting.has(m.code))) {
    // Was qualified once (course done, CPR taken) and lost it: a refresher (CPR, accident
    // prevention…) expired or the follow-up is due.
    status = 'lapsed';
  } else {
    // Applied (not approved yet), or active but the course is not done (e.g. a module added).
    status = 'in_training';
  }

  const sumHours = (ms: ModuleDef[]) =>
    Math.round(ms.reduce((total, m) => total + m.hours, 0) * 100) / 100;

  return {
    eligibleForMatching,
    sickChildCare,
    status,
    requirementsMet,
    missing,
    sickChildMissing,
    expiring,
    overdue,
    records: views,
    progress: {
      basicModulesDone: basicDone.length,
      basicModulesTotal: basic.length,
      basicHoursDone: sumHours(basicDone),
      basicHoursTotal: sumHours(basic),
    },
    basicCompletedOn,
    followupDue,
  };
}
