/**
 * The round-trip budgets of issue #23 (point 6), on the Workers path, and the ratchet: where
 * today's code is over budget (batched reads and writes-with-side-effects come later, #23
 * points 4–5), the figure measured on 2026-12-05 is the ceiling, so it can only go down. Lower a
 * ceiling when a change improves it; remove the row once it meets the budget.
 */
import type { BudgetKey, Measured } from './round-trips.js';

export interface Figures {
  sequential: number;
  /** Unlimited when absent. */
  total?: number;
}

export const BUDGETS: Record<BudgetKey, Figures> = {
  page: { sequential: 3, total: 12 },
  offers: { sequential: 5 },
  accept: { sequential: 4 },
  plannerSend: { sequential: 6 },
  plannerSend50: { sequential: 6, total: 40 },
  monthlyReport: { sequential: 3, total: 6 },
  cron: { sequential: 6 },
};

/** Over budget today: the measured figure is the ceiling until the work of #23 points 4–5 lands. */
export const RATCHET = new Map<string, Required<Figures>>([]);

export interface Verdict {
  /** The ceiling the row must stay under now: the budget, or today's figure while over it. */
  ceiling: Figures;
  target: Figures;
  ratcheted: boolean;
  ok: boolean;
}

export function verdictOf(row: Measured): Verdict | undefined {
  if (!row.budget) return undefined;
  const target = BUDGETS[row.budget];
  const ceiling = RATCHET.get(row.request) ?? target;
  const ok =
    row.sequential <= ceiling.sequential &&
    (ceiling.total === undefined || row.total <= ceiling.total);
  return { ceiling, target, ratcheted: RATCHET.has(row.request), ok };
}

export const formatFigures = (f: Figures) => `${f.sequential} / ${f.total ?? '–'}`;
