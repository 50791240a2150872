import { beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/lib/ids.js';
import { createChild, createEligibleHelper, insertRequestRow } from '../helpers/factories.js';
import { createUser, setupTestApp, TestClient, type TestContext } from '../helpers/test-app.js';

/**
 * Issue #22 point 1, third bullet: a member with both sides keeps signing in through the side
 * that is still active; the suspended side's pages and actions are refused with a clear message
 * (pages and API, Node and D1).
 */

// Saturday 2026-11-21 10:00 JST (DEFAULT_NOW).
const jst = (date: string, time: string) => `${date}T${time}:00+09:00`;

let ctx: TestContext;
let staff: TestClient;
let staffUserId: string;
beforeEach(async () => {
  ctx = await setupTestApp();
  const user = await createUser(ctx.deps, { role: 'staff' });
  staffUserId = user.id;
  staff = await TestClient.signedInAs(ctx, user);
});

/** A member with both sides, active and qualified as a helper, with a child of her own. */
async function bothSides() {
  const made = await createEligibleHelper(ctx.deps, { kind: 'both' });
  const child = await createChild(ctx.deps, made.member.id, { birthDate: '2021-05-10' });
  return { ...made, child, client: await TestClient.signedInAs(ctx, made.user) };
}
type Both = Awaited<ReturnType<typeof bothSides>>;

/** Another family's open request, offered to `helperId` by staff. */
async function offeredTo(helperId: string) {
  const family = await createEligibleHelper(ctx.deps, { kind: 'requester' });
  const child = await createChild(ctx.deps, family.member.id, { birthDate: '2020-04-02' });
  const requestId = await insertRequestRow(ctx.deps, {
    requester_member_id: family.member.id,
    starts_at: '2026-11-25T04:00:00.000Z',
    ends_at: '2026-11-25T07:00:00.000Z',
    created_by_user_id: family.user.id,
    created_at: ctx.clock.now().toISOString(),
    status: 'open',
    helper_member_id: null,
    matched_at: null,
    notes: null,
    category: 8,
  });
  await ctx.deps.db
    .insertInto('care_request_child')
    .values({ request_id: requestId, child_id: child.id })
    .execute();
  const offerId = newId();
  await ctx.deps.db
    .insertInto('offer')
    .values({
      id: offerId,
      request_id: requestId,
      helper_member_id: helperId,
      status: 'offered',
      offered_by_user_id: staffUserId,
      offered_at: ctx.clock.now().toISOString(),
      expires_at: '2026-11-24T04:00:00.000Z',
      responded_at: null,
      decline_reason: null,
    })
    .execute();
  return { requestId, offerId };
}

async function suspend(memberId: string, side: 'helper' | 'requester') {
  const res = await staff.json('POST', `/api/v1/members/${memberId}/suspend`, {
    side,
    reason: '確認のため一時停止',
  });
  expect(res.status).toBe(200);
}

/** Signs in again with her password, through the page and through the API. */
async function signsInAgain(m: Both) {
  const page = new TestClient(ctx);
  const res = await page.form('/login', { email: m.user.email, password: m.user.password });
  expect(res.status).toBe(303);
  expect(res.headers.get('location')).toBe('/');
  expect((await page.get('/')).status).toBe(200);
  const api = new TestClient(ctx);
  const login = await api.json('POST', '/api/v1/auth/login', {
    email: m.user.email,
    password: m.user.password,
  });
  expect(login.status).toBe(200);
  return { page, api };
}

const requestBody = (childId: string) => ({
  childIds: [childId],
  category: 8,
  startsAt: jst('2026-12-09', '13:00'),
  endsAt: jst('2026-12-09', '16:00'),
  careLocation: 'helper_home',
  careLocationNote: null,
  pickup: 'みどり保育園',
  dropoff: null,
  notes: null,
});

describe('a member with both sides, one suspended (point 1)', { timeout: 30_000 }, () => {
  it('helper side suspended: she signs in as a parent; her helper pages and actions say why they are refused', async () => {
    const m = await bothSides();
    const { offerId } = await offeredTo(m.member.id);
    await suspend(m.member.id, 'helper');

    // Her open session ended with the suspension; she signs in again (the parent side is active).
    expect((await m.client.get('/my')).headers.get('location')).toMatch(/^\/login/);
    const { page, api } = await signsInAgain(m);

    // The parent side works: the form and a request, page and API.
    const form = await page.get('/requests/new');
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('action="/requests/new"');
    expect((await api.json('POST', '/api/v1/requests', requestBody(m.child.id))).status).toBe(201);

    // The helper side: the offers page says she is suspended and whom to contact.
    const offers = await (await page.get('/offers')).text();
    expect(offers).toContain(
      '活動を一時停止しています。再開についてはセンターにお問い合わせください。',
    );
    // Her offer was withdrawn; answering it is refused with a message, on the page and the API.
    const accepted = await api.json('POST', `/api/v1/offers/${offerId}/accept`, {});
    expect(accepted.status).toBe(409);
    const { error } = (await accepted.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('helper_not_active');
    expect(error.message).toContain('提供会員としての活動が停止中のため');
    const acceptPage = await page.form(`/offers/${offerId}/accept`, {});
    expect(acceptPage.status).toBe(303);
    expect(acceptPage.headers.get('location')).toBe('/offers');
    expect(await (await page.get('/offers')).text()).toContain(
      '提供会員としての活動が停止中のため',
    );
    const offer = await ctx.deps.db
      .selectFrom('offer')
      .select('status')
      .where('id', '=', offerId)
      .executeTakeFirstOrThrow();
    expect(offer.status).toBe('withdrawn');
  });

  it('requester side suspended: she signs in as a helper; asking for help is refused with a message', async () => {
    const m = await bothSides();
    const { offerId } = await offeredTo(m.member.id);
    await suspend(m.member.id, 'requester');
    const { page, api } = await signsInAgain(m);

    // The helper side works: her offer is there and she accepts it.
    expect(await (await page.get('/offers')).text()).toContain(`/offers/${offerId}/accept`);
    expect((await api.json('POST', `/api/v1/offers/${offerId}/accept`, {})).status).toBe(200);

    // The parent side: the page says why, the API refuses with the same reason.
    const form = await page.get('/requests/new');
    const html = await form.text();
    expect(html).toContain('利用を一時停止しているため、いまは申し込めません。');
    expect(html).not.toContain('action="/requests/new"');
    const refused = await api.json('POST', '/api/v1/requests', requestBody(m.child.id));
    expect(refused.status).toBe(422);
    const { error } = (await refused.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('requester_not_active');
    expect(error.message).toContain('依頼会員としての利用が一時停止中のため');
    const posted = await page.form('/requests/new', { category: '8' });
    expect(posted.status).toBe(403);
    expect(await posted.text()).toContain('利用を一時停止しているため、いまは申し込めません。');
    const requests = await ctx.deps.db
      .selectFrom('care_request')
      .select('id')
      .where('requester_member_id', '=', m.member.id)
      .execute();
    expect(requests).toEqual([]);
  });

  it('both sides suspended: the sign-in is refused', async () => {
    const m = await bothSides();
    await suspend(m.member.id, 'helper');
    await suspend(m.member.id, 'requester');
    const res = await new TestClient(ctx).json('POST', '/api/v1/auth/login', {
      email: m.user.email,
      password: m.user.password,
    });
    expect(res.status).toBe(401);
  });
});
