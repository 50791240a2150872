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
  ['GET / (staff)', { sequential: 6, total: 27 }],
  ['GET /board (staff)', { sequential: 4, total: 7 }],
  ['GET /staff/planner (staff)', { sequential: 4, total: 7 }],
  ['GET /activities (staff)', { sequential: 5, total: 6 }],
  ['GET /activities/missing (staff)', { sequential: 4, total: 4 }],
  ['GET /members (staff)', { sequential: 4, total: 5 }],
  ['GET /orientations (staff)', { sequential: 4, total: 4 }],
  ['GET /staff/reports/monthly (staff)', { sequential: 5, total: 29 }],
  ['GET /directory (staff)', { sequential: 4, total: 4 }],
  ['GET / (admin)', { sequential: 6, total: 27 }],
  ['GET /board (admin)', { sequential: 4, total: 7 }],
  ['GET /staff/planner (admin)', { sequential: 4, total: 7 }],
  ['GET /activities (admin)', { sequential: 5, total: 6 }],
  ['GET /activities/missing (admin)', { sequential: 4, total: 4 }],
  ['GET /members (admin)', { sequential: 4, total: 5 }],
  ['GET /orientations (admin)', { sequential: 4, total: 4 }],
  ['GET /staff/reports/monthly (admin)', { sequential: 5, total: 29 }],
  ['GET /directory (admin)', { sequential: 4, total: 4 }],
  ['GET / (requester)', { sequential: 5, total: 8 }],
  ['GET /inbox (requester)', { sequential: 4, total: 6 }],
  ['GET /my (requester)', { sequential: 5, total: 5 }],
  ['GET /requests (requester)', { sequential: 6, total: 8 }],
  ['GET /activities (requester)', { sequential: 6, total: 7 }],
  ['GET /training (requester)', { sequential: 4, total: 4 }],
  ['GET /events (requester)', { sequential: 5, total: 6 }],
  ['GET /directory (requester)', { sequential: 7, total: 8 }],
  ['GET /announcements (requester)', { sequential: 5, total: 5 }],
  ['GET / (helper)', { sequential: 5, total: 8 }],
  ['GET /inbox (helper)', { sequential: 4, total: 6 }],
  ['GET /my (helper)', { sequential: 5, total: 5 }],
  ['GET /offers (helper)', { sequential: 5, total: 9 }],
  ['GET /activities (helper)', { sequential: 6, total: 8 }],
  ['GET /calendar (helper)', { sequential: 5, total: 7 }],
  ['GET /availability (helper)', { sequential: 5, total: 7 }],
  ['GET /training (helper)', { sequential: 6, total: 11 }],
  ['GET /events (helper)', { sequential: 5, total: 6 }],
  ['GET /directory (helper)', { sequential: 6, total: 7 }],
  ['GET /announcements (helper)', { sequential: 5, total: 5 }],
  ['POST offers (1 helper)', { sequential: 17, total: 25 }],
  ['POST offers (2 helpers)', { sequential: 19, total: 27 }],
  ['POST accept an offer', { sequential: 16, total: 16 }],
  ['POST planner send (5 offers)', { sequential: 55, total: 96 }],
  ['POST planner send (29 offers)', { sequential: 295, total: 457 }],
  ['GET /staff/reports/monthly', { sequential: 5, total: 29 }],
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
