import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_FEE_TABLE } from '../../src/modules/fees/fee-table.js';
import { quoteFee } from '../../src/modules/fees/fees.js';
import { DEFAULT_SUBSIDY_RULES } from '../../src/modules/settings/subsidy-rules.js';
import { newId } from '../../src/lib/ids.js';
import {
  createChild,
  createEligibleHelper,
  createMember,
  insertActivityRow,
  insertRequestRow,
} from '../helpers/factories.js';
import { createUser, setupTestApp, TestClient, type TestContext } from '../helpers/test-app.js';

// Monthly claims (issue #18 point 5): the hand-computed fixture of the "Done when", on
// Node and on D1. The clock starts on Saturday 2026-11-21 10:00 JST.
let ctx: TestContext;
let staffUser: Awaited<ReturnType<typeof createUser>>;
let staff: TestClient;
let admin: TestClient;
beforeEach(async () => {
  ctx = await setupTestApp();
  staffUser = await createUser(ctx.deps, { role: 'staff' });
  staff = await TestClient.signedInAs(ctx, staffUser);
  admin = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'admin' }));
});

const jst = (date: string, time: string) => new Date(`${date}T${time}:00+09:00`).toISOString();

interface ClaimJson {
  linesTotal: number;
  freeChildcare: {
    total: number;
    children: {
      childId: string;
      band: string;
      cap: number;
      eligible: number;
      amount: number;
      lines: { activityId: string; amount: number; reimbursed: number }[];
      excluded: { kind: string; activityId: string; reason: string }[];
    }[];
  };
  subsidy: {
    category: string | null;
    cap: number;
    computed: number;
    amount: number;
    lines: { kind: string; activityId: string; base: number; subsidy: number }[];
    excluded: {
      kind: string;
      activityId: string | null;
      requestId: string | null;
      reason: string;
    }[];
  };
}

/**
 * One family: a tax-exempt single parent with Haru (born 2023-03-20: aged 3 on 2026-04-01, a
 * 3歳児) and Mei (born 2025-02-10: aged 1 on 2026-04-01, a 0〜2歳児). Both hold a
 * 施設等利用給付認定 for the fiscal year (Mei's with the tax-exempt flag); the household holds
 * ひとり親 for the fiscal year. Fees by the default table: weekday 7:00–19:00 ¥800/h, other hours
 * and holidays ¥900/h, 30-minute units (half the hourly rate each), at least 2 units, the
 * second child (Mei: the younger) at half.
 */
