import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/lib/ids.js';
import { countMembersAtMonthEnds } from '../../src/modules/reports/reports.queries.js';
import { createMember } from '../helpers/factories.js';
import { setupTestApp, type TestContext } from '../helpers/test-app.js';

/**
 * The annual report's month-end member trend counts starts and ends per month instead of testing
 * every member at every month end (from the census tables that migration 0026's triggers keep,
 * so the member updates and withdrawal events here go through those triggers). Checked here against the rule itself, member by member: a
 * side counts at `at` when it was approved before `at` and neither the member nor that side had
 * withdrawn before `at` (withdrawals may even predate an approval, or fall exactly on a month
 * end).
 */

// Months April to July 2026, ending at Tokyo midnight on the first of the next month.
const ENDS = ['2026-05-01', '2026-06-01', '2026-07-01', '2026-08-01'].map((d, i) => ({
  month: `2026-0${i + 4}`,
  atIso: new Date(`${d}T00:00:00+09:00`).toISOString(),
}));
// Instants around the month ends, and the month ends themselves.
const INSTANTS = ENDS.flatMap((e) => {
  const t = Date.parse(e.atIso);
  return [t - 86_400_000, t - 1, t, t + 1].map((x) => new Date(x).toISOString());
});
const instant = fc.option(fc.constantFrom(...INSTANTS), { nil: null });

interface Spec {
  requester: string | null;
  helper: string | null;
  withdrawn: string | null;
  requesterWithdrawn: string | null;
  helperWithdrawn: string | null;
}
const spec: fc.Arbitrary<Spec> = fc.record({
  requester: instant,
  helper: instant,
  withdrawn: instant,
  requesterWithdrawn: instant,
  helperWithdrawn: instant,
});

let ctx: TestContext;
let ids: string[];
const MEMBERS = 8;

beforeAll(async () => {
  ctx = await setupTestApp({ now: '2026-09-01T00:00:00.000Z' });
  ids = [];
  for (let i = 0; i < MEMBERS; i++)
    ids.push((await createMember(ctx.deps, { kind: 'both' })).member.id);
});

function expected(specs: Spec[]) {
  const on = (start: string | null, ends: (string | null)[], at: string) =>
    start !== null && start < at && ends.every((e) => e === null || e >= at);
  const out: { month: string; kind: string; count: number }[] = [];
  for (const end of ENDS) {
    const counts = { both: 0, requester: 0, helper: 0 };
    for (const s of specs) {
      const r = on(s.requester, [s.withdrawn, s.requesterWithdrawn], end.atIso);
      const h = on(s.helper, [s.withdrawn, s.helperWithdrawn], end.atIso);
      if (r && h) counts.both++;
      else if (r) counts.requester++;
      else if (h) counts.helper++;
    }
    for (const [kind, count] of Object.entries(counts))
      if (count) out.push({ month: end.month, kind, count });
  }
  return out;
}

describe('members at month ends (annual trend)', () => {
  it('agree with the per-member rule', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(spec, { minLength: MEMBERS, maxLength: MEMBERS }),
        async (specs) => {
          const db = ctx.deps.db;
          await db.deleteFrom('member_status_event').execute();
          for (const [i, s] of specs.entries()) {
            await db
              .updateTable('member')
              .set({
                requester_approved_at: s.requester,
                helper_approved_at: s.helper,
                withdrawn_at: s.withdrawn,
              })
              .where('id', '=', ids[i]!)
              .execute();
            for (const [side, at] of [
              ['requester', s.requesterWithdrawn],
              ['helper', s.helperWithdrawn],
            ] as const)
              if (at)
                await db
                  .insertInto('member_status_event')
                  .values({
                    id: newId(),
                    member_id: ids[i]!,
                    side,
                    from_status: 'active',
                    to_status: 'withdrawn',
                    reason: null,
                    actor_user_id: null,
                    at,
                  })
                  .execute();
          }
          const sortRows = (xs: { month: string; kind: string; count: number }[]) =>
            [...xs].sort((a, b) => `${a.month}${a.kind}`.localeCompare(`${b.month}${b.kind}`));
          expect(
            sortRows(
              await countMembersAtMonthEnds(
                db,
                ENDS.map((e) => e.month),
              ),
            ),
          ).toEqual(sortRows(expected(specs)));
        },
      ),
      { numRuns: 60 },
    );
    // 60 runs of many sequential writes: ~2 s on D1 when the machine is quiet, several times
    // that when it is shared; the property, not the speed, is under test here.
  }, 60_000);
});
