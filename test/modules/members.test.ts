import { beforeEach, describe, expect, it } from 'vitest';
import { createChild, createMember } from '../helpers/factories.js';
import {
  countRows,
  createUser,
  setupTestApp,
  TestClient,
  type TestContext,
} from '../helpers/test-app.js';

let ctx: TestContext;
let staff: TestClient;
beforeEach(async () => {
  ctx = await setupTestApp(); // 2026-11-21 10:00 JST
  staff = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'staff' }));
});

const requesterApplication = (overrides: Record<string, unknown> = {}) => ({
  kind: 'requester',
  name: '田中 さくら',
  nameKana: 'たなか さくら',
  email: 'sakura.tanaka@example.jp',
  password: 'sakura no hana 2026',
  phone: '０９０－１１１１－２２２２',
  birthDate: '1990-05-01',
  postalCode: '123-4567',
  address: 'みどり市中央1-2-3',
  area: 'chuo',
  children: [
    {
      name: '田中 はると',
      nameKana: 'タナカ ハルト',
      birthDate: '2022-08-15',
      allergies: 'えび',
      school: 'みどり保育園',
    },
  ],
  emergencyContacts: [
    { name: '田中 一郎', relation: '夫', phone: '090-3333-4444' },
    { name: '山田 花子', relation: '母', phone: '042-123-4567' },
  ],
  consent: { terms: true, healthData: true },
  ...overrides,
});

async function apply(body: Record<string, unknown>) {
  return new TestClient(ctx).json('POST', '/api/v1/applications', body);
}

describe('applications', () => {
  it('creates an applied requester with normalised kana and phone, children and contacts, and a login', async () => {
    const res = await apply(requesterApplication());
    expect(res.status).toBe(201);
    const { member } = (await res.json()) as { member: Record<string, unknown> };
    expect(member).toMatchObject({
      kind: 'requester',
      nameKana: 'タナカ サクラ',
      phone: '090-1111-2222',
      memberNo: null,
      requesterStatus: 'applied',
      helperStatus: null,
      area: 'chuo',
      consent: { termsVersion: '2026-04', healthDataVersion: '2026-04' },
    });
    expect(await countRows(ctx.deps, 'user')).toBe(2);
    const login = await new TestClient(ctx).json('POST', '/api/v1/auth/login', {
      email: 'sakura.tanaka@example.jp',
      password: 'sakura no hana 2026',
    });
    expect(login.status).toBe(200);
  });

  it.each([
    [
      'a helper under 20',
      { kind: 'helper', birthDate: '2007-01-01', children: [], emergencyContacts: [] },
      'helper_too_young',
    ],
    [
      'no child of eligible age (only 30 days old)',
      { children: [{ name: 'x', nameKana: 'エックス', birthDate: '2026-10-22' }] },
      'no_eligible_child',
    ],
    [
      'a child past elementary school',
      { children: [{ name: 'x', nameKana: 'エックス', birthDate: '2013-04-01' }] },
      'child_too_old',
    ],
    [
      'health data without consent',
      { consent: { terms: true, healthData: false } },
      'health_consent_required',
    ],
  ])('refuses %s with 422 and the rule code', async (_label, overrides, code) => {
    const res = await apply(requesterApplication(overrides));
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ error: { code } });
    expect(await countRows(ctx.deps, 'user')).toBe(1);
  });

  it('accepts a 57-day-old child and a helper who turns 20 today', async () => {
    expect(
      (
        await apply(
          requesterApplication({
            children: [{ name: 'x', nameKana: 'エックス', birthDate: '2026-09-25' }],
          }),
        )
      ).status,
    ).toBe(201);
    const helper = await apply(
      requesterApplication({
        kind: 'helper',
        email: 'h@example.jp',
        birthDate: '2006-11-21',
        children: [],
        emergencyContacts: [],
      }),
    );
    expect(helper.status).toBe(201);
  });

  it.each([
    ['non-katakana kana', { nameKana: 'Tanaka' }, 'nameKana'],
    ['an impossible date', { birthDate: '1990-02-30' }, 'birthDate'],
    [
      'one emergency contact',
      { emergencyContacts: [{ name: 'a', relation: '夫', phone: '090-3333-4444' }] },
      'emergencyContacts',
    ],
    ['an unknown area', { area: 'atlantis' }, 'area'],
    ['an oversized name', { name: 'あ'.repeat(101) }, 'name'],
    ['no terms consent', { consent: { terms: false, healthData: true } }, 'consent.terms'],
  ])(
    'answers %s with 400 and a field message, saving nothing',
    async (_label, overrides, field) => {
      const res = await apply(requesterApplication(overrides));
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { fields: Record<string, string[]> } };
      expect(body.error.fields[field]?.[0]).toEqual(expect.any(String));
      expect(await countRows(ctx.deps, 'user')).toBe(1);
    },
  );

  it('rejects extra keys such as status or memberNo', async () => {
    for (const extra of [{ requesterStatus: 'active' }, { memberNo: '00001' }, { role: 'admin' }]) {
      const res = await apply(requesterApplication(extra));
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'unknown_fields' } });
    }
  });

  it('refuses a second application with the same email (any case) with 409', async () => {
    await apply(requesterApplication());
    const res = await apply(requesterApplication({ email: 'SAKURA.tanaka@example.jp' }));
    expect(res.status).toBe(409);
  });

  it('lets staff enter an application for a member, recorded as entered by staff', async () => {
    const res = await staff.json('POST', '/api/v1/applications', requesterApplication());
    expect(res.status).toBe(201);
    const row = await ctx.deps.db
      .selectFrom('member')
      .select('entered_by_user_id')
      .executeTakeFirstOrThrow();
    expect(row.entered_by_user_id).not.toBeNull();
  });
});