async function family() {
  const parent = await createMember(ctx.deps, { kind: 'requester' });
  const haru = await createChild(ctx.deps, parent.member.id, {
    birthDate: '2023-03-20',
    name: 'はる',
  });
  const mei = await createChild(ctx.deps, parent.member.id, {
    birthDate: '2025-02-10',
    name: 'めい',
  });
  const helper = await createEligibleHelper(ctx.deps);
  const base = `/api/v1/members/${parent.member.id}`;
  const record = { checkedOn: '2026-04-05', validFrom: '2026-04-01', validTo: '2027-03-31' };
  expect(
    (
      await staff.json('POST', `${base}/eligibility`, {
        category: 'single_parent',
        evidence: '児童扶養手当証書',
        note: null,
        ...record,
      })
    ).status,
  ).toBe(201);
  for (const [child, type, taxExempt] of [
    [haru, 'type2', true],
    [mei, 'type3', true],
  ] as const) {
    const res = await staff.json('POST', `${base}/free-childcare-certifications`, {
      childId: child.id,
      certificationType: type,
      certificateNo: `C-${child.name}`,
      taxExempt,
      ...record,
    });
    expect(res.status).toBe(201);
  }

  /** An approved activity with its stored per-child fee, checked against the fee engine. */
  async function activity(a: {
    date: string;
    from: string;
    to: string;
    category: number;
    children: { id: string; amount: number }[];
    transport?: number;
    meal?: number;
    payment?: 'received' | 'recorded';
  }) {
    const startsAt = jst(a.date, a.from);
    const endsAt = jst(a.date, a.to);
    const quote = quoteFee({
      table: DEFAULT_FEE_TABLE,
      startsAt: new Date(startsAt),
      endsAt: new Date(endsAt),
      childCount: a.children.length,
      category: a.category,
    });
    // The hand-computed amounts are the engine's.
    expect(quote.childTotals).toEqual(a.children.map((c) => c.amount));
    const requestId = await insertRequestRow(ctx.deps, {
      requester_member_id: parent.member.id,
      helper_member_id: helper.member.id,
      starts_at: startsAt,
      ends_at: endsAt,
      category: a.category,
      created_by_user_id: staffUser.id,
    });
    const transport = a.transport ?? 0;
    const meal = a.meal ?? 0;
    const id = await insertActivityRow(ctx.deps, {
      request_id: requestId,
      helper_member_id: helper.member.id,
      requester_member_id: parent.member.id,
      started_at: startsAt,
      ended_at: endsAt,
      fee_total: quote.total,
      transport_cost: transport,
      meal_cost: meal,
      fee_child_totals: JSON.stringify(
        a.children.map((c) => ({ childId: c.id, amount: c.amount })),
      ),
    });
    await ctx.deps.db
      .insertInto('activity_child')
      .values(a.children.map((c) => ({ activity_id: id, child_id: c.id })))
      .execute();
    await ctx.deps.db
      .insertInto('activity_category')
      .values({ activity_id: id, category: a.category })
      .execute();
    if (a.payment)
      await pay({ activity_id: id, amount: quote.total + transport + meal }, a.date, a.payment);
    return id;
  }

  async function pay(
    subject: { activity_id?: string; request_id?: string; amount: number },
    date: string,
    status: 'received' | 'recorded',
  ) {
    await ctx.deps.db
      .insertInto('payment')
      .values({
        id: newId(),
        activity_id: subject.activity_id ?? null,
        request_id: subject.request_id ?? null,
        requester_member_id: parent.member.id,
        helper_member_id: helper.member.id,
        amount: subject.amount,
        paid_on: date,
        method: 'cash',
        status,
        recorded_by_user_id: parent.user.id,
        recorded_by_role: 'requester',
        recorded_at: jst(date, '20:00'),
        received_at: status === 'received' ? jst(date, '20:05') : null,
        dispute_reason: null,
        updated_at: jst(date, '20:05'),
      })
      .execute();
  }

  async function cancellation(date: string, from: string, to: string, fee: number) {
    const id = await insertRequestRow(ctx.deps, {
      requester_member_id: parent.member.id,
      helper_member_id: helper.member.id,
      starts_at: jst(date, from),
      ends_at: jst(date, to),
      created_by_user_id: staffUser.id,
      status: 'cancelled',
      cancelled_at: jst(date, '08:00'),
      cancelled_by_user_id: parent.user.id,
      cancelled_by_role: 'requester',
      cancel_kind: 'cancel',
      cancel_reason: '子どもの発熱',
      cancellation_fee: fee,
    });
    await pay({ request_id: id, amount: fee }, date, 'received');
    return id;
  }

  const claim = async (month: string) => {
    const res = await staff.get(`${base}/claim?month=${month}`);
    expect(res.status).toBe(200);
    return (await res.json()) as ClaimJson;
  };
  return { parent, haru, mei, activity, cancellation, pay, claim, base };
}

