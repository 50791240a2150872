import { addDaysToDate, addMonthsToDate, daysBetween, tokyoDateOf } from '../../lib/dates.js';
import { needsSeriousReport } from './incident-rules.js';

/**
 * Pure rules of a serious accident's reporting chain (重大事故の報告, issue #19; decision note
 * docs/decisions/2026-12-06-serious-accident-chain.md): which accidents are serious, the steps
 * center → 市町村 → 都道府県 → 国 for the first report (第1報) and the detailed one (第2報), their
 * due dates in Tokyo calendar dates, and whether a step may be recorded.
 */

export const SERIOUS_STAGES = ['first', 'detailed'] as const;
export const SERIOUS_LEVELS = ['municipality', 'prefecture', 'national'] as const;
export type SeriousStage = (typeof SERIOUS_STAGES)[number];
export type SeriousLevel = (typeof SERIOUS_LEVELS)[number];
export type SeriousReason = 'death' | 'loss_of_consciousness' | 'treatment_30_days';

/** Steps not yet reported whose due date is this many days away or less are "due soon". */
export const SERIOUS_WARN_DAYS = 7;

/**
 * Why an incident is a serious accident, or null: the reason staff marked (death, loss of
 * consciousness, 30+ days of treatment), else 30+ recorded days of treatment. A near-miss never is.
 */
export function seriousReasonOf(i: {
  kind: string;
  seriousReason: SeriousReason | null;
  treatmentDays: number | null;
}): SeriousReason | null {
  if (i.kind !== 'accident') return null;
  if (i.seriousReason) return i.seriousReason;
  return needsSeriousReport(i.treatmentDays) ? 'treatment_30_days' : null;
}

/**
 * The due date of a stage for an accident on `accidentOn` (Tokyo date): the first report is
 * expected the same day and due the next day at the latest; the detailed one within a month
 * (the same day of the next month, clamped to a shorter month's end). Every level of the chain
 * has the same due date: each office passes the report on at once.
 */
export function stageDueOn(stage: SeriousStage, accidentOn: string): string {
  return stage === 'first' ? addDaysToDate(accidentOn, 1) : addMonthsToDate(accidentOn, 1);
}

export interface RecordedStep {
  stage: SeriousStage;
  level: SeriousLevel;
  reportedOn: string;
  reportedBy: string;
  note: string | null;
}

export type StepState = 'done' | 'overdue' | 'due_soon' | 'pending';

export interface ChainStep {
  stage: SeriousStage;
  level: SeriousLevel;
  dueOn: string;
  /** Days from today to the due date (negative: overdue); null once reported. */
  daysLeft: number | null;
  state: StepState;
  /** The next step to record in its stage (the first level not yet reported). */
  next: boolean;
  reported: RecordedStep | null;
}

/** The six steps of an accident (by stage, then level in chain order) as of `today`. */
export function chainSteps(
  accidentAt: string,
  recorded: readonly RecordedStep[],
  today: string,
): ChainStep[] {
  const accidentOn = tokyoDateOf(accidentAt);
  return SERIOUS_STAGES.flatMap((stage) => {
    const dueOn = stageDueOn(stage, accidentOn);
    let nextTaken = false;
    return SERIOUS_LEVELS.map((level): ChainStep => {
      const reported = recorded.find((r) => r.stage === stage && r.level === level) ?? null;
      if (reported)
        return { stage, level, dueOn, daysLeft: null, state: 'done', next: false, reported };
      const left = daysBetween(today, dueOn);
      const next = !nextTaken;
      nextTaken = true;
      const state: StepState =
        left < 0 ? 'overdue' : left <= SERIOUS_WARN_DAYS ? 'due_soon' : 'pending';
      return { stage, level, dueOn, daysLeft: left, state, next, reported: null };
    });
  });
}

/** The step recorded just before this one in the chain (previous level; or, for the detailed
 * report to the 市町村, the first report to it), or null for the very first step. */
export function previousStep(
  stage: SeriousStage,
  level: SeriousLevel,
): { stage: SeriousStage; level: SeriousLevel } | null {
  const at = SERIOUS_LEVELS.indexOf(level);
  if (at > 0) return { stage, level: SERIOUS_LEVELS[at - 1]! };
  return stage === 'detailed' ? { stage: 'first', level: 'municipality' } : null;
}

/**
 * Why a step may not be recorded (an i18n rule code), or null: it was recorded already; the
 * step before it in the chain is missing; its date is before the accident, after today, or
 * before the previous step's date.
 */
export function stepRefusal(
  step: { stage: SeriousStage; level: SeriousLevel; reportedOn: string },
  recorded: readonly RecordedStep[],
  accidentAt: string,
  today: string,
): 'serious_step_recorded' | 'serious_step_order' | 'serious_step_date' | null {
  if (recorded.some((r) => r.stage === step.stage && r.level === step.level))
    return 'serious_step_recorded';
  const before = previousStep(step.stage, step.level);
  const prior = before
    ? recorded.find((r) => r.stage === before.stage && r.level === before.level)
    : undefined;
  if (before && !prior) return 'serious_step_order';
  if (step.reportedOn < tokyoDateOf(accidentAt) || step.reportedOn > today)
    return 'serious_step_date';
  if (prior && step.reportedOn < prior.reportedOn) return 'serious_step_date';
  return null;
}
