import { beforeEach, describe, expect, it } from 'vitest';
import { runScheduledJobs } from '../../src/jobs/index.js';
import { newId } from '../../src/lib/ids.js';
import {
  createChild,
  createEligibleHelper,
  createMember,
  insertRequestRow,
} from '../helpers/factories.js';
import { createUser, setupTestApp, TestClient, type TestContext } from '../helpers/test-app.js';

/**
 * Issue #22: access follows the live relationship. One access policy for children's data
 * (src/modules/access/child-access.policy.ts, table-tested in test/unit/child-access.test.ts),
 * here end to end: suspension of a side, offers that closed, requests nobody took.
 */

// Saturday 2026-11-21 10:00 JST (DEFAULT_NOW); the care below is on Wednesday 2026-11-25.
const STARTS = '2026-11-25T04:00:00.000Z'; // 13:00 JST
const ENDS = '2026-11-25T07:00:00.000Z'; // 16:00 JST

let ctx: TestContext;
let staff: TestClient;
let staffUserId: string;
beforeEach(async () => {
  ctx = await setupTestApp();
  const user = await createUser(ctx.deps, { role: 'staff' });
  staffUserId = user.id;
  staff = await TestClient.signedInAs(ctx, user);
});

async function family() {
  const parent = await createMember(ctx.deps, { kind: 'requester', name: '緑川 花子' });
  const child = await createChild(ctx.deps, parent.member.id, {
    birthDate: '2021-05-10',
    name: '緑川 はると',
  });
  return { ...parent, child, client: await TestClient.signedInAs(ctx, parent.user) };
}
type Family = Awaited<ReturnType<typeof family>>;

async function request(
  f: Family,
  options: { status?: 'open' | 'matched'; helperId?: string; starts?: string; ends?: string } = {},
) {
  const id = await insertRequestRow(ctx.deps, {
    requester_member_id: f.member.id,
    starts_at: options.starts ?? STARTS,
    ends_at: options.ends ?? ENDS,
    created_by_user_id: f.user.id,
    created_at: ctx.clock.now().toISOString(),
    status: options.status ?? 'open',
    helper_member_id: options.helperId ?? null,
    matched_at: options.helperId ? ctx.clock.now().toISOString() : null,
    notes: 'お昼寝のあとに迎えに来てください',
    category: 8,
  });
  await ctx.deps.db
    .insertInto('care_request_child')
    .values({ request_id: id, child_id: f.child.id })
    .execute();
  if (options.helperId)
    await ctx.deps.db
      .insertInto('offer')
      .values({
        id: newId(),
        request_id: id,
        helper_member_id: options.helperId,
        status: 'accepted',
        offered_by_user_id: staffUserId,
        offered_at: ctx.clock.now().toISOString(),
        expires_at: STARTS,
        responded_at: ctx.clock.now().toISOString(),
        decline_reason: null,
      })
      .execute();
  return id;
}

async function offer(requestId: string, helperIds: string[]) {
  const res = await staff.json('POST', `/api/v1/requests/${requestId}/offers`, { helperIds });
  expect(res.status).toBe(201);
  return ((await res.json()) as { offers: { id: string; helperId: string }[] }).offers;
}

const requestRow = (id: string) =>
  ctx.deps.db.selectFrom('care_request').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const offerStatus = (requestId: string, helperId: string) =>
  ctx.deps.db
    .selectFrom('offer')
    .select('status')
    .where('request_id', '=', requestId)
    .where('helper_member_id', '=', helperId)
    .executeTakeFirstOrThrow()
    .then((o) => o.status);
const notices = (userId: string, kind: string) =>
  ctx.deps.db
    .selectFrom('notification')
    .select(['params', 'link'])
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .execute();

async function suspend(memberId: string, side: 'helper' | 'requester') {
  const res = await staff.json('POST', `/api/v1/members/${memberId}/suspend`, {
    side,
    reason: '面談のため一時停止',
  });
  expect(res.status).toBe(200);
}