describe('the hand-computed two-month fixture', () => {
  it('October: holiday rate, sibling half, transport-only help, meal cost, cancellation fee', async () => {
    const f = await family();
    const { haru, mei } = f;
    // A1 Monday 2026-10-12 スポーツの日 (a national holiday), both, 10:00–13:00, lunch ¥500:
    //   6 units × ¥450 (holiday ¥900/h) = ¥2,700 for Haru; Mei at half: 6 × ¥225 = ¥1,350.
    const a1 = await f.activity({
      date: '2026-10-12',
      from: '10:00',
      to: '13:00',
      category: 8,
      meal: 500,
      payment: 'received',
      children: [
        { id: haru.id, amount: 2700 },
        { id: mei.id, amount: 1350 },
      ],
    });
    // A2 Wednesday 2026-10-14, Haru to nursery only (category 1, transport-only), 17:00–18:00:
    //   2 units × ¥400 = ¥800.
    const a2 = await f.activity({
      date: '2026-10-14',
      from: '17:00',
      to: '18:00',
      category: 1,
      payment: 'received',
      children: [{ id: haru.id, amount: 800 }],
    });
    // A3 Friday 2026-10-23, both, 18:00–20:00, bus fare ¥300:
    //   Haru 18:00 ¥400 + 18:30 ¥400 + 19:00 ¥450 + 19:30 ¥450 = ¥1,700; Mei at half ¥850.
    const a3 = await f.activity({
      date: '2026-10-23',
      from: '18:00',
      to: '20:00',
      category: 9,
      transport: 300,
      payment: 'received',
      children: [
        { id: haru.id, amount: 1700 },
        { id: mei.id, amount: 850 },
      ],
    });
    // C1 Wednesday 2026-10-28 10:00–12:00, cancelled on the day: 2 units × ¥400 = ¥800 (paid).
    const c1 = await f.cancellation('2026-10-28', '10:00', '12:00', 800);

    const claim = await f.claim('2026-10');
    // Everything the family paid: 2,700 + 1,350 + 500 + 800 + 1,700 + 850 + 300 + 800 = ¥9,000.
    expect(claim.linesTotal).toBe(9000);

    // 無償化. Haru (3歳児, cap ¥37,000): A1 ¥2,700 + A3 ¥1,700 = ¥4,400 (A2 is transport-only).
    // Mei (0〜2歳児 in a tax-exempt household, cap ¥42,000): A1 ¥1,350 + A3 ¥850 = ¥2,200.
    // Total ¥4,400 + ¥2,200 = ¥6,600. The meal, the bus fare and the cancellation fee never count.
    const [h, m] = claim.freeChildcare.children;
    expect(h).toMatchObject({
      childId: haru.id,
      band: 'age3to5',
      cap: 37_000,
      eligible: 4400,
      amount: 4400,
    });
    expect(h!.excluded).toEqual([
      expect.objectContaining({ activityId: a2, reason: 'transport_only' }),
    ]);
    expect(m).toMatchObject({
      childId: mei.id,
      band: 'age0to2',
      cap: 42_000,
      eligible: 2200,
      amount: 2200,
    });
    expect(claim.freeChildcare.total).toBe(6600);

    // ひとり親 subsidy (half, cap ¥15,000 a household, costs and cancellation fees excluded):
    // the base of each fee line is what 無償化 leaves to the family — A1 and A3 nothing
    // (2,700 − 2,700, 1,350 − 1,350, 1,700 − 1,700, 850 − 850), A2 ¥800 (transport-only help
    // is subsidised, not reimbursed). ¥800 × 1/2 = ¥400.
    expect(claim.subsidy).toMatchObject({
      category: 'single_parent',
      cap: 15_000,
      computed: 400,
      amount: 400,
    });
    expect(claim.subsidy.lines.map((l) => [l.activityId, l.base, l.subsidy])).toEqual([
      [a1, 0, 0],
      [a1, 0, 0],
      [a2, 800, 400],
      [a3, 0, 0],
      [a3, 0, 0],
    ]);
    expect(
      claim.subsidy.excluded.map((l) => [l.kind, l.activityId ?? l.requestId, l.reason]),
    ).toEqual([
      ['meal_cost', a1, 'cost'],
      ['transport_cost', a3, 'cost'],
      ['cancellation_fee', c1, 'cancellation_fee'],
    ]);
  });

  it('November: new rules from the 16th, a cap that binds, an unpaid activity that counts once paid', async () => {
    const f = await family();
    const { haru, mei } = f;
    // From 2026-11-16 the city subsidises ひとり親 at half up to ¥300 a month and no longer
    // subsidises transport-only help (illustrative figures).
    const rules = structuredClone(DEFAULT_SUBSIDY_RULES);
    rules.validFrom = '2026-11-16';
    const single = rules.categories.find((r) => r.category === 'single_parent')!;
    single.monthlyCap = 300;
    single.excludeTransportOnly = true;
    expect((await admin.json('POST', '/api/v1/subsidies/rules', rules)).status).toBe(201);

    // B1 Tuesday 2026-11-03 文化の日, Mei, 9:00–10:00: 2 units × ¥450 = ¥900.
    const b1 = await f.activity({
      date: '2026-11-03',
      from: '09:00',
      to: '10:00',
      category: 8,
      payment: 'received',
      children: [{ id: mei.id, amount: 900 }],
    });
    // B2 Thursday 2026-11-05, Haru to nursery (transport-only), 8:00–8:20: the minimum 2 units
    //   8:00 ¥400 + 8:30 ¥400 = ¥800; under the old rules (before the 16th).
    const b2 = await f.activity({
      date: '2026-11-05',
      from: '08:00',
      to: '08:20',
      category: 1,
      payment: 'received',
      children: [{ id: haru.id, amount: 800 }],
    });
    // B3 Friday 2026-11-20, both, 19:00–20:00 (other hours ¥900/h), dinner ¥400; the parent
    //   recorded the payment but the helper has not confirmed it yet:
    //   Haru 2 × ¥450 = ¥900; Mei at half ¥450.
    const b3 = await f.activity({
      date: '2026-11-20',
      from: '19:00',
      to: '20:00',
      category: 9,
      meal: 400,
      payment: 'recorded',
      children: [
        { id: haru.id, amount: 900 },
        { id: mei.id, amount: 450 },
      ],
    });
    // B4 Wednesday 2026-11-25, Haru home from nursery (transport-only), 17:00–17:30:
    //   2 units × ¥400 = ¥800; under the new rules.
    const b4 = await f.activity({
      date: '2026-11-25',
      from: '17:00',
      to: '17:30',
      category: 1,
      payment: 'received',
      children: [{ id: haru.id, amount: 800 }],
    });

    const before = await f.claim('2026-11');
    // 900 + 800 + 900 + 450 + 400 + 800 = ¥4,250.
    expect(before.linesTotal).toBe(4250);
    // 無償化: Haru nothing (B2, B4 transport-only; B3 not paid yet); Mei B1 ¥900 (B3 not paid).
    const [h, m] = before.freeChildcare.children;
    expect(h).toMatchObject({ eligible: 0, amount: 0 });
    expect(h!.excluded.map((l) => [l.activityId, l.reason])).toEqual([
      [b2, 'transport_only'],
      [b3, 'not_paid'],
      [b4, 'transport_only'],
    ]);
    expect(m).toMatchObject({ eligible: 900, amount: 900 });
    expect(before.freeChildcare.total).toBe(900);
    // Subsidy: B1 base 900 − 900 = 0; B2 ¥800 × 1/2 = ¥400 (old rules); B3 not paid; the dinner
    // is a cost; B4 transport-only under the new rules. ¥400, capped at the month's ¥300.
    expect(before.subsidy).toMatchObject({ computed: 400, cap: 300, amount: 300 });
    expect(before.subsidy.lines.map((l) => [l.activityId, l.base, l.subsidy])).toEqual([
      [b1, 0, 0],
      [b2, 800, 400],
    ]);
    expect(before.subsidy.excluded.map((l) => [l.kind, l.activityId, l.reason])).toEqual([
      ['fee', b3, 'not_paid'],
      ['fee', b3, 'not_paid'],
      ['meal_cost', b3, 'cost'],
      ['fee', b4, 'transport_only'],
    ]);

    // The helper confirms B3's payment: 無償化 Haru ¥900; Mei ¥900 + ¥450 = ¥1,350; total
    // ¥2,250. The subsidy gains nothing (B3's fees are wholly reimbursed) and stays ¥300.
    await ctx.deps.db
      .updateTable('payment')
      .set({ status: 'received', received_at: jst('2026-11-21', '09:00') })
      .where('activity_id', '=', b3)
      .execute();
    const after = await f.claim('2026-11');
    expect(after.freeChildcare.children.map((c) => c.amount)).toEqual([900, 1350]);
    expect(after.freeChildcare.total).toBe(2250);
    expect(after.subsidy).toMatchObject({ computed: 400, amount: 300 });
  });

  it('are submitted, approved and paid by staff, and summed in the city ledger', async () => {
    const f = await family();
    const { haru, mei } = f;
    // A1 as in October: holiday, both: Haru ¥2,700, Mei ¥1,350 (無償化 ¥4,050, subsidy ¥0).
    await f.activity({
      date: '2026-10-12',
      from: '10:00',
      to: '13:00',
      category: 8,
      payment: 'received',
      children: [
        { id: haru.id, amount: 2700 },
        { id: mei.id, amount: 1350 },
      ],
    });
    // A2 transport-only ¥800: subsidy ¥800 × 1/2 = ¥400.
    await f.activity({
      date: '2026-10-14',
      from: '17:00',
      to: '18:00',
      category: 1,
      payment: 'received',
      children: [{ id: haru.id, amount: 800 }],
    });
    const submit = (body: unknown) => staff.json('POST', `${f.base}/claims`, body);
    const notOver = await submit({ month: '2026-11', scheme: 'subsidy' });
    expect(notOver.status).toBe(422);
    expect(await notOver.json()).toMatchObject({ error: { code: 'claim_month_not_over' } });
    expect((await submit({ month: '2026-09', scheme: 'subsidy' })).status).toBe(422);

    const subsidy = await submit({ month: '2026-10', scheme: 'subsidy' });
    expect(subsidy.status).toBe(201);
    const s = (await subsidy.json()) as { id: string };
    expect(s).toMatchObject({
      scheme: 'subsidy',
      category: 'single_parent',
      claimedAmount: 400,
      status: 'submitted',
      submittedOn: '2026-11-21',
    });
    const free = await submit({ month: '2026-10', scheme: 'free_childcare' });
    expect(await free.json()).toMatchObject({ claimedAmount: 4050, category: null });
    expect((await submit({ month: '2026-10', scheme: 'subsidy' })).status).toBe(409);

    const pay = (step: string, body: unknown) =>
      staff.json('POST', `/api/v1/claims/${s.id}/${step}`, body);
    expect((await pay('pay', { amount: 400, on: '2026-11-20' })).status).toBe(409);
    expect((await pay('approve', { amount: 401, on: '2026-11-20' })).status).toBe(422);
    expect((await pay('approve', { amount: 400, on: '2026-11-22' })).status).toBe(422);
    expect(await (await pay('approve', { amount: 400, on: '2026-11-10' })).json()).toMatchObject({
      status: 'approved',
      approvedAmount: 400,
      approvedOn: '2026-11-10',
    });
    expect(await (await pay('pay', { amount: 400, on: '2026-11-20' })).json()).toMatchObject({
      status: 'paid',
      paidAmount: 400,
      paidOn: '2026-11-20',
    });
    expect((await pay('approve', { amount: 400, on: '2026-11-20' })).status).toBe(409);

    const ledger = async (q: string) => {
      const res = await staff.get(`/api/v1/claims/ledger?${q}`);
      expect(res.status).toBe(200);
      return (await res.json()) as {
        claims: unknown[];
        totals: {
          bucket: string;
          count: number;
          claimed: number;
          approved: number;
          paid: number;
        }[];
        total: { count: number; claimed: number; approved: number; paid: number };
      };
    };
    const month = await ledger('month=2026-10');
    expect(month.claims).toHaveLength(2);
    expect(month.totals.find((t) => t.bucket === 'single_parent')).toEqual({
      bucket: 'single_parent',
      count: 1,
      claimed: 400,
      approved: 400,
      paid: 400,
    });
    expect(month.totals.find((t) => t.bucket === 'free_childcare')).toMatchObject({
      count: 1,
      claimed: 4050,
      paid: 0,
    });
    expect(month.total).toMatchObject({ count: 2, claimed: 4450, approved: 400, paid: 400 });
    expect((await ledger('fiscalYear=2026')).total.claimed).toBe(4450);
    expect((await ledger('fiscalYear=2025')).total.count).toBe(0);
    const own = await TestClient.signedInAs(ctx, f.parent.user);
    expect((await own.get('/api/v1/claims/ledger?month=2026-10')).status).toBe(403);
    expect(
      ((await (await own.get(`${f.base}/claims`)).json()) as { items: unknown[] }).items,
    ).toHaveLength(2);
  });

  it('print as a claim form, are marked on the page, and the ledger opens in Excel', async () => {
    const f = await family();
    await f.activity({
      date: '2026-10-14',
      from: '17:00',
      to: '18:00',
      category: 1,
      meal: 300,
      payment: 'received',
      children: [{ id: f.haru.id, amount: 800 }],
    });
    const page = await staff.get(`/members/${f.parent.member.id}/claims/2026-10`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('2026年10月分 利用料助成・無償化の申請書');
    expect(html).toContain('送迎だけの活動は対象外');
    expect(html).toContain('実費は対象外');
    expect(html).toContain('申請者署名');

    const submitted = await staff.form(`/members/${f.parent.member.id}/claims`, {
      month: '2026-10',
      scheme: 'subsidy',
    });
    expect(submitted.status).toBe(303);
    const [row] = await ctx.deps.db
      .selectFrom('subsidy_claim')
      .select(['id', 'claimed_amount'])
      .execute();
    expect(row?.claimed_amount).toBe(400);
    expect(
      (await staff.form(`/claims/${row!.id}/approve`, { amount: '４００', on: '2026-11-15' }))
        .status,
    ).toBe(303);
    expect(
      (await staff.form(`/claims/${row!.id}/pay`, { amount: '400', on: '2026-11-20' })).status,
    ).toBe(303);
    // A claim already paid has no form left: a stray post is sent back to its page all the same.
    expect((await staff.form(`/claims/${row!.id}/pay`, { amount: 'x', on: '' })).status).toBe(422);

    const csv = await staff.get('/claims/ledger.csv?month=2026-10');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    // UTF-8 with a byte-order mark, so Excel reads the Japanese headers.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith('対象月,会員,区分,申請額')).toBe(true);
    expect(text).toContain('ひとり親世帯,400,2026-11-21,支払済み,400,2026-11-15,400,2026-11-20');
    const ledger = await staff.get('/claims/ledger?fiscalYear=2026');
    expect(await ledger.text()).toContain('助成・無償化の申請台帳 2026年度');
  });

  it('show on the monthly statement: each payment, and the subsidy and 無償化 to claim', async () => {
    const f = await family();
    const { haru, mei } = f;
    // A1 Monday 2026-10-12 (holiday), both, 10:00–13:00, lunch ¥500, paid in cash and
    //   acknowledged: Haru ¥2,700, Mei ¥1,350; due 2,700 + 1,350 + 500 = ¥4,550.
    const a1 = await f.activity({
      date: '2026-10-12',
      from: '10:00',
      to: '13:00',
      category: 8,
      meal: 500,
      payment: 'received',
      children: [
        { id: haru.id, amount: 2700 },
        { id: mei.id, amount: 1350 },
      ],
    });
    // A2 Wednesday 2026-10-14, Haru to nursery only, 17:00–18:00, acknowledged: ¥800.
    const a2 = await f.activity({
      date: '2026-10-14',
      from: '17:00',
      to: '18:00',
      category: 1,
      payment: 'received',
      children: [{ id: haru.id, amount: 800 }],
    });
    // A3 Friday 2026-10-23, both, 18:00–20:00, bus fare ¥300; the helper disputes the recorded
    //   payment: Haru ¥1,700, Mei ¥850; due 1,700 + 850 + 300 = ¥2,850.
    const a3 = await f.activity({
      date: '2026-10-23',
      from: '18:00',
      to: '20:00',
      category: 9,
      transport: 300,
      payment: 'recorded',
      children: [
        { id: haru.id, amount: 1700 },
        { id: mei.id, amount: 850 },
      ],
    });
    await ctx.deps.db
      .updateTable('payment')
      .set({ status: 'disputed', dispute_reason: '受け取っていません' })
      .where('activity_id', '=', a3)
      .execute();
    // C1 Wednesday 2026-10-28, cancelled on the day, fee ¥800 (paid and acknowledged).
    const c1 = await f.cancellation('2026-10-28', '10:00', '12:00', 800);
    // A4 Friday 2026-10-30, Haru, 10:00–11:00, nothing recorded yet: 2 units × ¥400 = ¥800.
    const a4 = await f.activity({
      date: '2026-10-30',
      from: '10:00',
      to: '11:00',
      category: 9,
      children: [{ id: haru.id, amount: 800 }],
    });

    const res = await staff.get(`/api/v1/members/${f.parent.member.id}/statement?month=2026-10`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { money: unknown };
    const received = (date: string) => ({
      state: 'received',
      paidOn: date,
      method: 'cash',
      receivedAt: `${date}T20:05:00+09:00`,
    });
    expect(body.money).toEqual({
      payments: [
        {
          kind: 'activity',
          id: a1,
          date: '2026-10-12',
          due: 4550,
          amount: 4550,
          ...received('2026-10-12'),
        },
        {
          kind: 'activity',
          id: a2,
          date: '2026-10-14',
          due: 800,
          amount: 800,
          ...received('2026-10-14'),
        },
        {
          kind: 'activity',
          id: a3,
          date: '2026-10-23',
          due: 2850,
          state: 'disputed',
          amount: 2850,
          paidOn: '2026-10-23',
          method: 'cash',
          receivedAt: null,
        },
        {
          kind: 'cancellation',
          id: c1,
          date: '2026-10-28',
          due: 800,
          amount: 800,
          ...received('2026-10-28'),
        },
        {
          kind: 'activity',
          id: a4,
          date: '2026-10-30',
          due: 800,
          state: 'unpaid',
          amount: null,
          paidOn: null,
          method: null,
          receivedAt: null,
        },
      ],
      // ひとり親: A1's fee lines leave nothing after 無償化 (2,700 − 2,700, 1,350 − 1,350); A2
      // (transport-only) ¥800 × 1/2 = ¥400; A3 and A4 are not paid; costs and C1 never count.
      subsidy: { category: 'single_parent', cap: 15_000, amount: 400 },
      // 無償化: Haru A1 ¥2,700 (A2 transport-only, A3 and A4 not paid); Mei A1 ¥1,350.
      freeChildcare: {
        total: 4050,
        children: [
          { childId: haru.id, name: 'はる', band: 'age3to5', cap: 37_000, amount: 2700 },
          { childId: mei.id, name: 'めい', band: 'age0to2', cap: 42_000, amount: 1350 },
        ],
      },
      // 400 + 4,050.
      claimable: 4450,
    });
    // The claim page says the same: one computation.
    const claim = await f.claim('2026-10');
    expect([claim.subsidy.amount, claim.freeChildcare.total]).toEqual([400, 4050]);

    const own = await TestClient.signedInAs(ctx, f.parent.user);
    const page = await own.get(`/statements/${f.parent.member.id}/2026-10`);
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const text of [
      'お支払いの状況',
      '受領済み',
      '受け取りに相違あり',
      '未払い',
      '現金',
      'この月に申請できる額',
      '利用料助成（ひとり親世帯）',
      '幼児教育・保育の無償化（はる）',
      '申請できる額の合計',
      `/members/${f.parent.member.id}/claims/2026-10`,
    ])
      expect(html).toContain(text);
    expect(html).toContain('<dt>申請できる額の合計</dt><dd>￥4,450</dd>');
  });

  it('decision forms sent back invalid keep the values, with a message beside each field', async () => {
    const f = await family();
    await f.activity({
      date: '2026-10-14',
      from: '17:00',
      to: '18:00',
      category: 1,
      payment: 'received',
      children: [{ id: f.haru.id, amount: 800 }],
    });
    const member = f.parent.member.id;
    // A scheme that does not exist: the month's page, 422, with the summary.
    const badSubmit = await staff.form(`/members/${member}/claims`, {
      month: '2026-10',
      scheme: 'lottery',
    });
    expect(badSubmit.status).toBe(422);
    const submitHtml = await badSubmit.text();
    expect(submitHtml).toContain('2026年10月分 利用料助成・無償化の申請書');
    expect(submitHtml).toContain('class="error-summary"');
    expect(submitHtml).toContain('制度: ');
    // ¥800 × 1/2 = ¥400 claimed.
    expect(
      (await staff.form(`/members/${member}/claims`, { month: '2026-10', scheme: 'subsidy' }))
        .status,
    ).toBe(303);
    const [row] = await ctx.deps.db.selectFrom('subsidy_claim').select(['id']).execute();
    const field = (name: string) => `claim-${row!.id}-${name}`;

    // Not a number and no date: both fields say so, as typed.
    const invalid = await staff.form(`/claims/${row!.id}/approve`, { amount: '四百', on: '' });
    expect(invalid.status).toBe(422);
    const html = await invalid.text();
    expect(html).toMatch(
      new RegExp(`id="${field('amount')}"[^>]*value="四百"[^>]*aria-invalid="true"`),
    );
    expect(html).toMatch(new RegExp(`id="${field('on')}"[^>]*value=""[^>]*aria-invalid="true"`));
    expect(html).toContain(`href="#${field('amount')}"`);
    expect(html).toContain(`href="#${field('on')}"`);

    // More than was claimed (¥401 > ¥400): the rule's message beside the amount.
    const tooHigh = await staff.form(`/claims/${row!.id}/approve`, {
      amount: '401',
      on: '2026-11-15',
    });
    expect(tooHigh.status).toBe(422);
    const tooHighHtml = await tooHigh.text();
    expect(tooHighHtml).toContain('金額が申請額（または承認額）を超えています。');
    expect(tooHighHtml).toMatch(
      new RegExp(`id="${field('amount')}"[^>]*value="401"[^>]*aria-invalid="true"`),
    );
    expect(tooHighHtml).toMatch(new RegExp(`id="${field('on')}"[^>]*value="2026-11-15"`));
    // A date after today (2026-11-21): beside the date.
    const future = await staff.form(`/claims/${row!.id}/approve`, {
      amount: '400',
      on: '2026-11-22',
    });
    expect(future.status).toBe(422);
    expect(await future.text()).toContain('日付に未来の日は入れられません。');
    const [still] = await ctx.deps.db.selectFrom('subsidy_claim').select(['status']).execute();
    expect(still?.status).toBe('submitted');

    // Authorization first: a parent gets 403 whatever the body.
    const own = await TestClient.signedInAs(ctx, f.parent.user);
    expect((await own.form(`/claims/${row!.id}/approve`, { amount: 'x', on: '' })).status).toBe(
      403,
    );
    // No claim to show the form on: invalid input is the plain 400; valid, the claim is not found.
    expect((await staff.form('/claims/nope/approve', { amount: 'x', on: '' })).status).toBe(400);
    expect(
      (await staff.form('/claims/nope/approve', { amount: '1', on: '2026-11-01' })).status,
    ).toBe(404);
  });

  it('is the family’s and the staff’s only', async () => {
    const f = await family();
    const own = await TestClient.signedInAs(ctx, f.parent.user);
    expect((await own.get(`${f.base}/claim?month=2026-10`)).status).toBe(200);
    const other = await createMember(ctx.deps, { kind: 'requester' });
    const stranger = await TestClient.signedInAs(ctx, other.user);
    expect((await stranger.get(`${f.base}/claim?month=2026-10`)).status).toBe(404);
  });
});