describe('orientation, approval and member numbers', () => {
  it('a requester needs orientation attendance before approval; the first approval gives a member number', async () => {
    const { member } = (await (await apply(requesterApplication())).json()) as {
      member: { id: string };
    };
    const denied = await staff.json('POST', `/api/v1/members/${member.id}/approve`, {
      side: 'requester',
    });
    expect(denied.status).toBe(422);
    expect(await denied.json()).toMatchObject({ error: { code: 'orientation_required' } });

    const session = await staff.json('POST', '/api/v1/orientations', {
      startsAt: '2026-12-05T10:00:00+09:00',
      endsAt: '2026-12-05T11:30:00+09:00',
      venue: 'みどり市子育て支援センター 会議室',
      capacity: 10,
    });
    expect(session.status).toBe(201);
    const { id: orientationId } = (await session.json()) as { id: string };

    const applicant = new TestClient(ctx);
    await applicant.json('POST', '/api/v1/auth/login', {
      email: 'sakura.tanaka@example.jp',
      password: 'sakura no hana 2026',
    });
    expect(
      (await applicant.json('POST', `/api/v1/orientations/${orientationId}/registrations`, {}))
        .status,
    ).toBe(201);
    expect(
      (await applicant.json('POST', `/api/v1/orientations/${orientationId}/registrations`, {}))
        .status,
    ).toBe(409);
    // Attendance is recorded once the session has taken place (a new staff session: 30-minute idle limit).
    expect(
      (
        await staff.json('POST', `/api/v1/orientations/${orientationId}/attendance`, {
          memberIds: [member.id],
        })
      ).status,
    ).toBe(422);
    ctx.clock.set('2026-12-05T02:30:00.000Z');
    staff = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'staff' }));
    expect(
      (
        await staff.json('POST', `/api/v1/orientations/${orientationId}/attendance`, {
          memberIds: [member.id],
        })
      ).status,
    ).toBe(200);

    const approved = await staff.json('POST', `/api/v1/members/${member.id}/approve`, {
      side: 'requester',
    });
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({ requesterStatus: 'active', memberNo: '00001' });
    expect(
      (await staff.json('POST', `/api/v1/members/${member.id}/approve`, { side: 'requester' }))
        .status,
    ).toBe(409);

    const second = await createMember(ctx.deps, { kind: 'helper', helperStatus: 'applied' });
    const helperApproved = await staff.json('POST', `/api/v1/members/${second.member.id}/approve`, {
      side: 'helper',
    });
    expect(await helperApproved.json()).toMatchObject({
      helperStatus: 'active',
      memberNo: '00002',
    });

    const events = await ctx.deps.db
      .selectFrom('member_status_event')
      .selectAll()
      .where('member_id', '=', member.id)
      .orderBy('at')
      .execute();
    expect(events.map((e) => `${e.from_status}->${e.to_status}`)).toEqual([
      'null->applied',
      'applied->active',
    ]);
    const audit = await ctx.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', member.id)
      .execute();
    expect(audit.map((a) => a.action)).toContain('member_approved');
  });

  it('never registers more than the capacity, and attendance covers the whole session', async () => {
    const { id } = (await (
      await staff.json('POST', '/api/v1/orientations', {
        startsAt: '2026-12-05T10:00:00+09:00',
        endsAt: '2026-12-05T11:00:00+09:00',
        venue: 'A',
        capacity: 2,
      })
    ).json()) as { id: string };
    const members = await Promise.all(
      [1, 2, 3].map(() => createMember(ctx.deps, { requesterStatus: 'applied' })),
    );
    const results = await Promise.all(
      members.map((m) =>
        staff.json('POST', `/api/v1/orientations/${id}/registrations`, { memberId: m.member.id }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 409]);
    expect(
      await ctx.deps.db.selectFrom('orientation_registration').select('id').execute(),
    ).toHaveLength(2);

    ctx.clock.set('2026-12-05T02:00:00.000Z');
    staff = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'staff' }));
    const walkIn = members[2]!.member.id;
    await staff.json('POST', `/api/v1/orientations/${id}/attendance`, {
      memberIds: [members[0]!.member.id, walkIn],
    });
    const rows = await ctx.deps.db
      .selectFrom('orientation_registration')
      .select(['member_id', 'attended'])
      .execute();
    const attended = Object.fromEntries(rows.map((r) => [r.member_id, r.attended]));
    expect(attended).toEqual({
      [members[0]!.member.id]: 1,
      [members[1]!.member.id]: 0,
      [walkIn]: 1,
    });
  });

  it('orientation endpoints check roles and input', async () => {
    const member = await TestClient.signedInAs(ctx, (await createMember(ctx.deps)).user);
    const body = {
      startsAt: '2026-12-05T10:00:00+09:00',
      endsAt: '2026-12-05T09:00:00+09:00',
      venue: 'A',
      capacity: 2,
    };
    expect(
      (
        await member.json('POST', '/api/v1/orientations', {
          ...body,
          endsAt: '2026-12-05T11:00:00+09:00',
        })
      ).status,
    ).toBe(403);
    expect((await staff.json('POST', '/api/v1/orientations', body)).status).toBe(400);
    expect((await member.get('/api/v1/orientations')).status).toBe(200);
  });
});

