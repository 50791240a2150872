import { beforeEach, describe, expect, it } from 'vitest';
import {
  createChild,
  createEligibleHelper,
  createMember,
  insertActivityRow,
  insertRequestRow,
} from '../helpers/factories.js';
import { createUser, setupTestApp, TestClient, type TestContext } from '../helpers/test-app.js';

// Payments of approved activities and cancellation fees (issue #18), on Node and on D1.
// The clock starts on Saturday 2026-11-21 10:00 JST.
let ctx: TestContext;
let staff: TestClient;
let staffUser: Awaited<ReturnType<typeof createUser>>;
beforeEach(async () => {
  ctx = await setupTestApp();
  staffUser = await createUser(ctx.deps, { role: 'staff' });
  staff = await TestClient.signedInAs(ctx, staffUser);
});

const jst = (date: string, time: string) => `${date}T${time}:00+09:00`;

interface PaymentJson {
  kind: string;
  due: number;
  payable: boolean;
  state: string;
  payment: null | {
    amount: number;
    paidOn: string;
    method: string;
    status: string;
    recordedBy: string;
    receivedAt: string | null;
    disputeReason: string | null;
  };
}

/** A family, its helper and one activity between them (approved unless told otherwise). */
async function world(options: { status?: 'approved' | 'confirmed'; date?: string } = {}) {
  const parent = await createMember(ctx.deps, { kind: 'requester' });
  const child = await createChild(ctx.deps, parent.member.id, { birthDate: '2022-06-01' });
  const helper = await createEligibleHelper(ctx.deps);
  const date = options.date ?? '2026-11-18';
  const requestId = await insertRequestRow(ctx.deps, {
    requester_member_id: parent.member.id,
    helper_member_id: helper.member.id,
    starts_at: jst(date, '18:30'),
    ends_at: jst(date, '19:40'),
    created_by_user_id: staffUser.id,
  });
  const activityId = await insertActivityRow(ctx.deps, {
    request_id: requestId,
    helper_member_id: helper.member.id,
    requester_member_id: parent.member.id,
    started_at: new Date(jst(date, '18:30')).toISOString(),
    ended_at: new Date(jst(date, '19:40')).toISOString(),
    fee_total: 1300,
    transport_cost: 300,
    meal_cost: 200,
    status: options.status ?? 'approved',
  });
  await ctx.deps.db
    .insertInto('activity_child')
    .values({ activity_id: activityId, child_id: child.id })
    .execute();
  const other = await createMember(ctx.deps, { kind: 'requester' });
  const otherHelper = await createEligibleHelper(ctx.deps);
  return {
    parent: await TestClient.signedInAs(ctx, parent.user),
    helper: await TestClient.signedInAs(ctx, helper.user),
    other: await TestClient.signedInAs(ctx, other.user),
    otherHelper: await TestClient.signedInAs(ctx, otherHelper.user),
    parentMember: parent.member,
    helperUser: helper.user,
    activityId,
    requestId,
    path: `/api/v1/activities/${activityId}/payment`,
  };
}

