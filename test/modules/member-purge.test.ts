import { beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/lib/ids.js';
import { purgeWithdrawnMembers, retentionCutoff } from '../../src/modules/members/purge.js';
import { withdrawMember } from '../../src/modules/members/members.service.js';
import { createChild, createMember } from '../helpers/factories.js';
import { createUser, setupTestApp, TestClient, type TestContext } from '../helpers/test-app.js';

const TODAY = '2026-11-21';
let ctx: TestContext;
beforeEach(async () => {
  ctx = await setupTestApp(); // 2026-11-21 10:00 JST
});

/** A requester with a child, contacts and a pickup, withdrawn by staff at `withdrawnAt`. */
async function withdrawnFamily(withdrawnAt: string, name: string) {
  const { user, member } = await createMember(ctx.deps, { name, birthDate: '1988-07-23' });
  await ctx.deps.db
    .updateTable('member')
    .set({ postal_code: '123-4567', helper_household_notes: null })
    .where('id', '=', member.id)
    .execute();
  const child = await createChild(ctx.deps, member.id, {
    name: `${name}の子`,
    birthDate: '2019-09-17',
  });
  for (const table of ['emergency_contact', 'authorized_pickup'] as const)
    await ctx.deps.db
      .insertInto(table)
      .values({
        id: newId(),
        member_id: member.id,
        name: '連絡 先',
        relation: '母',
        phone: '090-0000-1111',
        created_at: '2020-01-01T00:00:00.000Z',
      })
      .execute();
  const staff = await createUser(ctx.deps, { role: 'staff' });
  const now = ctx.clock.now().toISOString();
  ctx.clock.set(withdrawnAt);
  await withdrawMember(ctx.deps, staff, member.id, '転居（○○市へ）', undefined);
  ctx.clock.set(now);
  return { user, member, child };
}

const memberRow = (id: string) =>
  ctx.deps.db.selectFrom('member').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const purgeAudits = () =>
  ctx.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'member_purged').execute();