describe('suspension and withdrawal', () => {
  it('suspending the only side ends sessions and refuses login; reactivation restores access', async () => {
    const { user, member } = await createMember(ctx.deps, { kind: 'requester' });
    const client = await TestClient.signedInAs(ctx, user);
    const res = await staff.json('POST', `/api/v1/members/${member.id}/suspend`, {
      side: 'requester',
      reason: '連絡が取れないため',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ requesterStatus: 'suspended' });
    expect((await client.get('/api/v1/me')).status).toBe(401);
    const login = () =>
      new TestClient(ctx).json('POST', '/api/v1/auth/login', {
        email: user.email,
        password: user.password,
      });
    expect((await login()).status).toBe(401);

    expect(
      (await staff.json('POST', `/api/v1/members/${member.id}/reactivate`, { side: 'requester' }))
        .status,
    ).toBe(200);
    expect((await login()).status).toBe(200);
  });

  it('a member withdraws themselves: sessions revoked, login refused, statuses withdrawn', async () => {
    const { user, member } = await createMember(ctx.deps, { kind: 'both' });
    const client = await TestClient.signedInAs(ctx, user);
    const other = await TestClient.signedInAs(ctx, user);
    const res = await client.json('POST', `/api/v1/members/${member.id}/withdraw`, {
      reason: '転居のため',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      requesterStatus: 'withdrawn',
      helperStatus: 'withdrawn',
    });
    expect((await other.get('/api/v1/me')).status).toBe(401);
    expect(
      (
        await new TestClient(ctx).json('POST', '/api/v1/auth/login', {
          email: user.email,
          password: user.password,
        })
      ).status,
    ).toBe(401);
    expect((await staff.json('POST', `/api/v1/members/${member.id}/withdraw`, {})).status).toBe(
      409,
    );
  });

  it('members cannot approve, suspend or withdraw others', async () => {
    const a = await createMember(ctx.deps);
    const b = await createMember(ctx.deps);
    const client = await TestClient.signedInAs(ctx, a.user);
    expect(
      (await client.json('POST', `/api/v1/members/${b.member.id}/approve`, { side: 'requester' }))
        .status,
    ).toBe(403);
    expect((await client.json('POST', `/api/v1/members/${b.member.id}/withdraw`, {})).status).toBe(
      404,
    );
    const row = await ctx.deps.db
      .selectFrom('member')
      .select('withdrawn_at')
      .where('id', '=', b.member.id)
      .executeTakeFirstOrThrow();
    expect(row.withdrawn_at).toBeNull();
  });
});

