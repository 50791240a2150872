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
export const RATCHET = new Map<string, Required<Figures>>([
  ['GET / (staff)', { sequential: 3, total: 24 }],
  ['GET /staff/reports/monthly (staff)', { sequential: 3, total: 26 }],
  ['GET / (admin)', { sequential: 3, total: 24 }],
  ['GET /staff/reports/monthly (admin)', { sequential: 3, total: 26 }],
  ['GET /requests (requester)', { sequential: 4, total: 6 }],
  ['GET /activities (requester)', { sequential: 4, total: 5 }],
  ['GET /directory (requester)', { sequential: 4, total: 5 }],
  ['GET /activities (helper)', { sequential: 4, total: 6 }],
  ['GET /training (helper)', { sequential: 4, total: 9 }],
  ['POST offers (1 helper)', { sequential: 15, total: 23 }],
  ['POST offers (2 helpers)', { sequential: 17, total: 25 }],
  ['POST accept an offer', { sequential: 14, total: 14 }],
  ['POST planner send (5 offers)', { sequential: 49, total: 89 }],
  ['POST planner send (29 offers)', { sequential: 265, total: 426 }],
  ['GET /staff/reports/monthly', { sequential: 3, total: 26 }],
  ['cron run (100 mails)', { sequential: 212, total: 213 }],
]);

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
