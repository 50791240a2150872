import { beforeEach, describe, expect, it } from 'vitest';
import { insertIfPreviousChanged } from '../../src/lib/atomic.js';
import { setupTestApp, type TestContext } from '../helpers/test-app.js';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await setupTestApp();
});

const row = (id: string) => ({
  id,
  at: '2026-11-21T00:00:00.000Z',
  actor_user_id: null,
  action: 'test',
  subject_type: null,
  subject_id: null,
  client_address: null,
  details: null,
});
// A table without triggers: D1 counts rows written by triggers in `meta.changes` (SQLite's
// changes() does not), and the statement's own count is what this test is about.
const stampUpdate = (from: number) =>
  ctx.deps.db
    .updateTable('settings_stamp')
    .set({ version: from + 1 })
    .where('id', '=', 1)
    .where('version', '=', from);

describe('the atomic port', () => {
  it('chains an insert to the statement before it: no change, no insert', async () => {
    const { version } = await ctx.deps.db
      .selectFrom('settings_stamp')
      .select('version')
      .executeTakeFirstOrThrow();
    const [miss] = await ctx.deps.atomic([
      stampUpdate(version + 7),
      insertIfPreviousChanged(ctx.deps.db, 'audit_log', row('a1')),
    ]);
    expect(miss!.numAffectedRows).toBe(0);
    const [hit] = await ctx.deps.atomic([
      stampUpdate(version),
      insertIfPreviousChanged(ctx.deps.db, 'audit_log', row('a2')),
    ]);
    expect(hit!.numAffectedRows).toBe(1);
    const ids = (await ctx.deps.db.selectFrom('audit_log').select('id').execute()).map((r) => r.id);
    expect(ids).toEqual(['a2']);
  });

  it('is all or nothing: a failing statement rolls back the ones before it', async () => {
    await expect(
      ctx.deps.atomic([
        ctx.deps.db
          .insertInto('setting')
          .values({ key: 'a', value: '1', updated_at: 'x', updated_by: null }),
        ctx.deps.db
          .insertInto('setting')
          .values({ key: 'a', value: '2', updated_at: 'x', updated_by: null }),
      ]),
    ).rejects.toThrow();
    expect(await ctx.deps.db.selectFrom('setting').selectAll().execute()).toEqual([]);
  });

  it('the audit log refuses updates and deletes', async () => {
    await ctx.deps.db.insertInto('audit_log').values(row('b1')).execute();
    await expect(
      ctx.deps.db.updateTable('audit_log').set({ action: 'forged' }).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(ctx.deps.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
  });
});
