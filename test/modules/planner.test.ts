import { beforeEach, describe, expect, it } from 'vitest';
import { explainUnassigned, planWeek, validatePlan } from '../../src/modules/planner/planner.js';
import {
  defaultRange,
  loadPlannerInstance,
  sendPlanOffers,
} from '../../src/modules/planner/planner.service.js';
import { updateCenterSettings } from '../../src/modules/settings/settings.service.js';
import { DEFAULT_REQUEST_RULES } from '../../src/modules/settings/settings.schemas.js';
import { newId } from '../../src/lib/ids.js';
import { createChild, createEligibleHelper, createMember } from '../helpers/factories.js';
import {
  createUser,
  ORIGIN,
  setupTestApp,
  TestClient,
  type TestContext,
} from '../helpers/test-app.js';

// Saturday 2026-11-21 10:00 JST (DEFAULT_NOW): the coming week is Mon 11-23 … Sun 11-29.
const WEEK = { from: '2026-11-23', to: '2026-11-29' };
let ctx: TestContext;
let staff: TestClient;
let staffUser: Awaited<ReturnType<typeof createUser>>;

beforeEach(async () => {
  ctx = await setupTestApp();
  staffUser = await createUser(ctx.deps, { role: 'staff', name: '佐藤 美香' });
  staff = await TestClient.signedInAs(ctx, staffUser);
});

const at = (date: string, start: string, end: string) => ({
  startsAt: `${date}T${start}:00+09:00`,
  endsAt: `${date}T${end}:00+09:00`,
});

async function family(name: string, area = 'chuo') {
  const parent = await createMember(ctx.deps, { kind: 'requester', area, name });
  const child = await createChild(ctx.deps, parent.member.id, { birthDate: '2021-05-10' });
  return { ...parent, child };
}
type Family = Awaited<ReturnType<typeof family>>;

async function newRequest(f: Family, when: ReturnType<typeof at>, category = 8) {
  const res = await staff.json('POST', '/api/v1/requests', {
    requesterId: f.member.id,
    childIds: [f.child.id],
    category,
    ...when,
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { request: { id: string } }).request.id;
}

async function offersOf(requestId: string) {
  return ctx.deps.db
    .selectFrom('offer')
    .select(['helper_member_id', 'status'])
    .where('request_id', '=', requestId)
    .execute();
}

/** The planner form as the browser posts it: range, one select per request, the basis. */
function planForm(pairs: Record<string, string>, range = WEEK): [string, string][] {
  return [
    ['from', range.from],
    ['to', range.to],
    ...Object.entries(pairs).map(([r, h]): [string, string] => [`assign.${r}`, h]),
  ];
}

function post(path: string, fields: [string, string][], client = staff) {
  return client.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
    body: new URLSearchParams(fields).toString(),
  });
}

/** The <select> of one request on the page, and the helper it has selected. */
function selectOf(html: string, requestId: string) {
  const start = html.indexOf(`name="assign.${requestId}"`);
  expect(start, `select of ${requestId}`).toBeGreaterThan(-1);
  const body = html.slice(start, html.indexOf('</select>', start));
  const selected = /<option value="([^"]*)" selected/.exec(body)?.[1];
  const values = [...body.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1]);
  return { body, selected, values };
}