const cash = (amount = 1800, paidOn = '2026-11-18') => ({ paidOn, method: 'cash', amount });
const paymentCount = async () =>
  Number(
    (
      await ctx.deps.db
        .selectFrom('payment')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const paymentOf = async (res: Response) => (await res.json()) as PaymentJson;

describe('payments of an approved activity', () => {
  it('the family records cash, the helper confirms in one tap; both are audited', async () => {
    const w = await world();
    const before = paymentOf(await w.parent.get(w.path));
    expect(await before).toMatchObject({
      due: 1800,
      payable: true,
      state: 'unpaid',
      payment: null,
    });

    const recorded = await w.parent.json('POST', w.path, cash());
    expect(recorded.status).toBe(200);
    expect(await paymentOf(recorded)).toMatchObject({
      state: 'recorded',
      payment: { amount: 1800, method: 'cash', status: 'recorded', recordedBy: 'requester' },
    });
    // The helper is asked to acknowledge it.
    const asked = await ctx.deps.db
      .selectFrom('notification')
      .select('link')
      .where('user_id', '=', w.helperUser.id)
      .where('kind', '=', 'payment_recorded')
      .execute();
    expect(asked).toEqual([{ link: `/activities/${w.activityId}#payment` }]);

    ctx.clock.set(jst('2026-11-21', '12:00'));
    const received = await w.helper.json('POST', `${w.path}/received`, {});
    expect(received.status).toBe(200);
    expect(await paymentOf(received)).toMatchObject({
      state: 'received',
      payment: { status: 'received', receivedAt: '2026-11-21T12:00:00+09:00', amount: 1800 },
    });
    // A second tap changes nothing.
    const again = await w.helper.json('POST', `${w.path}/received`, {});
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: 'payment_already_received' } });

    const audit = await ctx.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', w.activityId)
      .orderBy('at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['payment_recorded', 'payment_received']);
  });

  it('with nothing recorded, the helper’s tap records the amount due in cash today, received', async () => {
    const w = await world();
    const res = await w.helper.json('POST', `${w.path}/received`, {});
    expect(await paymentOf(res)).toMatchObject({
      state: 'received',
      payment: { amount: 1800, method: 'cash', paidOn: '2026-11-21', recordedBy: 'helper' },
    });
  });

  it('a payment recorded by the helper herself is received at once', async () => {
    const w = await world();
    const res = await w.helper.json('POST', w.path, { ...cash(1800), method: 'qr' });
    expect(await paymentOf(res)).toMatchObject({
      state: 'received',
      payment: { method: 'qr', status: 'received', recordedBy: 'helper' },
    });
  });

  it('only the activity’s helper, its family and staff see or record it; others get 404', async () => {
    const w = await world();
    for (const outsider of [w.other, w.otherHelper]) {
      expect((await outsider.get(w.path)).status).toBe(404);
      expect((await outsider.json('POST', w.path, cash())).status).toBe(404);
      expect((await outsider.json('POST', `${w.path}/received`, {})).status).toBe(404);
      expect((await outsider.json('POST', `${w.path}/dispute`, { reason: 'x' })).status).toBe(404);
    }
    expect((await new TestClient(ctx).get(w.path)).status).toBe(401);
    // The family and staff do not acknowledge for the helper.
    expect((await w.parent.json('POST', `${w.path}/received`, {})).status).toBe(403);
    expect((await staff.json('POST', `${w.path}/received`, {})).status).toBe(403);
    expect(await paymentCount()).toBe(0);
  });

  it('refuses a report not yet approved, a future date, more than due and bad input', async () => {
    const pending = await world({ status: 'confirmed' });
    const refused = await pending.parent.json('POST', pending.path, cash());
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: { code: 'payment_not_approved' } });

    const w = await world();
    const future = await w.parent.json('POST', w.path, cash(1800, '2026-11-22'));
    expect(future.status).toBe(422);
    expect(await future.json()).toMatchObject({ error: { code: 'paid_in_future' } });
    const over = await w.parent.json('POST', w.path, cash(1801));
    expect(over.status).toBe(422);
    expect(await over.json()).toMatchObject({ error: { code: 'payment_over_due' } });
    for (const body of [
      { ...cash(), amount: 0 },
      { ...cash(), amount: 12.5 },
      { ...cash(), method: 'card' },
      { ...cash(), paidOn: '2026-02-30' },
      { ...cash(), recordedBy: 'staff' },
    ])
      expect((await w.parent.json('POST', w.path, body)).status).toBe(400);
    expect(await paymentCount()).toBe(0);
  });

  it('the family corrects until the helper acknowledges; after that only staff, and the helper confirms again', async () => {
    const w = await world();
    await w.parent.json('POST', w.path, cash(1500));
    const corrected = await w.parent.json('POST', w.path, cash(1800));
    expect(await paymentOf(corrected)).toMatchObject({
      state: 'recorded',
      payment: { amount: 1800 },
    });
    await w.helper.json('POST', `${w.path}/received`, {});
    const late = await w.parent.json('POST', w.path, cash(1700));
    expect(late.status).toBe(409);
    const byStaff = await staff.json('POST', w.path, { ...cash(1800), method: 'bank_transfer' });
    expect(await paymentOf(byStaff)).toMatchObject({
      state: 'recorded',
      payment: {
        method: 'bank_transfer',
        status: 'recorded',
        recordedBy: 'staff',
        receivedAt: null,
      },
    });
    expect(await paymentCount()).toBe(1);
  });

  it('the helper disputes a recorded payment; the family and staff are told; a later tap settles it', async () => {
    const w = await world();
    await w.parent.json('POST', w.path, cash());
    const disputed = await w.helper.json('POST', `${w.path}/dispute`, {
      reason: 'まだ受け取っていません',
    });
    expect(await paymentOf(disputed)).toMatchObject({
      state: 'disputed',
      payment: { status: 'disputed', disputeReason: 'まだ受け取っていません' },
    });
    const told = await ctx.deps.db
      .selectFrom('notification')
      .select('user_id')
      .where('kind', '=', 'payment_disputed')
      .execute();
    expect(told.map((n) => n.user_id).sort()).toEqual(
      [w.parentMember.user_id, staffUser.id].sort(),
    );
    // Nothing left to dispute twice.
    expect((await w.helper.json('POST', `${w.path}/dispute`, { reason: 'x' })).status).toBe(409);
    const settled = await w.helper.json('POST', `${w.path}/received`, {});
    expect(await paymentOf(settled)).toMatchObject({
      state: 'received',
      payment: { disputeReason: null },
    });
  });
});

