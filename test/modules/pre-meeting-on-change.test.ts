import { beforeEach, describe, expect, it } from 'vitest';
import { createChild, createEligibleHelper, createMember } from '../helpers/factories.js';
import {
  createUser,
  ORIGIN,
  setupTestApp,
  TestClient,
  type TestContext,
} from '../helpers/test-app.js';

// Issue #19 pt 3: the pre-meeting is required again when the kind of help changes (category or
// care location), not only each fiscal year. Saturday 2026-11-21 10:00 JST (DEFAULT_NOW).
let ctx: TestContext;
let staff: TestClient;
let staffEn: TestClient;
beforeEach(async () => {
  ctx = await setupTestApp();
  staff = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'staff' }));
  staffEn = await TestClient.signedInAs(
    ctx,
    await createUser(ctx.deps, { role: 'staff', locale: 'en' }),
  );
});

const at = (date: string, start: string, end: string) => ({
  startsAt: `${date}T${start}:00+09:00`,
  endsAt: `${date}T${end}:00+09:00`,
});

function postForm(client: TestClient, path: string, fields: [string, string][]) {
  return client.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
    body: new URLSearchParams(fields).toString(),
  });
}

function section(html: string, id: string): string {
  const start = html.indexOf(`aria-labelledby="${id}"`);
  expect(start, `section ${id}`).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</section>', start));
}

async function pair() {
  const parent = await createMember(ctx.deps, { kind: 'requester', area: 'chuo' });
  const child = await createChild(ctx.deps, parent.member.id, { birthDate: '2021-05-10' });
  const helper = await createEligibleHelper(ctx.deps);
  return { parent, child, helper };
}
type Pair = Awaited<ReturnType<typeof pair>>;

/** A request of the pair, assigned to its helper (matched). */
async function matchedRequest(
  p: Pair,
  when: { startsAt: string; endsAt: string },
  category: number,
  careLocation: 'helper_home' | 'requester_home' | 'other' = 'helper_home',
) {
  const res = await staff.json('POST', '/api/v1/requests', {
    requesterId: p.parent.member.id,
    childIds: [p.child.id],
    category,
    careLocation,
    ...when,
  });
  expect(res.status).toBe(201);
  const id = ((await res.json()) as { request: { id: string } }).request.id;
  const assigned = await postForm(staff, `/coordination/requests/${id}/assign`, [
    ['helperId', p.helper.member.id],
  ]);
  expect(assigned.status).toBe(303);
  return id;
}

function recordFor(requestId: string, heldOn = '2026-11-20') {
  return postForm(staff, `/coordination/requests/${requestId}/pre-meeting`, [
    ['heldOn', heldOn],
    ['place', 'センター相談室'],
    ['attendees', '依頼会員、提供会員'],
    ['emergencyProcedure', '母の携帯へ'],
    ['agreedDetails', ''],
    ['notes', ''],
  ]);
}

const page = async (client: TestClient, id: string) =>
  (await client.get(`/coordination/requests/${id}`)).text();

