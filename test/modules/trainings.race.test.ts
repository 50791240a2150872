/**
 * Races on the last seats (QUALITY.md #5): many helpers enrolling at once never over-fill a
 * session, and cancellations at once promote exactly as many as they free. Runs on
 * better-sqlite3 and on D1 (workerd).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createMember } from '../helpers/factories.js';
import { createUser, setupTestApp, TestClient, type TestContext } from '../helpers/test-app.js';

const HELPERS = 20;
const CAPACITY = 5;
const ROUNDS = 3;

let ctx: TestContext;
let staff: TestClient;
let helpers: { memberId: string; client: TestClient }[];
let moduleIds: string[];

beforeEach(async () => {
  ctx = await setupTestApp();
  const admin = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'admin' }));
  staff = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'staff' }));
  const loaded = (await (
    await admin.json('POST', '/api/v1/training-modules/load-defaults', {})
  ).json()) as { items: { id: string; code: string }[] };
  moduleIds = loaded.items.filter((m) => m.code === 'cpr').map((m) => m.id);
  helpers = [];
  for (let i = 0; i < HELPERS; i++) {
    const { user, member } = await createMember(ctx.deps, { kind: 'helper' });
    helpers.push({ memberId: member.id, client: await TestClient.signedInAs(ctx, user) });
  }
});

async function newSession(capacity: number, day: number): Promise<string> {
  const date = `2026-12-${String(day).padStart(2, '0')}`;
  const res = await staff.json('POST', '/api/v1/training-sessions', {
    moduleIds,
    startsAt: `${date}T13:30:00+09:00`,
    endsAt: `${date}T16:30:00+09:00`,
    venue: '消防署 講堂',
    capacity,
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function liveEnrollments(sessionId: string) {
  return ctx.deps.db
    .selectFrom('training_enrollment')
    .select(['member_id', 'status', 'position'])
    .where('session_id', '=', sessionId)
    .where('status', '<>', 'cancelled')
    .orderBy('position')
    .execute();
}

describe(`concurrent enrolment (${HELPERS} helpers, ${CAPACITY} seats, ${ROUNDS} rounds)`, () => {
  it('enrols exactly `capacity` and waitlists the rest, every round', async () => {
    for (let round = 1; round <= ROUNDS; round++) {
      const sessionId = await newSession(CAPACITY, round);
      const responses = await Promise.all(
        helpers.map((h) =>
          h.client.json('POST', `/api/v1/training-sessions/${sessionId}/enrollments`, {}),
        ),
      );
      expect(responses.map((r) => r.status)).toEqual(Array(HELPERS).fill(201));
      const bodies = (await Promise.all(responses.map((r) => r.json()))) as {
        status: string;
        waitlistPosition: number | null;
      }[];
      expect(bodies.filter((b) => b.status === 'enrolled')).toHaveLength(CAPACITY);
      expect(bodies.filter((b) => b.status === 'waitlisted')).toHaveLength(HELPERS - CAPACITY);

      const rows = await liveEnrollments(sessionId);
      expect(rows.filter((r) => r.status === 'enrolled')).toHaveLength(CAPACITY);
      expect(new Set(rows.map((r) => r.member_id)).size).toBe(HELPERS);
      // Positions are a gap-free sequence, and the seats went to the first five to arrive.
      expect(rows.map((r) => r.position)).toEqual(Array.from({ length: HELPERS }, (_, i) => i + 1));
      expect(rows.slice(0, CAPACITY).every((r) => r.status === 'enrolled')).toBe(true);
    }
  });

  it('fills a single last seat with exactly one of many', async () => {
    const sessionId = await newSession(1, 10);
    const results = await Promise.all(
      helpers.map((h) =>
        h.client
          .json('POST', `/api/v1/training-sessions/${sessionId}/enrollments`, {})
          .then((r) => r.json() as Promise<{ status: string }>),
      ),
    );
    expect(results.filter((r) => r.status === 'enrolled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'waitlisted')).toHaveLength(HELPERS - 1);
  });

  it('promotes exactly as many as cancel at once, never over-filling', async () => {
    const sessionId = await newSession(CAPACITY, 20);
    for (const h of helpers) {
      await h.client.json('POST', `/api/v1/training-sessions/${sessionId}/enrollments`, {});
    }
    const before = await liveEnrollments(sessionId);
    const seated = before.filter((r) => r.status === 'enrolled').map((r) => r.member_id);
    const firstWaiting = before
      .filter((r) => r.status === 'waitlisted')
      .slice(0, 3)
      .map((r) => r.member_id);
    // Three seated helpers cancel at the same moment as two waiting helpers re-try to enrol.
    const cancelling = helpers.filter((h) => seated.slice(0, 3).includes(h.memberId));
    const retrying = helpers.filter((h) => !seated.includes(h.memberId)).slice(5, 7);
    const responses = await Promise.all([
      ...cancelling.map((h) =>
        h.client.json('POST', `/api/v1/training-sessions/${sessionId}/enrollments/cancel`, {}),
      ),
      ...retrying.map((h) =>
        h.client.json('POST', `/api/v1/training-sessions/${sessionId}/enrollments`, {}),
      ),
    ]);
    expect(responses.slice(0, 3).map((r) => r.status)).toEqual([200, 200, 200]);
    expect(responses.slice(3).map((r) => r.status)).toEqual([409, 409]);

    const after = await liveEnrollments(sessionId);
    const enrolled = after.filter((r) => r.status === 'enrolled').map((r) => r.member_id);
    expect(enrolled).toHaveLength(CAPACITY);
    // The three who waited longest got the three seats.
    for (const id of firstWaiting) expect(enrolled).toContain(id);
    expect(after).toHaveLength(HELPERS - 3);
  });
});