describe('suspending a helper side takes effect everywhere, at once', () => {
  it('withdraws her waiting offers, reopens the requests, tells staff and refuses a later accept', async () => {
    const f = await family();
    const helper = await createEligibleHelper(ctx.deps, { kind: 'both' });
    const other = await createEligibleHelper(ctx.deps);
    const id = await request(f);
    const offers = await offer(id, [helper.member.id, other.member.id]);
    expect((await requestRow(id)).status).toBe('offered');

    await suspend(helper.member.id, 'helper');

    expect(await offerStatus(id, helper.member.id)).toBe('withdrawn');
    // Another helper's offer still waits: the request stays offered for her.
    expect(await offerStatus(id, other.member.id)).toBe('offered');
    const staffNotice = await notices(staffUserId, 'helper_side_ended_staff');
    expect(staffNotice).toHaveLength(1);
    expect(JSON.parse(staffNotice[0]!.params)).toMatchObject({ offers: 1, assignments: 0 });

    // She has a requester side too: she still signs in, and her helper action is refused.
    const client = await TestClient.signedInAs(ctx, helper.user);
    const mine = offers.find((o) => o.helperId === helper.member.id)!;
    const accept = await client.json('POST', `/api/v1/offers/${mine.id}/accept`, {});
    expect(accept.status).toBe(409);
    const body = (await accept.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('helper_not_active');
    expect(body.error.message).toContain('停止中');
    expect((await client.get('/requests')).status).toBe(200);
  });

  it('with her only waiting offer withdrawn, the request goes back to open', async () => {
    const f = await family();
    const helper = await createEligibleHelper(ctx.deps);
    const id = await request(f);
    await offer(id, [helper.member.id]);
    await suspend(helper.member.id, 'helper');
    expect((await requestRow(id)).status).toBe('open');
  });

  it('puts her future assignments on the board as needing a new helper, tells the family, ends her access and her calendar feed', async () => {
    const f = await family();
    const helper = await createEligibleHelper(ctx.deps, { kind: 'both' });
    const id = await request(f, { status: 'matched', helperId: helper.member.id });
    let client = await TestClient.signedInAs(ctx, helper.user);

    // While the match is live she sees the child and the family.
    expect((await client.get(`/children/${f.child.id}`)).status).toBe(200);
    const live = (await (await client.get(`/api/v1/requests/${id}`)).json()) as {
      requesterId: string | null;
      children: { name: string | null }[];
    };
    expect(live.requesterId).toBe(f.member.id);
    expect(live.children[0]!.name).toBe('緑川 はると');
    const feed = await client.json('POST', `/api/v1/members/${helper.member.id}/calendar-feed`, {});
    expect(feed.status).toBe(201);
    const feedPath = new URL(((await feed.json()) as { url: string }).url).pathname;
    expect((await new TestClient(ctx).get(feedPath)).status).toBe(200);

    await suspend(helper.member.id, 'helper');

    const row = await requestRow(id);
    expect(row.status).toBe('open');
    expect(row.helper_member_id).toBeNull();
    expect(row.helper_lost_at).toBe(ctx.clock.now().toISOString());
    expect(await offerStatus(id, helper.member.id)).toBe('withdrawn');
    expect(await notices(f.user.id, 'request_helper_lost')).toHaveLength(1);
    expect(
      JSON.parse((await notices(staffUserId, 'helper_side_ended_staff'))[0]!.params),
    ).toMatchObject({ assignments: 1 });
    const board = await (await staff.get('/board?days=7')).text();
    expect(board).toContain('提供会員の再調整が必要');
    const asFamily = (await (await f.client.get(`/api/v1/requests/${id}`)).json()) as {
      needsNewHelper: boolean;
      status: string;
    };
    expect(asFamily).toMatchObject({ needsNewHelper: true, status: 'open' });

    // Her sessions ended; signed in again through her requester side, the child is gone.
    client = await TestClient.signedInAs(ctx, helper.user);
    expect((await client.get(`/children/${f.child.id}`)).status).toBe(404);
    const after = await client.get(`/api/v1/requests/${id}`);
    expect(after.status).toBe(200);
    const json = (await after.json()) as Record<string, unknown> & {
      children: Record<string, unknown>[];
    };
    expect(json).toMatchObject({ requesterId: null, requesterName: null, notes: null });
    expect(json.children[0]).toMatchObject({ id: null, name: null, birthDate: null, ageYears: 5 });
    expect((await new TestClient(ctx).get(feedPath)).status).toBe(404);
  });

  it('a match that had started stays as it was (only future assignments move)', async () => {
    const f = await family();
    const helper = await createEligibleHelper(ctx.deps);
    const past = await request(f, {
      status: 'matched',
      helperId: helper.member.id,
      starts: '2026-11-20T04:00:00.000Z',
      ends: '2026-11-20T07:00:00.000Z',
    });
    await suspend(helper.member.id, 'helper');
    expect((await requestRow(past)).status).toBe('matched');
    expect(await notices(f.user.id, 'request_helper_lost')).toHaveLength(0);
  });
});

describe('suspending a requester side cancels nothing silently', () => {
  it('leaves her requests as they are and shows staff what is affected', async () => {
    const f = await family();
    const helper = await createEligibleHelper(ctx.deps);
    const id = await request(f, { status: 'matched', helperId: helper.member.id });
    const page = await (await staff.get(`/members/${f.member.id}`)).text();
    expect(page).toContain(`/coordination/requests/${id}`);
    expect(page).toContain('停止しても取り消されません');
    await suspend(f.member.id, 'requester');
    expect((await requestRow(id)).status).toBe('matched');
    expect(await notices(helper.user.id, 'request_cancelled')).toHaveLength(0);
  });
});

describe('an offer that closed', () => {
  it('shows the other helper only what an offer needs: no names, birth date, notes or family id', async () => {
    const f = await family();
    const winner = await createEligibleHelper(ctx.deps);
    const loser = await createEligibleHelper(ctx.deps);
    const id = await request(f);
    const offers = await offer(id, [winner.member.id, loser.member.id]);
    const winnerClient = await TestClient.signedInAs(ctx, winner.user);
    const won = offers.find((o) => o.helperId === winner.member.id)!;
    expect((await winnerClient.json('POST', `/api/v1/offers/${won.id}/accept`, {})).status).toBe(
      200,
    );
    expect(await offerStatus(id, loser.member.id)).toBe('closed');

    const loserClient = await TestClient.signedInAs(ctx, loser.user);
    const res = await loserClient.get(`/api/v1/requests/${id}`);
    expect(res.status).toBe(200);
    const text = await res.text();
    for (const secret of [f.member.id, f.child.id, '2021-05-10', '緑川', 'お昼寝'])
      expect(text).not.toContain(secret);
    expect(JSON.parse(text)).toMatchObject({ area: 'chuo', category: 8, status: 'matched' });

    const page = await (await loserClient.get(`/requests/${id}`)).text();
    for (const secret of [f.member.id, f.child.id, '2021-05-10', '緑川', 'お昼寝'])
      expect(page).not.toContain(secret);
    expect(page).toContain('5歳');
    expect((await loserClient.get(`/children/${f.child.id}`)).status).toBe(404);
  });
});

describe('requests nobody took', () => {
  it('close as unfilled once their start has passed; the family is told once and the page says so', async () => {
    const f = await family();
    const helper = await createEligibleHelper(ctx.deps);
    const id = await request(f);
    await offer(id, [helper.member.id]);

    await runScheduledJobs(ctx.deps);
    expect((await requestRow(id)).status).toBe('offered');

    ctx.clock.set('2026-11-25T04:05:00.000Z');
    const before = await (await f.client.get(`/requests/${id}`)).text();
    expect(before).toContain('開始時刻までに援助者が見つからなかった');

    await runScheduledJobs(ctx.deps);
    await runScheduledJobs(ctx.deps);
    const row = await requestRow(id);
    expect(row.status).toBe('unfilled');
    expect(row.unfilled_at).toBe('2026-11-25T04:05:00.000Z');
    expect(await offerStatus(id, helper.member.id)).toBe('expired');
    expect(await notices(f.user.id, 'request_unfilled')).toHaveLength(1);
    const page = await (await f.client.get(`/requests/${id}`)).text();
    expect(page).toContain('援助者が見つかりませんでした');
    expect(page).not.toContain('探しています');
    const json = (await (await f.client.get(`/api/v1/requests/${id}`)).json()) as {
      status: string;
    };
    expect(json.status).toBe('unfilled');
  });

  it('leave matched, cancelled and future requests alone', async () => {
    const f = await family();
    const helper = await createEligibleHelper(ctx.deps);
    const matched = await request(f, { status: 'matched', helperId: helper.member.id });
    const future = await request(f, {
      starts: '2026-11-26T04:00:00.000Z',
      ends: '2026-11-26T07:00:00.000Z',
    });
    ctx.clock.set('2026-11-25T05:00:00.000Z');
    await runScheduledJobs(ctx.deps);
    expect((await requestRow(matched)).status).toBe('matched');
    expect((await requestRow(future)).status).toBe('open');
  });
});

describe('records that match the help', () => {
  const jst = (date: string, time: string) => `${date}T${time}:00+09:00`;
  async function reported() {
    const f = await family();
    const helper = await createEligibleHelper(ctx.deps);
    const id = await request(f, { status: 'matched', helperId: helper.member.id });
    ctx.clock.set('2026-11-26T01:00:00.000Z'); // Thursday 10:00 JST
    const client = await TestClient.signedInAs(ctx, helper.user);
    staff = await TestClient.signedInAs(ctx, { id: staffUserId, role: 'staff' });
    const report = (startedAt: string, endedAt: string) =>
      client.json('POST', '/api/v1/activities', {
        requestId: id,
        startedAt,
        endedAt,
        childIds: [f.child.id],
        categories: [8],
        transportCost: 0,
        mealCost: 0,
        notes: '絵本を読みました。',
      });
    return { f, helper, id, client, report };
  }
  const codeOf = async (res: Response) =>
    ((await res.json()) as { error: { code: string; message: string } }).error;

  it('refuses a report that is not on the request’s date, not yet over, or before the request', async () => {
    const { report } = await reported();
    const otherDay = await report(jst('2026-11-24', '13:00'), jst('2026-11-24', '16:00'));
    expect(otherDay.status).toBe(422);
    const error = await codeOf(otherDay);
    expect(error.code).toBe('activity_not_on_request_date');
    expect(error.message).toContain('申し込みの日');
    const notOver = await report(jst('2026-11-26', '09:00'), jst('2026-11-26', '11:00'));
    expect((await codeOf(notOver)).code).toBe('activity_in_future');
    // Within the window (180 minutes by default) of the planned start: allowed.
    const ok = await report(jst('2026-11-25', '12:30'), jst('2026-11-25', '16:00'));
    expect(ok.status).toBe(201);
  });

  it('refuses a start before the request was made, and allows the night before within the window', async () => {
    const f = await family();
    const helper = await createEligibleHelper(ctx.deps);
    const id = await insertRequestRow(ctx.deps, {
      requester_member_id: f.member.id,
      starts_at: '2026-11-24T15:30:00.000Z', // Wednesday 00:30 JST
      ends_at: '2026-11-24T18:00:00.000Z',
      created_by_user_id: f.user.id,
      created_at: '2026-11-24T12:00:00.000Z', // Tuesday 21:00 JST
      status: 'matched',
      helper_member_id: helper.member.id,
      matched_at: '2026-11-24T12:30:00.000Z',
    });
    await ctx.deps.db
      .insertInto('care_request_child')
      .values({ request_id: id, child_id: f.child.id })
      .execute();
    ctx.clock.set('2026-11-26T01:00:00.000Z');
    const client = await TestClient.signedInAs(ctx, helper.user);
    const report = (startedAt: string) =>
      client.json('POST', '/api/v1/activities', {
        requestId: id,
        startedAt,
        endedAt: jst('2026-11-25', '03:00'),
        childIds: [f.child.id],
        categories: [1],
        transportCost: 0,
        mealCost: 0,
      });
    expect((await codeOf(await report(jst('2026-11-24', '20:00')))).code).toBe(
      'activity_before_request',
    );
    // 23:45 on Tuesday: another date, but 45 minutes from the planned start.
    expect((await report(jst('2026-11-24', '23:45'))).status).toBe(201);
  });

  it('lets staff correct a report within the same rules, keeping the earlier version', async () => {
    const { report } = await reported();
    const res = await report(jst('2026-11-25', '13:00'), jst('2026-11-25', '16:00'));
    expect(res.status).toBe(201);
    const { activity } = (await res.json()) as { activity: { id: string; version: number } };
    const wrong = await staff.json('PATCH', `/api/v1/activities/${activity.id}`, {
      startedAt: jst('2026-11-24', '13:00'),
      endedAt: jst('2026-11-24', '16:00'),
      reason: '日付の訂正',
      version: activity.version,
    });
    expect(wrong.status).toBe(422);
    expect((await codeOf(wrong)).code).toBe('activity_not_on_request_date');
    const ok = await staff.json('PATCH', `/api/v1/activities/${activity.id}`, {
      endedAt: jst('2026-11-25', '15:30'),
      reason: '終了時刻の訂正（電話で確認）',
      version: activity.version,
    });
    expect(ok.status).toBe(200);
    const revisions = await ctx.deps.db
      .selectFrom('activity_revision')
      .select(['changed_by', 'reason', 'version'])
      .where('activity_id', '=', activity.id)
      .execute();
    expect(revisions).toEqual([
      { changed_by: staffUserId, reason: '終了時刻の訂正（電話で確認）', version: 1 },
    ]);
  });

  it('refuses a pre-meeting in the future or after the pair’s first activity; staff correct one with history', async () => {
    const { f, helper, report } = await reported();
    expect((await report(jst('2026-11-25', '13:00'), jst('2026-11-25', '16:00'))).status).toBe(201);
    const record = (heldOn: string) =>
      staff.json('POST', '/api/v1/pre-meetings', {
        requesterId: f.member.id,
        helperId: helper.member.id,
        heldOn,
        place: 'センター相談室',
        attendees: '保護者、提供会員、アドバイザー',
        emergencyProcedure: '保護者と119に連絡',
      });
    expect((await codeOf(await record('2026-11-27'))).code).toBe('pre_meeting_in_future');
    const late = await record('2026-11-26');
    expect(late.status).toBe(422);
    expect((await codeOf(late)).code).toBe('pre_meeting_after_activity');
    const ok = await record('2026-11-20');
    expect(ok.status).toBe(201);
    const { id } = (await ok.json()) as { id: string };

    const correction = {
      place: 'センター相談室',
      attendees: '保護者、提供会員、アドバイザー',
      emergencyProcedure: '保護者と119に連絡',
      reason: '日付の誤り',
    };
    const future = await staff.json('PUT', `/api/v1/pre-meetings/${id}`, {
      ...correction,
      heldOn: '2026-11-30',
    });
    expect((await codeOf(future)).code).toBe('pre_meeting_in_future');
    const fixed = await staff.json('PUT', `/api/v1/pre-meetings/${id}`, {
      ...correction,
      heldOn: '2026-11-19',
    });
    expect(fixed.status).toBe(200);
    expect(await fixed.json()).toMatchObject({ heldOn: '2026-11-19' });
    const history = await ctx.deps.db
      .selectFrom('pre_meeting_revision')
      .select(['snapshot', 'reason', 'changed_by'])
      .where('pre_meeting_id', '=', id)
      .execute();
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ reason: '日付の誤り', changed_by: staffUserId });
    expect(JSON.parse(history[0]!.snapshot)).toMatchObject({ held_on: '2026-11-20' });
    const asFamily = await f.client.json('PUT', `/api/v1/pre-meetings/${id}`, {
      ...correction,
      heldOn: '2026-11-18',
    });
    expect(asFamily.status).toBe(403);
  });
});
