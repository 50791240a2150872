import { beforeEach, describe, expect, it } from 'vitest';
import { createUser, setupTestApp, TestClient, type TestContext } from '../helpers/test-app.js';

// Issue #19 point 1: a serious accident's reporting chain, center → 市町村 → 都道府県 → 国: the
// first report due the next day at the latest, the detailed one within a month. The clock
// starts on Saturday 2026-11-21 10:00 JST.

let ctx: TestContext;
let staff: TestClient;
let staffUserId: string;
const jst = (date: string, time: string) => `${date}T${time}:00+09:00`;

beforeEach(async () => {
  ctx = await setupTestApp();
  const user = await createUser(ctx.deps, { role: 'staff' });
  staffUserId = user.id;
  staff = await TestClient.signedInAs(ctx, user);
});

async function moveTo(instant: string) {
  ctx.clock.set(instant);
  staff = await TestClient.signedInAs(ctx, { id: staffUserId, role: 'staff' });
}

const accident = (overrides: Record<string, unknown> = {}) => ({
  kind: 'accident',
  severity: 'serious',
  seriousReason: 'loss_of_consciousness',
  description: '交流会の会場で子どもが転倒し、頭を打って意識を失った。',
  actionTaken: '119番通報し、保護者に連絡した。',
  occurredAt: jst('2026-11-21', '09:00'),
  place: '市民センター',
  situation: 'event',
  victim: 'child',
  victimName: '利用 ひなた',
  hospital: '市民病院',
  diagnosis: '脳震盪',
  ...overrides,
});

