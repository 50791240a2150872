import { beforeEach, describe, expect, it } from 'vitest';
import { createOffers } from '../../src/modules/matching/offers.service.js';
import { findRequestById } from '../../src/modules/requests/requests.queries.js';
import { createChild, createEligibleHelper, createMember } from '../helpers/factories.js';
import { createUser, setupTestApp, TestClient, type TestContext } from '../helpers/test-app.js';

// Found by the write-route fuzzer (test/node/fuzz.test.ts), checked here on both runtimes
// (better-sqlite3 and D1): a cancellation or a decline refused with 409 still wrote its audit
// row (a batch is not undone when its conditional UPDATE matches nothing); a form body that
// cannot be parsed and an unknown JSON field named `constructor` were 500s.

let ctx: TestContext;
let staff: TestClient;
beforeEach(async () => {
  ctx = await setupTestApp();
  staff = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'staff' }));
});

async function audits(action: string) {
  const rows = await ctx.deps.db
    .selectFrom('audit_log')
    .select('id')
    .where('action', '=', action)
    .execute();
  return rows.length;
}

async function openRequest() {
  const parent = await createMember(ctx.deps, { kind: 'requester' });
  const child = await createChild(ctx.deps, parent.member.id);
  const res = await staff.json('POST', '/api/v1/requests', {
    requesterId: parent.member.id,
    childIds: [child.id],
    category: 8,
    startsAt: '2026-11-25T13:00:00+09:00',
    endsAt: '2026-11-25T15:00:00+09:00',
  });
  expect(res.status).toBe(201);
  const { request } = (await res.json()) as { request: { id: string } };
  return { parent, client: await TestClient.signedInAs(ctx, parent.user), requestId: request.id };
}

describe('a refused transition leaves no audit row', () => {
  it('cancelling a request twice: one cancellation, one audit row, then 409', async () => {
    const { client, requestId } = await openRequest();
    const cancel = () =>
      client.json('POST', `/api/v1/requests/${requestId}/cancel`, {
        reason: '祖母が迎えに行くため',
      });
    expect((await cancel()).status).toBe(200);
    expect(await audits('request_cancelled')).toBe(1);
    expect((await cancel()).status).toBe(409);
    expect(await audits('request_cancelled')).toBe(1);
  });

  it('declining an offer twice: one audit row, then 409; the offer stays declined', async () => {
    const { requestId } = await openRequest();
    const helper = await createEligibleHelper(ctx.deps);
    const offered = await staff.json('POST', `/api/v1/requests/${requestId}/offers`, {
      helperIds: [helper.member.id],
    });
    expect(offered.status).toBe(201);
    const { offers } = (await offered.json()) as { offers: { id: string }[] };
    const client = await TestClient.signedInAs(ctx, helper.user);
    const decline = () => client.json('POST', `/api/v1/offers/${offers[0]!.id}/decline`, {});
    expect((await decline()).status).toBe(200);
    expect((await decline()).status).toBe(409);
    expect(await audits('offer_declined')).toBe(1);
    const offer = await ctx.deps.db
      .selectFrom('offer')
      .select('status')
      .where('id', '=', offers[0]!.id)
      .executeTakeFirstOrThrow();
    expect(offer.status).toBe('declined');
  });

  it('offers sent on a request cancelled meanwhile: 409, no offer and no audit row', async () => {
    const { client, requestId } = await openRequest();
    const helper = await createEligibleHelper(ctx.deps);
    // The adviser's page loaded the request while it was open; the family cancels before sending.
    const stale = (await findRequestById(ctx.deps.db, requestId))!;
    const cancelled = await client.json('POST', `/api/v1/requests/${requestId}/cancel`, {
      reason: '予定が変わったため',
    });
    expect(cancelled.status).toBe(200);
    const adviser = await createUser(ctx.deps, { role: 'staff' });
    await expect(
      createOffers(ctx.deps, { ...adviser, locale: null }, stale, [helper.member.id]),
    ).rejects.toMatchObject({ status: 409 });
    expect(await audits('offers_sent')).toBe(0);
    expect(await ctx.deps.db.selectFrom('offer').select('id').execute()).toEqual([]);
  });

  it('a cancellation withdraws the live offers, a refused one touches none', async () => {
    const { client, requestId } = await openRequest();
    const helper = await createEligibleHelper(ctx.deps);
    expect(
      (
        await staff.json('POST', `/api/v1/requests/${requestId}/offers`, {
          helperIds: [helper.member.id],
        })
      ).status,
    ).toBe(201);
    const cancel = () =>
      client.json('POST', `/api/v1/requests/${requestId}/cancel`, { reason: '予定が変わったため' });
    expect((await cancel()).status).toBe(200);
    const statuses = await ctx.deps.db
      .selectFrom('offer')
      .select('status')
      .where('request_id', '=', requestId)
      .execute();
    expect(statuses).toEqual([{ status: 'withdrawn' }]);
    expect((await cancel()).status).toBe(409);
    expect(await audits('request_cancelled')).toBe(1);
  });
});

describe('malformed bodies are the client’s mistake (400), never a 500', () => {
  it('a multipart form without its boundary, or with a broken one', async () => {
    for (const [type, body] of [
      ['multipart/form-data', 'a=1'],
      ['multipart/form-data; boundary=x', '--x\r\nnot a part'],
    ] as const) {
      const res = await staff.request('/directory', {
        method: 'POST',
        headers: { 'content-type': type, origin: 'http://localhost' },
        body,
      });
      expect(res.status).toBe(400);
      expect(await res.text()).not.toMatch(/TypeError|at .*:\d+:\d+/);
    }
    expect(await ctx.deps.db.selectFrom('local_group').select('id').execute()).toEqual([]);
  });

  it('unknown JSON fields named like Object.prototype members', async () => {
    const res = await staff.request('/api/v1/directory', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"こども食堂","kind":"food","area":"chuo","constructor":1,"toString":"x","__proto__":{"a":1}}',
    });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as {
      error: { code: string; fields: Record<string, string[]> };
    };
    expect(error.code).toBe('unknown_fields');
    expect(Object.keys(error.fields).sort()).toEqual(['__proto__', 'constructor', 'toString']);
  });
});