describe('the planner instance from the database', () => {
  it('keeps only the helpers the candidate ranking allows, and existing work as fixed', async () => {
    const fam = await family('森川 千尋');
    const other = await family('別の 家族');
    const ok = await createEligibleHelper(ctx.deps, { name: '可能 陽子' });
    const sick = await createEligibleHelper(ctx.deps, { name: '病児 恵美', sickChild: true });
    const unqualified = await createMember(ctx.deps, { kind: 'helper', name: '未修了 花子' });
    // Not qualified but free all week: out only for the qualification.
    for (const weekday of [1, 2, 3, 4, 5, 6, 7])
      await ctx.deps.db
        .insertInto('availability_slot')
        .values({
          id: newId(),
          member_id: unqualified.member.id,
          weekday,
          start_time: '07:00',
          end_time: '21:00',
        })
        .execute();
    const mondaysOnly = await createEligibleHelper(ctx.deps, {
      name: '月曜 京香',
      slots: [{ weekday: 1, start: '07:00', end: '21:00' }],
    });
    const blocked = await createEligibleHelper(ctx.deps, { name: 'お断り 和美' });
    await ctx.deps.db
      .insertInto('blocked_helper')
      .values({
        requester_member_id: fam.member.id,
        helper_member_id: blocked.member.id,
        reason: null,
        created_at: '2026-04-01T00:00:00.000Z',
      })
      .execute();
    const busy = await createEligibleHelper(ctx.deps, { name: '予定あり 節子' });

    const wed = await newRequest(fam, at('2026-11-25', '10:00', '12:00'));
    const thuSick = await newRequest(fam, at('2026-11-26', '10:00', '12:00'), 10);
    // busy is matched with another family on Wednesday 11:00–13:00 (overlaps `wed`).
    const busyJob = await newRequest(other, at('2026-11-25', '11:00', '13:00'));
    expect(
      (await staff.json('POST', `/api/v1/requests/${busyJob}/assign`, { helperId: busy.member.id }))
        .status,
    ).toBe(200);

    const instance = await loadPlannerInstance(ctx.deps, WEEK);
    expect(instance.requests.map((r) => r.id)).toEqual([wed, thuSick]); // the matched one is not open
    const edgesOf = (id: string) => new Set(instance.edges.get(id)!.map((e) => e.helperId));
    // Wednesday: not the unqualified, the Monday-only, the blocked nor the overlapping helper.
    expect(edgesOf(wed)).toEqual(new Set([ok.member.id, sick.member.id]));
    // Sick-child care (category 10): only the helper with the sick-child qualification.
    expect(edgesOf(thuSick)).toEqual(new Set([sick.member.id]));
    for (const h of [unqualified, mondaysOnly, blocked])
      expect(instance.helpers.has(h.member.id)).toBe(false);
    // Existing work is an interval on its Tokyo day; the cap is the setting (default 3).
    const planned = instance.input.helpers.find((h) => h.id === sick.member.id)!;
    expect(planned.maxPerDay).toBe(3);
    expect(planned.existingAssignments).toEqual([]);

    const result = planWeek(instance.input);
    expect(result.stats.covered).toBe(2);
    expect(result.upperBound).toBe(2);
    expect(validatePlan(instance.input, result.assignments)).toEqual([]);
    // The only sick-child helper takes Thursday; Wednesday goes to either eligible helper.
    expect(result.assignments.find((a) => a.requestId === thuSick)?.helperId).toBe(sick.member.id);
  });

  it('counts existing work against the per-day cap and explains who is left without a helper', async () => {
    const admin = await createUser(ctx.deps, { role: 'admin' });
    await updateCenterSettings(
      ctx.deps,
      { id: admin.id, email: admin.email, name: admin.name, role: 'admin', locale: null },
      { requests: { ...DEFAULT_REQUEST_RULES, plannerMaxPerDay: 1 } },
    );
    const a = await family('一 家');
    const b = await family('二 家');
    const only = await createEligibleHelper(ctx.deps, { name: '一人 陽子' });
    // Wednesday: two requests at different times, one helper, one activity a day.
    const morning = await newRequest(a, at('2026-11-25', '09:00', '10:00'));
    const afternoon = await newRequest(b, at('2026-11-25', '15:00', '17:00'));
    // Thursday: she already has an activity in the morning, so nothing more that day.
    const matched = await newRequest(b, at('2026-11-26', '08:00', '09:00'));
    await staff.json('POST', `/api/v1/requests/${matched}/assign`, { helperId: only.member.id });
    const thursday = await newRequest(a, at('2026-11-26', '15:00', '16:00'));

    const instance = await loadPlannerInstance(ctx.deps, WEEK);
    expect(instance.maxPerDay).toBe(1);
    const result = planWeek(instance.input);
    expect(result.stats.covered).toBe(1);
    expect(result.upperBound).toBe(1);
    const left = result.unassigned;
    expect(left).toContain(thursday);
    expect(explainUnassigned(instance.input, thursday, result.assignments).code).toBe(
      'all_eligible_helpers_busy',
    );
    const wednesdayLeft = [morning, afternoon].find((id) => left.includes(id))!;
    expect(explainUnassigned(instance.input, wednesdayLeft, result.assignments).code).toBe(
      'eligible_helpers_taken_by_plan',
    );

    // The page says so, and a plan giving her both Wednesdays is refused for the cap.
    const page = await (await staff.get('/staff/planner')).text();
    expect(page).toContain('3件中1件に担当者を提案');
    expect(page).toContain('（理論上の上限 1件）');
    expect(page).toContain('すでに活動が入っています');
    // Her Wednesday is full: the request left over offers nobody to pick.
    expect(page).toContain(`<input type="hidden" name="assign.${wednesdayLeft}" value=""/>`);
    const res = await post(
      '/staff/planner/send',
      planForm({ [morning]: only.member.id, [afternoon]: only.member.id }),
    );
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('上限の1件を超えます');
    expect(await offersOf(morning)).toEqual([]);
    expect(await offersOf(afternoon)).toEqual([]);
  });
});