describe('payments of a cancellation fee', () => {
  it('is recorded against the cancelled request; a request without a fee has nothing to pay', async () => {
    const w = await world();
    await ctx.deps.db
      .updateTable('care_request')
      .set({ status: 'cancelled', cancellation_fee: 800, cancel_kind: 'cancel' })
      .where('id', '=', w.requestId)
      .execute();
    const path = `/api/v1/requests/${w.requestId}/cancellation-payment`;
    expect(await paymentOf(await w.parent.get(path))).toMatchObject({
      kind: 'cancellation',
      due: 800,
      payable: true,
      state: 'unpaid',
    });
    const res = await w.helper.json('POST', `${path}/received`, {});
    expect(await paymentOf(res)).toMatchObject({ state: 'received', payment: { amount: 800 } });
    expect((await w.other.get(path)).status).toBe(404);

    const free = await world();
    const none = await free.parent.json(
      'POST',
      `/api/v1/requests/${free.requestId}/cancellation-payment`,
      cash(800),
    );
    expect(none.status).toBe(409);
    expect(await none.json()).toMatchObject({ error: { code: 'payment_no_cancellation_fee' } });
  });
});

describe('outstanding amounts for staff', () => {
  it('lists amounts of earlier months unpaid, disputed or short — not this month’s, not settled ones', async () => {
    const unpaid = await world({ date: '2026-10-20' });
    const disputed = await world({ date: '2026-10-21' });
    const short = await world({ date: '2026-10-22' });
    const settled = await world({ date: '2026-10-23' });
    const thisMonth = await world({ date: '2026-11-02' });
    await disputed.parent.json('POST', disputed.path, cash(1800, '2026-10-21'));
    await disputed.helper.json('POST', `${disputed.path}/dispute`, { reason: '受け取っていない' });
    await short.helper.json('POST', short.path, cash(1500, '2026-10-22'));
    await settled.helper.json('POST', `${settled.path}/received`, {});
    void unpaid;
    void thisMonth;

    const res = await staff.get('/api/v1/payments/outstanding');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      items: { id: string; state: string; outstanding: number }[];
      totalOutstanding: number;
    };
    expect(body.items.map((i) => [i.id, i.state, i.outstanding])).toEqual([
      [unpaid.activityId, 'unpaid', 1800],
      [disputed.activityId, 'disputed', 1800],
      [short.activityId, 'short', 300],
    ]);
    expect(body.totalOutstanding).toBe(3900);
    expect((await unpaid.parent.get('/api/v1/payments/outstanding')).status).toBe(403);

    const page = await staff.get('/payments/outstanding');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('未払い');
    expect(html).toContain('不足あり');
  });
});

describe('payment pages', () => {
  it('the helper taps 受け取りました on the activity page; the family records through the form', async () => {
    const w = await world();
    const activityPage = await w.helper.get(`/activities/${w.activityId}`);
    const html = await activityPage.text();
    expect(html).toContain('受け取りました');
    expect(html).toContain(`/activities/${w.activityId}/payment/received`);

    const invalid = await w.parent.form(`/activities/${w.activityId}/payment`, {
      paidOn: '2026-11-18',
      method: 'cash',
      amount: 'abc',
    });
    expect(invalid.status).toBe(422);
    expect(await invalid.text()).toContain('1円以上の整数');

    const posted = await w.parent.form(`/activities/${w.activityId}/payment`, {
      paidOn: '2026-11-18',
      method: 'cash',
      amount: '1,800',
    });
    expect(posted.status).toBe(303);
    const tapped = await w.helper.form(`/activities/${w.activityId}/payment/received`, {});
    expect(tapped.status).toBe(303);
    expect(tapped.headers.get('location')).toBe(`/activities/${w.activityId}`);
    const after = await (await w.parent.get(`/activities/${w.activityId}/payment`)).text();
    expect(after).toContain('受領済み');
    // Another family's page is not found.
    expect((await w.other.get(`/activities/${w.activityId}/payment`)).status).toBe(404);
  });
});

