import { z } from 'zod';
import { SERIOUS_LEVELS, SERIOUS_STAGES } from './serious-accident-rules.js';
import type { SeriousChain } from './serious-accidents.service.js';

/** What was reported for a step of the chain (nulls while it is not reported). */
export function stepReportOf(step: SeriousChain['steps'][number]) {
  return {
    reportedOn: step.reported?.reportedOn ?? null,
    reportedBy: step.reported?.reportedBy ?? null,
    note: step.reported?.note ?? null,
  };
}

/** A serious accident's reporting chain as the staff API shows it (issue #19). */
export function seriousChainJson(chain: SeriousChain) {
  return {
    incidentId: chain.incidentId,
    seriousReason: chain.seriousReason,
    accidentOn: chain.accidentOn,
    steps: chain.steps.map((s) => ({
      stage: s.stage,
      level: s.level,
      dueOn: s.dueOn,
      daysLeft: s.daysLeft,
      state: s.state,
      next: s.next,
      ...stepReportOf(s),
    })),
  };
}

export const seriousChainSchema = z.object({
  incidentId: z.string(),
  seriousReason: z
    .enum(['death', 'loss_of_consciousness', 'treatment_30_days'])
    .nullable()
    .describe('Marked by staff, or 30+ days of treatment; null: not a serious accident'),
  accidentOn: z.string().describe('The accident’s Tokyo date'),
  steps: z
    .array(
      z.object({
        stage: z
          .enum(SERIOUS_STAGES)
          .describe('first: 第1報 (next day at the latest); detailed: 第2報 (within a month)'),
        level: z.enum(SERIOUS_LEVELS).describe('Who received it: 市町村, 都道府県, 国'),
        dueOn: z.string(),
        daysLeft: z.number().int().nullable().describe('Negative: overdue; null once reported'),
        state: z.enum(['done', 'overdue', 'due_soon', 'pending']),
        next: z.boolean().describe('The first level of its stage not yet reported'),
        reportedOn: z.string().nullable(),
        reportedBy: z.string().nullable(),
        note: z.string().nullable(),
      }),
    )
    .describe('Six steps: by stage, then level in chain order'),
});