describe('a busy week', () => {
  it('plans more requests than D1 binds parameters in one statement (100)', async () => {
    const helpers = [];
    for (let i = 0; i < 3; i++)
      helpers.push(await createEligibleHelper(ctx.deps, { name: `提供 ${i}` }));
    const fam = await family('大家 族');
    const now = ctx.deps.clock.now().toISOString();
    // 120 requests of 45 minutes, Monday–Saturday, 20 a day, inserted in one batch (the API
    // would take minutes on the Workers pool).
    const statements = [];
    for (let d = 0; d < 6; d++) {
      for (let k = 0; k < 20; k++) {
        const id = newId();
        const day = `2026-11-${23 + d}`;
        const hour = String(7 + (k % 13)).padStart(2, '0');
        statements.push(
          ctx.deps.db.insertInto('care_request').values({
            id,
            requester_member_id: fam.member.id,
            series_id: null,
            category: 8,
            starts_at: new Date(`${day}T${hour}:00:00+09:00`).toISOString(),
            ends_at: new Date(`${day}T${hour}:45:00+09:00`).toISOString(),
            care_location: 'helper_home',
            care_location_note: null,
            pickup: null,
            dropoff: null,
            notes: null,
            status: 'open',
            helper_member_id: null,
            matched_at: null,
            cancelled_at: null,
            cancelled_by_user_id: null,
            cancelled_by_role: null,
            cancel_kind: null,
            cancel_reason: null,
            cancellation_fee: null,
            created_by_user_id: staffUser.id,
            created_at: now,
            updated_at: now,
          }),
          ctx.deps.db
            .insertInto('care_request_child')
            .values({ request_id: id, child_id: fam.child.id }),
        );
      }
    }
    await ctx.deps.atomic(statements);
    const instance = await loadPlannerInstance(ctx.deps, WEEK);
    expect(instance.requests).toHaveLength(120);
    expect(instance.requests.every((r) => r.childAges.length === 1)).toBe(true);
    const result = planWeek(instance.input);
    // 3 helpers × 3 a day (the default cap) × 6 days.
    expect(result.stats.covered).toBe(54);
    expect(result.upperBound).toBe(54);
    expect(validatePlan(instance.input, result.assignments)).toEqual([]);
    const page = await staff.get('/staff/planner');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('120件中54件に担当者を提案');
  }, 30_000);
});

