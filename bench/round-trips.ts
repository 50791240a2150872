/**
 * The D1 round-trip part of `npm run bench` (#23): the demo center on the Workers code path over
 * the metered D1 stand-in, every menu page of each role and the budgeted requests, with their
 * budget (or the ratchet ceiling while over budget). The same figures the budget test checks.
 */
import { formatFigures, verdictOf } from '../test/helpers/round-trip-budgets.js';
import { measureRoundTrips, type Measured } from '../test/helpers/round-trips.js';

export interface RoundTripRow extends Measured {
  target: string;
  ceiling: string;
  ok: boolean | null;
}

export async function benchRoundTrips(): Promise<RoundTripRow[]> {
  // The jobs log each run; the bench prints one table.
  const info = console.info;
  console.info = () => {};
  try {
    return (await measureRoundTrips()).map((row) => {
      const verdict = verdictOf(row);
      return {
        ...row,
        target: verdict ? formatFigures(verdict.target) : '',
        ceiling: verdict ? formatFigures(verdict.ceiling) : '',
        // "ok" against the budget itself, not the ratchet: the table shows what is still over.
        ok: verdict
          ? row.sequential <= verdict.target.sequential &&
            (verdict.target.total === undefined || row.total <= verdict.target.total)
          : null,
      };
    });
  } finally {
    console.info = info;
  }
}