describe('members, children and privacy', () => {
  it('a member reads and edits their own contact details but not their ID-checked name', async () => {
    const { user, member } = await createMember(ctx.deps);
    const client = await TestClient.signedInAs(ctx, user);
    expect((await client.get(`/api/v1/members/${member.id}`)).status).toBe(200);
    const ok = await client.json('PATCH', `/api/v1/members/${member.id}`, {
      phone: '080-9999-0000',
      area: 'kita',
    });
    expect(await ok.json()).toMatchObject({ phone: '080-9999-0000', area: 'kita' });
    expect(
      (await client.json('PATCH', `/api/v1/members/${member.id}`, { name: '別人' })).status,
    ).toBe(403);
    expect(
      (await client.json('PATCH', `/api/v1/members/${member.id}`, { requesterStatus: 'active' }))
        .status,
    ).toBe(400);
  });

  it('another family’s member and child answer 404', async () => {
    const a = await createMember(ctx.deps);
    const b = await createMember(ctx.deps);
    const child = await createChild(ctx.deps, b.member.id);
    const client = await TestClient.signedInAs(ctx, a.user);
    expect((await client.get(`/api/v1/members/${b.member.id}`)).status).toBe(404);
    expect((await client.get(`/api/v1/members/${b.member.id}/children`)).status).toBe(404);
    expect((await client.get(`/api/v1/children/${child.id}`)).status).toBe(404);
    expect(
      (await client.json('PATCH', `/api/v1/children/${child.id}`, { school: 'x' })).status,
    ).toBe(404);
    expect((await client.get('/api/v1/members')).status).toBe(403);
  });

  it('health fields reach the parent and staff; only staff reads are audited, one row per child', async () => {
    const { user, member } = await createMember(ctx.deps);
    const child = await createChild(ctx.deps, member.id, { allergies: '卵' });
    const parent = await TestClient.signedInAs(ctx, user);
    const own = (await (await parent.get(`/api/v1/children/${child.id}`)).json()) as Record<
      string,
      unknown
    >;
    expect(own.allergies).toBe('卵');
    const auditCount = async () =>
      (
        await ctx.deps.db
          .selectFrom('audit_log')
          .select('id')
          .where('action', '=', 'child_health_read')
          .execute()
      ).length;
    expect(await auditCount()).toBe(0);
    const seen = (await (await staff.get(`/api/v1/children/${child.id}`)).json()) as Record<
      string,
      unknown
    >;
    expect(seen.healthNotes).toBe('喘息の既往あり');
    expect(await auditCount()).toBe(1);
    await staff.get(`/api/v1/members/${member.id}/children`);
    expect(await auditCount()).toBe(2);
  });

  it('adding a second child works; health details need consent', async () => {
    const { user, member } = await createMember(ctx.deps, { healthConsent: false });
    const client = await TestClient.signedInAs(ctx, user);
    const plain = await client.json('POST', `/api/v1/members/${member.id}/children`, {
      name: '二郎',
      nameKana: 'ジロウ',
      birthDate: '2024-01-10',
    });
    expect(plain.status).toBe(201);
    const withHealth = await client.json('POST', `/api/v1/members/${member.id}/children`, {
      name: '三郎',
      nameKana: 'サブロウ',
      birthDate: '2024-01-10',
      allergies: 'そば',
    });
    expect(withHealth.status).toBe(422);
    expect(
      (await client.json('POST', `/api/v1/members/${member.id}/consent`, { healthData: true }))
        .status,
    ).toBe(200);
    expect(
      (
        await client.json('POST', `/api/v1/members/${member.id}/children`, {
          name: '三郎',
          nameKana: 'サブロウ',
          birthDate: '2024-01-10',
          allergies: 'そば',
        })
      ).status,
    ).toBe(201);
    const list = (await (await client.get(`/api/v1/members/${member.id}/children`)).json()) as {
      total: number;
    };
    expect(list.total).toBe(2);
  });

  it('staff search the directory by kana, number and phone, with filters and pagination', async () => {
    await createMember(ctx.deps, { kind: 'helper', area: 'kita' });
    await createMember(ctx.deps, { kind: 'requester', area: 'chuo' });
    await createMember(ctx.deps, { kind: 'both', area: 'kita' });
    const helpers = (await (await staff.get('/api/v1/members?kind=helper')).json()) as {
      total: number;
    };
    expect(helpers.total).toBe(2);
    const kita = (await (await staff.get('/api/v1/members?area=kita&pageSize=1')).json()) as {
      total: number;
      items: unknown[];
    };
    expect(kita).toMatchObject({ total: 2, pageSize: 1 });
    expect(kita.items).toHaveLength(1);
    const byPhone = (await (await staff.get('/api/v1/members?q=09012345678')).json()) as {
      total: number;
    };
    expect(byPhone.total).toBe(3);
    const byKana = (await (await staff.get('/api/v1/members?q=かいいん')).json()) as {
      total: number;
    };
    expect(byKana.total).toBe(3);
    expect((await staff.get('/api/v1/members?pageSize=500')).status).toBe(400);
  });
});