describe('/staff/planner', () => {
  it('proposes the coming week with continuity first, and sends the offers in one action', async () => {
    expect(defaultRange(ctx.clock.now())).toEqual(WEEK);
    const mori = await family('森川 千尋');
    const kita = await family('北川 一家', 'kita');
    const familiar = await createEligibleHelper(ctx.deps, { name: '馴染み 陽子', area: 'kita' });
    const other = await createEligibleHelper(ctx.deps, { name: '中央 恵美', area: 'chuo' });
    await ctx.deps.db
      .insertInto('pairing')
      .values({
        id: newId(),
        requester_member_id: mori.member.id,
        helper_member_id: familiar.member.id,
        created_at: '2026-04-01T00:00:00.000Z',
      })
      .execute();
    const r1 = await newRequest(mori, at('2026-11-24', '10:00', '12:00'));
    const r2 = await newRequest(kita, at('2026-11-24', '10:00', '12:00'));
    // Outside the week: not planned.
    await newRequest(kita, at('2026-12-02', '10:00', '12:00'));

    const res = await staff.get('/staff/planner');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('2件中2件に担当者を提案');
    // Continuity wins for 森川 (her former helper, from another area), so 北川 gets the other.
    expect(selectOf(html, r1).selected).toBe(familiar.member.id);
    expect(selectOf(html, r2).selected).toBe(other.member.id);
    expect(html).toContain('継続');
    // The swap menu of r1 offers nobody else: the other helper is busy with r2 at that time.
    expect(selectOf(html, r1).values).toEqual(['', familiar.member.id]);
    // The per-helper timeline lists both helpers' planned requests.
    expect(html).toContain('提供会員ごとの予定');

    const sent = await post(
      '/staff/planner/send',
      planForm({ [r1]: familiar.member.id, [r2]: other.member.id }),
    );
    expect(sent.status).toBe(200);
    const sentHtml = await sent.text();
    expect(sentHtml).toContain('2件の紹介を送りました。');
    expect(await offersOf(r1)).toEqual([
      { helper_member_id: familiar.member.id, status: 'offered' },
    ]);
    expect(await offersOf(r2)).toEqual([{ helper_member_id: other.member.id, status: 'offered' }]);
    const notified = await ctx.deps.db
      .selectFrom('notification')
      .select('user_id')
      .where('kind', '=', 'offer_received')
      .execute();
    expect(notified.map((n) => n.user_id).sort()).toEqual([familiar.user.id, other.user.id].sort());

    // Both are being handled now: the next plan leaves them out, and sending again sends nothing.
    expect(await (await staff.get('/staff/planner')).text()).toContain(
      'この期間に、担当者を探している依頼はありません。',
    );
    const again = await post(
      '/staff/planner/send',
      planForm({ [r1]: familiar.member.id, [r2]: other.member.id }),
    );
    expect(again.status).toBe(422);
    expect(await again.text()).toContain('紹介は送っていません');
    expect(await offersOf(r1)).toHaveLength(1);

    // An offer awaiting its answer holds the helper: a new overlapping request gets neither.
    const third = await family('三田 一家');
    const r3 = await newRequest(third, at('2026-11-24', '11:00', '13:00'));
    const instance = await loadPlannerInstance(ctx.deps, WEEK);
    expect(instance.commitments.map((x) => [x.requestId, x.kind]).sort()).toEqual(
      [
        [r1, 'offered'],
        [r2, 'offered'],
      ].sort(),
    );
    const replanned = planWeek(instance.input);
    expect(replanned.unassigned).toEqual([r3]);
    expect(explainUnassigned(instance.input, r3, replanned.assignments).code).toBe(
      'all_eligible_helpers_busy',
    );

    // The helper accepts as usual.
    const offer = await ctx.deps.db
      .selectFrom('offer')
      .select('id')
      .where('request_id', '=', r1)
      .executeTakeFirstOrThrow();
    const helperClient = await TestClient.signedInAs(ctx, familiar.user);
    expect((await helperClient.json('POST', `/api/v1/offers/${offer.id}/accept`, {})).status).toBe(
      200,
    );
  });

  it('refuses an invalid swap, keeps every choice, and sends nothing', async () => {
    const a = await family('一 家');
    const b = await family('二 家');
    const h1 = await createEligibleHelper(ctx.deps, { name: '第一 陽子' });
    const h2 = await createEligibleHelper(ctx.deps, { name: '第二 恵美' });
    const outsider = await createMember(ctx.deps, { kind: 'helper', name: '未修了 花子' });
    const r1 = await newRequest(a, at('2026-11-25', '10:00', '12:00'));
    const r2 = await newRequest(b, at('2026-11-25', '11:00', '13:00'));

    // Both overlapping requests to h1: refused on the later row, both selections kept.
    const check = await post('/staff/planner', [
      ...planForm({ [r1]: h1.member.id, [r2]: h1.member.id }),
      [`basis.${r1}`, h1.member.id],
      [`basis.${r2}`, h2.member.id],
    ]);
    expect(check.status).toBe(422);
    const html = await check.text();
    expect(html).toContain('同じ時間にプランの別の依頼');
    expect(selectOf(html, r1).selected).toBe(h1.member.id);
    expect(selectOf(html, r2).selected).toBe(h1.member.id);
    expect(html).toContain('変更あり'); // r2 differs from its basis

    // A helper who is not a candidate at all.
    const notCandidate = await post(
      '/staff/planner/send',
      planForm({ [r1]: outsider.member.id, [r2]: h2.member.id }),
    );
    expect(notCandidate.status).toBe(422);
    const ncHtml = await notCandidate.text();
    expect(ncHtml).toContain('未修了 花子さんは、この依頼の条件に合いません');
    expect(selectOf(ncHtml, r1).selected).toBe(outsider.member.id);
    expect(await offersOf(r1)).toEqual([]);
    expect(await offersOf(r2)).toEqual([]);

    // A request matched by another adviser meanwhile: it leaves the plan, nothing is sent.
    await staff.json('POST', `/api/v1/requests/${r1}/assign`, { helperId: h2.member.id });
    const gone = await post(
      '/staff/planner/send',
      planForm({ [r1]: h1.member.id, [r2]: h1.member.id }),
    );
    expect(gone.status).toBe(422);
    const goneHtml = await gone.text();
    expect(goneHtml).toContain('ほかで決定・紹介・取り消しされたため');
    expect(goneHtml).not.toContain(`name="assign.${r1}"`);
    expect(selectOf(goneHtml, r2).selected).toBe(h1.member.id);
    expect(await offersOf(r2)).toEqual([]);

    // The plan as fixed (h1 for r2; h2 is now busy with r1) is valid and goes out.
    const fixed = await post('/staff/planner/send', planForm({ [r2]: h1.member.id }));
    expect(fixed.status).toBe(200);
    expect(await offersOf(r2)).toEqual([{ helper_member_id: h1.member.id, status: 'offered' }]);
  });

  it('sends each offer through createOffers and reports the ones refused, with why', async () => {
    const a = await family('一 家');
    const b = await family('二 家');
    const h1 = await createEligibleHelper(ctx.deps, { name: '第一 陽子' });
    const h2 = await createEligibleHelper(ctx.deps, { name: '第二 恵美' });
    const r1 = await newRequest(a, at('2026-11-25', '10:00', '12:00'));
    const r2 = await newRequest(b, at('2026-11-26', '10:00', '12:00'));
    // The plan was checked; then h2 is suspended before the offers go out.
    const instance = await loadPlannerInstance(ctx.deps, WEEK);
    const plan = [
      { requestId: r1, helperId: h1.member.id },
      { requestId: r2, helperId: h2.member.id },
    ];
    expect(validatePlan(instance.input, plan)).toEqual([]);
    await ctx.deps.db
      .updateTable('member')
      .set({ helper_status: 'suspended' })
      .where('id', '=', h2.member.id)
      .execute();
    const actor = {
      id: staffUser.id,
      email: staffUser.email,
      name: staffUser.name,
      role: 'staff' as const,
      locale: null,
    };
    const outcome = await sendPlanOffers(ctx.deps, actor, instance, plan);
    expect(outcome.sent).toEqual([{ requestId: r1, helperId: h1.member.id }]);
    expect(outcome.failed).toEqual([
      {
        requestId: r2,
        helperId: h2.member.id,
        code: 'not_active',
        messageKey: 'rule.not_active',
      },
    ]);
    expect(await offersOf(r1)).toEqual([{ helper_member_id: h1.member.id, status: 'offered' }]);
    expect(await offersOf(r2)).toEqual([]);
  });

  it('is for staff only, and checks the range', async () => {
    const member = await createMember(ctx.deps, { kind: 'helper' });
    const client = await TestClient.signedInAs(ctx, member.user);
    expect((await client.get('/staff/planner')).status).toBe(403);
    expect((await post('/staff/planner', planForm({}), client)).status).toBe(403);
    expect((await post('/staff/planner/send', planForm({}), client)).status).toBe(403);
    const anonymous = new TestClient(ctx);
    const res = await anonymous.get('/staff/planner');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/login/);

    const reversed = await staff.get('/staff/planner?from=2026-11-29&to=2026-11-23');
    expect(reversed.status).toBe(422);
    expect(await reversed.text()).toContain('終了日は開始日以降の日にしてください。');
    const tooLong = await staff.get('/staff/planner?from=2026-11-23&to=2026-12-07');
    expect(tooLong.status).toBe(422);
    expect((await staff.get('/staff/planner?from=2026-11-23&to=2026-12-06')).status).toBe(200);
    const en = await staff.get('/staff/planner', { 'accept-language': 'en' });
    expect(await en.text()).toContain('Weekly coordination plan');
  });
});