describe('purging withdrawn members (members:purge)', () => {
  it('anonymises a member withdrawn 5 years and a day ago, keeps one withdrawn 4 years ago', async () => {
    // 2021-11-20 10:00 JST: five years and one day before today.
    const old = await withdrawnFamily('2021-11-20T01:00:00.000Z', '古い 会員');
    // 2022-11-21 10:00 JST: four years ago.
    const recent = await withdrawnFamily('2022-11-21T01:00:00.000Z', '新しい 会員');
    // Exactly five years ago today (2021-11-21 09:00 JST): not yet *longer* than five years.
    const boundary = await withdrawnFamily('2021-11-21T00:00:00.000Z', '境目 会員');
    const active = await createMember(ctx.deps, { name: '在籍 会員' });

    const result = await purgeWithdrawnMembers(ctx.deps, TODAY);
    expect(result).toEqual({ purged: 1, memberIds: [old.member.id] });

    const m = await memberRow(old.member.id);
    expect(m).toMatchObject({
      name: '退会者',
      name_kana: 'タイカイシャ',
      phone: '',
      address: '',
      postal_code: null,
      birth_date: '1988-07-01',
      withdrawal_reason: null,
      purged_at: ctx.clock.now().toISOString(),
      requester_status: 'withdrawn',
      kind: 'requester',
      area: 'chuo',
    });
    const child = await ctx.deps.db
      .selectFrom('child')
      .selectAll()
      .where('id', '=', old.child.id)
      .executeTakeFirstOrThrow();
    expect(child).toMatchObject({
      name: '（削除済み）',
      school: null,
      allergies: null,
      health_notes: null,
      family_doctor: null,
      birth_date: '2019-09-01',
    });
    for (const table of ['emergency_contact', 'authorized_pickup'] as const) {
      const rows = await ctx.deps.db.selectFrom(table).select('member_id').execute();
      expect(rows.map((r) => r.member_id).sort()).toEqual(
        [recent.member.id, boundary.member.id].sort(),
      );
    }
    const user = await ctx.deps.db
      .selectFrom('user')
      .selectAll()
      .where('id', '=', old.user.id)
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({
      email: `purged+${old.member.id}@invalid`,
      name: '退会者',
      password_hash: '!',
    });
    expect(user.disabled_at).not.toBeNull();

    // The others are untouched.
    for (const kept of [recent, boundary]) {
      const row = await memberRow(kept.member.id);
      expect(row.purged_at).toBeNull();
      expect(row.phone).toBe('090-1234-5678');
    }
    expect((await memberRow(active.member.id)).name).toBe('在籍 会員');

    // Statistics survive: the status history is still there.
    const events = await ctx.deps.db
      .selectFrom('member_status_event')
      .select(['to_status', 'side'])
      .where('member_id', '=', old.member.id)
      .execute();
    expect(events).toEqual([{ to_status: 'withdrawn', side: 'requester' }]);

    const audits = await purgeAudits();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ subject_type: 'member', subject_id: old.member.id });
    expect(JSON.parse(audits[0]!.details!)).toMatchObject({ retentionYears: 5 });
  });

  it('makes login impossible with the old and the new address', async () => {
    const old = await withdrawnFamily('2020-01-01T00:00:00.000Z', '古い 会員');
    await purgeWithdrawnMembers(ctx.deps, TODAY);
    for (const email of [old.user.email, `purged+${old.member.id}@invalid`]) {
      const res = await new TestClient(ctx).json('POST', '/api/v1/auth/login', {
        email,
        password: old.user.password,
      });
      expect(res.status).toBe(401);
    }
  });

  it('is idempotent: a second run changes nothing and writes no audit rows', async () => {
    await withdrawnFamily('2020-01-01T00:00:00.000Z', 'A 会員');
    await withdrawnFamily('2019-06-01T00:00:00.000Z', 'B 会員');
    expect((await purgeWithdrawnMembers(ctx.deps, TODAY)).purged).toBe(2);
    ctx.clock.advance(86_400_000);
    expect((await purgeWithdrawnMembers(ctx.deps, '2026-11-22')).purged).toBe(0);
    expect(await purgeAudits()).toHaveLength(2);
  });

  it('follows the retention setting', async () => {
    const old = await withdrawnFamily('2023-11-01T00:00:00.000Z', '三年 会員');
    expect((await purgeWithdrawnMembers(ctx.deps, TODAY)).purged).toBe(0);
    await ctx.deps.db
      .insertInto('setting')
      .values({
        key: 'retention',
        value: JSON.stringify({ withdrawnMemberYears: 3 }),
        updated_at: '2026-01-01T00:00:00.000Z',
        updated_by: null,
      })
      .execute();
    expect(await purgeWithdrawnMembers(ctx.deps, TODAY)).toEqual({
      purged: 1,
      memberIds: [old.member.id],
    });
  });

  it('shows a purged member to staff without personal data', async () => {
    const old = await withdrawnFamily('2020-01-01T00:00:00.000Z', '古い 会員');
    await purgeWithdrawnMembers(ctx.deps, TODAY);
    const staff = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'staff' }));
    const html = await (await staff.get(`/members/${old.member.id}`)).text();
    expect(html).toContain('個人情報は');
    expect(html).not.toContain('古い 会員');
    expect(html).not.toContain('喘息');
    // Purged members leave the directory.
    expect(await (await staff.get('/members?status=withdrawn')).text()).not.toContain(
      old.member.id,
    );
  });

  it('computes the cutoff on Tokyo calendar dates, Feb 29 falling back to Feb 28', () => {
    expect(retentionCutoff('2026-11-21', 5)).toBe('2021-11-21');
    expect(retentionCutoff('2028-02-29', 5)).toBe('2023-02-28');
    expect(retentionCutoff('2028-02-29', 4)).toBe('2024-02-29');
  });
});