async function recordAccident(overrides: Record<string, unknown> = {}) {
  const res = await staff.json('POST', '/api/v1/incidents', accident(overrides));
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

interface ChainJson {
  seriousReason: string | null;
  accidentOn: string;
  steps: {
    stage: string;
    level: string;
    dueOn: string;
    daysLeft: number | null;
    state: string;
    next: boolean;
    reportedOn: string | null;
    reportedBy: string | null;
  }[];
}

const step = (overrides: Record<string, unknown> = {}) => ({
  stage: 'first',
  level: 'municipality',
  reportedOn: '2026-11-21',
  reportedBy: 'センター 山田',
  ...overrides,
});

describe('the reporting chain of a serious accident', () => {
  it('lists the six steps with due dates; a read is audited', async () => {
    const id = await recordAccident();
    const res = await staff.get(`/api/v1/incidents/${id}/serious-report`);
    expect(res.status).toBe(200);
    const chain = (await res.json()) as ChainJson;
    expect(chain.seriousReason).toBe('loss_of_consciousness');
    expect(chain.accidentOn).toBe('2026-11-21');
    expect(
      chain.steps.map((s) => [s.stage, s.level, s.dueOn, s.daysLeft, s.state, s.next]),
    ).toEqual([
      ['first', 'municipality', '2026-11-22', 1, 'due_soon', true],
      ['first', 'prefecture', '2026-11-22', 1, 'due_soon', false],
      ['first', 'national', '2026-11-22', 1, 'due_soon', false],
      ['detailed', 'municipality', '2026-12-21', 30, 'pending', true],
      ['detailed', 'prefecture', '2026-12-21', 30, 'pending', false],
      ['detailed', 'national', '2026-12-21', 30, 'pending', false],
    ]);
    const reads = await ctx.deps.db
      .selectFrom('audit_log')
      .select(['actor_user_id'])
      .where('action', '=', 'incident_read')
      .where('subject_id', '=', id)
      .execute();
    expect(reads).toEqual([{ actor_user_id: staffUserId }]);
  });

  it('records the steps in chain order, once each, dated between the accident and today', async () => {
    const id = await recordAccident();
    const path = `/api/v1/incidents/${id}/serious-report`;
    const early = await staff.json('POST', path, step({ level: 'prefecture' }));
    expect(early.status).toBe(422);
    expect(await early.json()).toMatchObject({ error: { code: 'serious_step_order' } });
    const future = await staff.json('POST', path, step({ reportedOn: '2026-11-22' }));
    expect(await future.json()).toMatchObject({ error: { code: 'serious_step_date' } });
    const before = await staff.json('POST', path, step({ reportedOn: '2026-11-20' }));
    expect(before.status).toBe(422);

    const first = await staff.json('POST', path, step());
    expect(first.status).toBe(201);
    const chain = (await first.json()) as ChainJson;
    expect(chain.steps[0]).toMatchObject({
      state: 'done',
      reportedOn: '2026-11-21',
      reportedBy: 'センター 山田',
      daysLeft: null,
    });
    expect(chain.steps[1]).toMatchObject({ level: 'prefecture', next: true });
    const again = await staff.json('POST', path, step({ reportedBy: '別の人' }));
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: 'serious_step_recorded' } });

    const audits = await ctx.deps.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'serious_step_recorded')
      .where('subject_id', '=', id)
      .execute();
    expect(audits).toHaveLength(1);
    const rows = await ctx.deps.db
      .selectFrom('serious_report_step')
      .select(['stage', 'level', 'reported_on', 'reported_by', 'recorded_by'])
      .where('incident_id', '=', id)
      .execute();
    expect(rows).toEqual([
      {
        stage: 'first',
        level: 'municipality',
        reported_on: '2026-11-21',
        reported_by: 'センター 山田',
        recorded_by: staffUserId,
      },
    ]);
  });

  it('refuses steps for an incident that is not a serious accident', async () => {
    const id = await recordAccident({
      severity: 'moderate',
      seriousReason: null,
      treatmentDays: 7,
    });
    const chain = (await (
      await staff.get(`/api/v1/incidents/${id}/serious-report`)
    ).json()) as ChainJson;
    expect(chain.seriousReason).toBeNull();
    const res = await staff.json('POST', `/api/v1/incidents/${id}/serious-report`, step());
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: 'incident_not_serious' } });
    expect(await (await staff.get(`/incidents/${id}`)).text()).not.toContain('serious-heading');
  });

  it('is for staff only', async () => {
    const id = await recordAccident();
    const helper = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'member' }));
    const res = await helper.get(`/api/v1/incidents/${id}/serious-report`);
    expect([403, 404]).toContain(res.status);
    const post = await helper.json('POST', `/api/v1/incidents/${id}/serious-report`, step());
    expect([403, 404]).toContain(post.status);
    expect(await ctx.deps.db.selectFrom('serious_report_step').select('id').execute()).toEqual([]);
  });

  it('lists the next steps due soon or overdue on the staff dashboard', async () => {
    const id = await recordAccident();
    await staff.json('POST', `/api/v1/incidents/${id}/serious-report`, step());
    const home = await (await staff.get('/')).text();
    const section = home.slice(home.indexOf('id="dash-serious"'));
    expect(section).toContain('第1報：都道府県へ');
    expect(section).not.toContain('第2報');

    // Two days later the first report to the prefecture is overdue.
    await moveTo(jst('2026-11-23', '10:00'));
    const later = await (await staff.get('/')).text();
    const overdue = later.slice(
      later.indexOf('id="dash-serious"'),
      later.indexOf('id="dash-insurance"'),
    );
    expect(overdue).toContain('第1報：都道府県へ');
    expect(overdue).toContain('期限切れ');

    // Once the whole chain is reported, nothing is listed.
    for (const s of [
      step({ level: 'prefecture', reportedOn: '2026-11-22' }),
      step({ level: 'national', reportedOn: '2026-11-22' }),
      step({ stage: 'detailed', reportedOn: '2026-11-23' }),
      step({ stage: 'detailed', level: 'prefecture', reportedOn: '2026-11-23' }),
      step({ stage: 'detailed', level: 'national', reportedOn: '2026-11-23' }),
    ])
      expect((await staff.json('POST', `/api/v1/incidents/${id}/serious-report`, s)).status).toBe(
        201,
      );
    const done = await (await staff.get('/')).text();
    const none = done.slice(done.indexOf('id="dash-serious"'), done.indexOf('id="dash-insurance"'));
    expect(none).toContain('期限の近い重大事故の報告はありません。');
  });

  it('records a step from the incident page (422 keeps the values) and prints the chain', async () => {
    const id = await recordAccident();
    const page = await (await staff.get(`/incidents/${id}`)).text();
    expect(page).toContain('重大事故の報告');
    expect(page).toContain('value="first:municipality"');

    const missing = await staff.form(`/incidents/${id}/serious-report`, {
      step: 'first:municipality',
      reportedOn: '2026-11-21',
      reportedBy: '',
      note: '電話で報告',
    });
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain('電話で報告');
    // The refused form's page is not one more audited read (the page's own read was logged).
    const reads = await ctx.deps.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'incident_read')
      .where('subject_id', '=', id)
      .execute();
    expect(reads).toHaveLength(1);

    const out = await staff.form(`/incidents/${id}/serious-report`, {
      step: 'first:prefecture',
      reportedOn: '2026-11-21',
      reportedBy: 'センター 山田',
    });
    expect(out.status).toBe(422);
    expect(await out.text()).toContain('前の段階の報告を先に記録してください。');

    const ok = await staff.form(`/incidents/${id}/serious-report`, {
      step: 'first:municipality',
      reportedOn: '2026-11-21',
      reportedBy: 'センター 山田',
      note: '電話で報告',
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`/incidents/${id}`);
    const print = await (await staff.get(`/incidents/${id}/print`)).text();
    expect(print).toContain('報告の経過');
    expect(print).toContain('センター 山田');
    expect(print).toContain('第2報（詳細報告）：国へ');
  });
});
