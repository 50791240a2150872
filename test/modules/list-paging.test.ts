import { beforeEach, describe, expect, it } from 'vitest';
import { createChild, createMember } from '../helpers/factories.js';
import { createUser, setupTestApp, TestClient, type TestContext } from '../helpers/test-app.js';

// The request list pages on care_request alone and joins members only for the page
// (issue #9): order, ties, totals and the member scope must be what the API promises.
let ctx: TestContext;
let staff: TestClient;
beforeEach(async () => {
  ctx = await setupTestApp();
  staff = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'staff' }));
});

async function family() {
  const parent = await createMember(ctx.deps, { kind: 'requester', area: 'chuo' });
  const child = await createChild(ctx.deps, parent.member.id, { birthDate: '2021-05-10' });
  return { ...parent, child, client: await TestClient.signedInAs(ctx, parent.user) };
}

async function newRequest(f: Awaited<ReturnType<typeof family>>, start: string, end: string) {
  const res = await f.client.json('POST', '/api/v1/requests', {
    childIds: [f.child.id],
    category: 8,
    startsAt: `2026-11-25T${start}:00+09:00`,
    endsAt: `2026-11-25T${end}:00+09:00`,
    careLocation: 'helper_home',
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { request: { id: string } }).request.id;
}

type Page = { items: { id: string; requesterName?: string }[]; total: number };
const page = async (client: TestClient, path: string) => {
  const res = await client.get(path);
  expect(res.status).toBe(200);
  return (await res.json()) as Page;
};

describe('request list paging', () => {
  it('pages by start then id across ties, with the total of the whole filter', async () => {
    const [a, b, c] = [await family(), await family(), await family()];
    const aNine = await newRequest(a, '09:00', '11:00');
    const bNine = await newRequest(b, '09:00', '11:00');
    const aOne = await newRequest(a, '13:00', '15:00');
    const bOne = await newRequest(b, '13:00', '15:00');
    const cOne = await newRequest(c, '13:00', '15:00');
    // Expected order by hand: the 09:00 pair by id, then the 13:00 three by id.
    const expected = [...[aNine, bNine].sort(), ...[aOne, bOne, cOne].sort()];

    const seen: string[] = [];
    for (const n of [1, 2, 3]) {
      const p = await page(staff, `/api/v1/requests?status=open&pageSize=2&page=${n}`);
      expect(p.total).toBe(5);
      expect(p.items.length).toBe(n === 3 ? 1 : 2);
      seen.push(...p.items.map((i) => i.id));
    }
    expect(seen).toEqual(expected);

    const beyond = await page(staff, '/api/v1/requests?pageSize=2&page=4');
    expect(beyond).toMatchObject({ items: [], total: 5 });
    expect((await page(staff, '/api/v1/requests?status=matched')).total).toBe(0);

    // A parent sees only their own two requests, counted without the others'.
    const own = await page(a.client, '/api/v1/requests?pageSize=1&page=2');
    expect(own.total).toBe(2);
    expect(own.items.map((i) => i.id)).toEqual([aOne]);
  });
});