async function requesterSees(p: Pair, id: string) {
  const client = await TestClient.signedInAs(ctx, p.parent.user);
  const res = await client.json('GET', `/api/v1/requests/${id}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { preMeetingRequired: boolean }).preMeetingRequired;
}

describe('a new pre-meeting when the kind of help changes', () => {
  it('records the kind it covered, asks again for another category with the reason, and a meeting for it clears it', async () => {
    const p = await pair();
    const shopping = await matchedRequest(p, at('2026-11-25', '13:00', '16:00'), 8);
    expect((await recordFor(shopping)).status).toBe(303);
    expect(
      await ctx.deps.db
        .selectFrom('pre_meeting')
        .select(['category', 'care_location', 'fiscal_year'])
        .execute(),
    ).toEqual([{ category: 8, care_location: 'helper_home', fiscal_year: 2026 }]);
    expect(await page(staff, shopping)).not.toContain('id="pre-meeting-required"');

    // Help while the mother works (category 9): a new kind of help, so a new pre-meeting.
    const work = await matchedRequest(p, at('2026-11-27', '09:00', '12:00'), 9);
    const html = await page(staff, work);
    expect(html).toContain('id="pre-meeting-required"');
    expect(html).toContain('援助内容が変わったため');
    expect(await page(staffEn, work)).toContain('Needed again: the kind of help changed');
    expect(await requesterSees(p, work)).toBe(true);
    expect(await requesterSees(p, shopping)).toBe(false);

    const list = section(
      await (await staff.get('/coordination/pre-meetings')).text(),
      'needed-title',
    );
    expect(list).toContain(`href="/coordination/requests/${work}#matched-title"`);
    expect(list).toContain('援助内容が変わったため');
    expect(list).not.toContain(`href="/coordination/requests/${shopping}#matched-title"`);

    // The pre-meeting for work help covers it; the shopping one still stands too.
    expect((await recordFor(work, '2026-11-21')).status).toBe(303);
    expect(await page(staff, work)).not.toContain('id="pre-meeting-required"');
    expect(await page(staff, shopping)).not.toContain('id="pre-meeting-required"');
    expect(await requesterSees(p, work)).toBe(false);
    expect(
      section(await (await staff.get('/coordination/pre-meetings')).text(), 'needed-title'),
    ).not.toContain(p.parent.member.name);
  });

  it('asks again when the care moves to the family home', async () => {
    const p = await pair();
    expect(
      (await recordFor(await matchedRequest(p, at('2026-11-25', '13:00', '16:00'), 8))).status,
    ).toBe(303);
    const atHome = await matchedRequest(p, at('2026-11-28', '13:00', '16:00'), 8, 'requester_home');
    const html = await page(staff, atHome);
    expect(html).toContain('id="pre-meeting-required"');
    expect(html).toContain('預かり場所が変わったため');
    expect(await page(staffEn, atHome)).toContain('Needed again: the care location changed');
    expect(await requesterSees(p, atHome)).toBe(true);

    // Recorded through the API without a request: it covers the pair's next matched request,
    // here the one at the family home (the 25th is past by then).
    ctx.clock.set(new Date('2026-11-26T01:00:00.000Z'));
    const later = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'staff' }));
    const res = await later.json('POST', '/api/v1/pre-meetings', {
      requesterId: p.parent.member.id,
      helperId: p.helper.member.id,
      heldOn: '2026-11-26',
      place: '依頼会員の自宅',
      attendees: '依頼会員、提供会員',
      emergencyProcedure: '母の携帯へ',
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect(
      await ctx.deps.db
        .selectFrom('pre_meeting')
        .select(['category', 'care_location'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ category: 8, care_location: 'requester_home' });
    expect(await page(later, atHome)).not.toContain('id="pre-meeting-required"');
  });

  it('asks again in a new fiscal year; a meeting kept before kinds were recorded covers any kind of its year', async () => {
    const p = await pair();
    const id = await matchedRequest(p, at('2026-11-25', '13:00', '16:00'), 8);
    const insert = (fiscalYear: number, heldOn: string) =>
      ctx.deps.db
        .insertInto('pre_meeting')
        .values({
          id: `pm-${fiscalYear}`,
          requester_member_id: p.parent.member.id,
          helper_member_id: p.helper.member.id,
          held_on: heldOn,
          fiscal_year: fiscalYear,
          place: 'センター',
          attendees: '依頼会員、提供会員',
          emergency_procedure: '母の携帯へ',
          agreed_details: null,
          notes: null,
          recorded_by_user_id: 'staff',
          created_at: `${heldOn}T01:00:00.000Z`,
          category: null,
          care_location: null,
        })
        .execute();
    await insert(2025, '2025-06-01');
    const html = await page(staff, id);
    expect(html).toContain('id="pre-meeting-required"');
    expect(html).toContain('年度が変わったため');
    expect(await page(staffEn, id)).toContain('Needed again: a new fiscal year began');

    await insert(2026, '2026-04-10');
    expect(await page(staff, id)).not.toContain('id="pre-meeting-required"');
    expect(await requesterSees(p, id)).toBe(false);
  });

  it("shows the reason on the board's activities of today", async () => {
    const p = await pair();
    expect(
      (await recordFor(await matchedRequest(p, at('2026-11-25', '13:00', '16:00'), 8))).status,
    ).toBe(303);
    await matchedRequest(p, at('2026-11-21', '14:00', '16:00'), 6);
    const today = section(await (await staff.get('/board')).text(), 'today-title');
    expect(today).toContain('事前打ち合わせ未実施');
    expect(today).toContain('援助内容が変わったため');
    const todayEn = section(await (await staffEn.get('/board')).text(), 'today-title');
    expect(todayEn).toContain('Needed again: the kind of help changed');
  });
});