interface ReceiptJson {
  number: string;
  printCount: number;
  reissue: boolean;
  total: number;
  month: string | null;
  lines: {
    kind: string;
    children: { name: string; amount: number }[];
    due: number;
    amountPaid: number;
    method: string;
    paidOn: string;
    helperName: string;
    receivedAt: string;
  }[];
}

describe('receipts', () => {
  it('an activity’s receipt: only once received; numbered; printed again it is the same receipt, 再発行', async () => {
    const w = await world();
    const path = `/api/v1/activities/${w.activityId}/receipt`;
    expect(await (await w.parent.get(path)).json()).toEqual({ receipt: null });
    const early = await w.parent.json('POST', path, {});
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ error: { code: 'receipt_not_received' } });

    await w.parent.json('POST', w.path, cash(1800, '2026-11-18'));
    ctx.clock.set(jst('2026-11-21', '12:00'));
    await w.helper.json('POST', `${w.path}/received`, {});
    const first = (await (await w.parent.json('POST', path, {})).json()) as {
      receipt: ReceiptJson;
    };
    expect(first.receipt).toMatchObject({
      number: '2026-000001',
      printCount: 1,
      reissue: false,
      total: 1800,
      lines: [
        {
          kind: 'activity',
          due: 1800,
          amountPaid: 1800,
          method: 'cash',
          paidOn: '2026-11-18',
          receivedAt: '2026-11-21T12:00:00+09:00',
        },
      ],
    });
    // Staff sessions end after 30 idle minutes: staff sign in again after the clock moved.
    staff = await TestClient.signedInAs(ctx, staffUser);
    const second = (await (await staff.json('POST', path, {})).json()) as { receipt: ReceiptJson };
    expect(second.receipt).toMatchObject({ number: '2026-000001', printCount: 2, reissue: true });
    // The helper and other families do not see the family's receipt.
    expect((await w.helper.get(path)).status).toBe(404);
    expect((await w.other.json('POST', path, {})).status).toBe(404);

    const page = await (await w.parent.get(`/activities/${w.activityId}/receipt`)).text();
    expect(page).toContain('再発行');
    expect(page).toContain('2026-000001');
  });

  it('a month’s receipt: the month must be over and hold an acknowledged payment; only the family and staff', async () => {
    const w = await world({ date: '2026-10-20' });
    await w.helper.json('POST', `${w.path}/received`, {});
    const path = `/api/v1/members/${w.parentMember.id}/receipts/2026-10`;
    const res = await w.parent.json('POST', path, {});
    expect(res.status).toBe(200);
    const { receipt } = (await res.json()) as { receipt: ReceiptJson };
    expect(receipt).toMatchObject({ number: '2026-000001', month: '2026-10', total: 1800 });
    expect(receipt.lines).toHaveLength(1);

    const current = await w.parent.json(
      'POST',
      `/api/v1/members/${w.parentMember.id}/receipts/2026-11`,
      {},
    );
    expect(current.status).toBe(409);
    expect(await current.json()).toMatchObject({ error: { code: 'receipt_month_not_over' } });
    const empty = await w.parent.json(
      'POST',
      `/api/v1/members/${w.parentMember.id}/receipts/2026-09`,
      {},
    );
    expect(await empty.json()).toMatchObject({ error: { code: 'receipt_nothing_received' } });
    expect((await w.other.get(path)).status).toBe(404);

    const page = await w.parent.form(`/statements/${w.parentMember.id}/2026-10/receipt`, {});
    expect(page.status).toBe(303);
    const html = await (
      await w.parent.get(`/statements/${w.parentMember.id}/2026-10/receipt`)
    ).text();
    expect(html).toContain('再発行');
  });
});
