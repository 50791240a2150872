import { describe, expect, it } from 'vitest';
import { formatFigures, RATCHET, verdictOf } from '../helpers/round-trip-budgets.js';
import { measureRoundTrips, type Measured } from '../helpers/round-trips.js';

// The demo center on the Workers code path (the app's D1 dialect and atomic port over a D1
// stand-in that counts calls): every budgeted request stays within its budget, or, while over
// it, within today's figure (the ratchet in test/helpers/round-trip-budgets.ts).
describe('D1 round trips per request (#23)', () => {
  let rows: Measured[];

  it('measures every menu page of each role and the listed requests', async () => {
    rows = await measureRoundTrips();
    const names = rows.map((r) => r.request);
    for (const role of ['staff', 'admin', 'requester', 'helper'])
      expect(names).toContain(`GET / (${role})`);
    expect(names).toContain('POST accept an offer');
    expect(names).toContain('cron run (100 mails)');
    // Every ratchet row is still measured (a renamed page must not drop out of the budget).
    for (const name of RATCHET.keys()) expect(names).toContain(name);
  }, 120_000);

  it('keeps every request within its budget, or within its ratchet while over budget', () => {
    const over = rows
      .map((row) => ({ row, verdict: verdictOf(row) }))
      .filter(({ verdict }) => verdict && !verdict.ok)
      .map(
        ({ row, verdict }) =>
          `${row.request}: ${row.sequential} / ${row.total} over ${formatFigures(verdict!.ceiling)}` +
          (verdict!.ratcheted ? ` (ratchet; target ${formatFigures(verdict!.target)})` : ''),
      );
    expect(over).toEqual([]);
  });

  it('tightens the ratchet: a row that improved lowers its ceiling', () => {
    const loose = rows
      .filter((row) => {
        const ceiling = RATCHET.get(row.request);
        return ceiling && (row.sequential < ceiling.sequential || row.total < ceiling.total);
      })
      .map((row) => `${row.request}: now ${row.sequential} / ${row.total}`);
    expect(loose).toEqual([]);
  });
});
