import { beforeEach, describe, expect, it } from 'vitest';
import type { ActivityStatus, IncidentSeverity, RequestStatus } from '../../db/schema.js';
import { newId } from '../../src/lib/ids.js';
import {
  createChild,
  createMember,
  ensureCurriculum,
  qualifyHelper,
} from '../helpers/factories.js';
import { createUser, setupTestApp, TestClient, type TestContext } from '../helpers/test-app.js';

// The staff dashboard (the staff home page): each count is proven against a fixture whose
// numbers are written out by hand below, and each tile links to the page where staff act.
let ctx: TestContext;
let staff: TestClient;

beforeEach(async () => {
  // Now: Saturday 21 November 2026, 10:00 JST.
  ctx = await setupTestApp();
  staff = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'staff' }));
});

const iso = (date: string, time: string) => new Date(`${date}T${time}:00+09:00`).toISOString();

async function parties() {
  const parent = await createMember(ctx.deps, { kind: 'requester', name: '田中 さくら' });
  const child = await createChild(ctx.deps, parent.member.id);
  const helper = await createMember(ctx.deps, { kind: 'helper', name: '鈴木 恵子' });
  return { parent, child, helper };
}
type Parties = Awaited<ReturnType<typeof parties>>;

async function request(
  p: Parties,
  status: RequestStatus,
  date: string,
  times: [string, string] = ['13:00', '15:00'],
): Promise<string> {
  const id = newId();
  const at = ctx.deps.clock.now().toISOString();
  const matched = status === 'matched' || status === 'completed';
  await ctx.deps.db
    .insertInto('care_request')
    .values({
      id,
      requester_member_id: p.parent.member.id,
      series_id: null,
      category: 2,
      starts_at: iso(date, times[0]),
      ends_at: iso(date, times[1]),
      care_location: 'helper_home',
      care_location_note: null,
      pickup: null,
      dropoff: null,
      notes: null,
      status,
      helper_member_id: matched ? p.helper.member.id : null,
      matched_at: matched ? at : null,
      cancelled_at: status === 'cancelled' ? at : null,
      cancelled_by_user_id: null,
      cancelled_by_role: status === 'cancelled' ? 'requester' : null,
      cancel_kind: status === 'cancelled' ? 'cancel' : null,
      cancel_reason: null,
      cancellation_fee: null,
      created_by_user_id: p.parent.user.id,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

async function activity(p: Parties, requestId: string, status: ActivityStatus, date: string) {
  const id = newId();
  const at = ctx.deps.clock.now().toISOString();
  await ctx.deps.db
    .insertInto('activity')
    .values({
      id,
      request_id: requestId,
      helper_member_id: p.helper.member.id,
      requester_member_id: p.parent.member.id,
      started_at: iso(date, '13:00'),
      ended_at: iso(date, '15:00'),
      place: null,
      transport_cost: 0,
      meal_cost: 0,
      notes: null,
      fee_total: 1600,
      fee_lines: '[]',
      fee_child_totals: '[]',
      fee_table_valid_from: '2026-04-01',
      status,
      dispute_reason: status === 'disputed' ? '時間が違います' : null,
      return_reason: null,
      reported_at: at,
      confirmed_at: null,
      approved_at: status === 'approved' ? at : null,
      approved_by: null,
      version: 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await ctx.deps.db
    .insertInto('activity_category')
    .values({ activity_id: id, category: 2 })
    .execute();
  await ctx.deps.db
    .insertInto('activity_child')
    .values({ activity_id: id, child_id: p.child.id })
    .execute();
  return id;
}

async function incident(
  activityId: string,
  createdBy: string,
  severity: IncidentSeverity,
  reported: boolean,
) {
  await ctx.deps.db
    .insertInto('incident')
    .values({
      id: newId(),
      activity_id: activityId,
      kind: severity === 'minor' ? 'near_miss' : 'accident',
      severity,
      serious_reason: severity === 'serious' ? 'treatment_30_days' : null,
      description: '転倒',
      action_taken: '受診',
      reported_to_prefecture_at: reported ? ctx.deps.clock.now().toISOString() : null,
      created_by: createdBy,
      created_at: ctx.deps.clock.now().toISOString(),
    })
    .execute();
}

/** The count shown on one tile, and where the tile links. */
function tile(html: string, key: string): { count: number; href: string } {
  const m = new RegExp(
    `<a class="dash-tile[^"]*" href="([^"]+)" data-tile="${key}"><span class="dash-tile__count">([\\d,]+)</span>`,
  ).exec(html);
  if (!m) throw new Error(`no tile ${key}`);
  return {
    href: (m[1] ?? '').replace(/&amp;/g, '&'),
    count: Number((m[2] ?? '').replace(/,/g, '')),
  };
}

describe('the staff dashboard', () => {
  it('counts what waits for staff and links each count to the page where they act', async () => {
    const p = await parties();

    // Today's activities: one matched request today; yesterday's and tomorrow's do not count.
    const today = await request(p, 'matched', '2026-11-21', ['13:00', '15:00']);
    await request(p, 'matched', '2026-11-20');
    await request(p, 'matched', '2026-11-22');

    // Live requests (open or offered, not started): tomorrow 09:00 and Monday 08:00 (46 h from
    // now) are urgent, next Friday is not; one that already started and a cancelled one are out.
    await request(p, 'open', '2026-11-22', ['09:00', '11:00']);
    await request(p, 'offered', '2026-11-23', ['08:00', '10:00']);
    await request(p, 'open', '2026-11-27');
    await request(p, 'open', '2026-11-21', ['09:00', '11:00']);
    await request(p, 'cancelled', '2026-11-22');

    // Member applications: a requester applying, a member whose helper side is still applied,
    // a member applying for both sides (counted once); active members are not counted.
    await createMember(ctx.deps, { kind: 'requester', requesterStatus: 'applied' });
    await createMember(ctx.deps, { kind: 'both', helperStatus: 'applied' });
    await createMember(ctx.deps, {
      kind: 'both',
      requesterStatus: 'applied',
      helperStatus: 'applied',
    });

    // Activity reports: confirmed and disputed wait for staff (2); reported waits for the parent
    // (1); approved and returned are not counted. All in November, so not missing.
    const reportedOn = ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06'];
    const statuses: ActivityStatus[] = [
      'confirmed',
      'disputed',
      'reported',
      'approved',
      'returned',
    ];
    const activityIds: string[] = [];
    for (const [i, status] of statuses.entries()) {
      const date = reportedOn[i]!;
      activityIds.push(await activity(p, await request(p, 'matched', date), status, date));
    }

    // Missing reports (due by the 10th of the next month): October 20th's matched request with
    // no report is overdue; November 12th's is not due yet; October 15th's has a report.
    await request(p, 'matched', '2026-10-20');
    await request(p, 'matched', '2026-11-12');
    const reportedInOctober = await request(p, 'matched', '2026-10-15');
    await activity(p, reportedInOctober, 'approved', '2026-10-15');

    // Serious accidents not reported onward: one (a reported one and a minor one do not count).
    await incident(activityIds[3]!, p.helper.user.id, 'serious', false);
    await incident(activityIds[3]!, p.helper.user.id, 'serious', true);
    await incident(activityIds[3]!, p.helper.user.id, 'minor', false);

    // A certificate waiting for review.
    const modules = await ensureCurriculum(ctx.deps);
    const cpr = modules.find((m) => m.code === 'cpr')!;
    await ctx.deps.db
      .insertInto('training_record')
      .values({
        id: newId(),
        member_id: p.helper.member.id,
        module_id: cpr.id,
        completed_on: '2026-11-01',
        source: 'external',
        session_id: null,
        evidence_note: '救命講習修了証',
        status: 'pending',
        recorded_by: null,
        reviewed_by: null,
        reviewed_at: null,
        review_note: null,
        created_at: ctx.deps.clock.now().toISOString(),
      })
      .execute();

    // CPR (36 months) taken 2023-12-10 is valid through 2026-12-09: within 60 days. Taken
    // 2024-03-01 (through 2027-02-28) is not; taken 2023-11-01 (through 2026-10-31) has expired.
    const expiring = await createMember(ctx.deps, { kind: 'helper', name: '山田 花子' });
    await qualifyHelper(ctx.deps, expiring.member.id, { completedOn: '2023-12-10' });
    const later = await createMember(ctx.deps, { kind: 'helper', name: '佐藤 次郎' });
    await qualifyHelper(ctx.deps, later.member.id, { completedOn: '2024-03-01' });
    const expired = await createMember(ctx.deps, { kind: 'helper', name: '高橋 三郎' });
    await qualifyHelper(ctx.deps, expired.member.id, { completedOn: '2023-11-01' });

    const res = await staff.get('/');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(tile(html, 'urgent')).toEqual({ count: 2, href: '/board' });
    expect(tile(html, 'applications')).toEqual({ count: 3, href: '/members?status=applied' });
    expect(tile(html, 'reports')).toEqual({ count: 2, href: '/activities' });
    expect(html).toContain('ほかに保護者の確認待ち 1件');
    expect(tile(html, 'certificates')).toEqual({ count: 1, href: '/training/records/pending' });
    expect(tile(html, 'missing')).toEqual({ count: 1, href: '/activities/missing' });
    expect(tile(html, 'expiring')).toEqual({
      count: 1,
      href: '/training/helpers?status=expiring',
    });
    expect(tile(html, 'incidents')).toEqual({ count: 1, href: '/incidents' });
    // Words, not only a border: tiles with something to do say so.
    expect(html.match(/dash-tile__flag">要対応</g)).toHaveLength(7);

    // Today's list: the one activity, linked to its request page.
    expect(html).toContain('今日の活動（1件）');
    expect(html).toContain(`href="/coordination/requests/${today}"`);
    expect(html).toContain('援助者を探している依頼は3件、うち48時間以内に始まるものが2件です。');
    // The expiring helper, with the last valid day.
    expect(html).toMatch(
      /href="\/training\/helpers\/[^"]+"><span class="dash-item__when">2026年12月9日\(水\)<\/span> 山田 花子/,
    );
    expect(html).not.toContain('佐藤 次郎');
    expect(html).not.toContain('高橋 三郎');

    // The same numbers as the pages the tiles lead to.
    const missingPage = await (await staff.get('/activities/missing')).text();
    expect(missingPage).toContain('<p role="status">1件あります。</p>');
    const helpersPage = await (await staff.get('/training/helpers?status=expiring')).text();
    expect(helpersPage).toContain('山田 花子');
    expect(helpersPage).not.toContain('佐藤 次郎');

    // This month's figures (November 2026): approved activities in November: one (the 5th).
    expect(html).toMatch(/<dt>活動件数<\/dt><dd>1<\/dd>/);
    expect(html).toContain('href="/staff/reports/monthly?month=2026-11"');
  });

  it('is calm when there is nothing to do, and members keep their own home page', async () => {
    const html = await (await staff.get('/')).text();
    expect(html).toContain('今日予定されている活動はありません。');
    expect(tile(html, 'urgent').count).toBe(0);
    expect(html).not.toContain('dash-tile__flag');
    // The greeting stays the heading (sign-in journeys rely on it).
    expect(html).toMatch(/<h1>テスト staff \d+さん、こんにちは。<\/h1>/);

    const member = await createMember(ctx.deps, { kind: 'requester' });
    const memberHome = await (await TestClient.signedInAs(ctx, member.user)).get('/');
    const memberHtml = await memberHome.text();
    expect(memberHome.status).toBe(200);
    expect(memberHtml).not.toContain('data-tile=');
    expect(memberHtml).not.toContain('/staff/reports/');
  });

  it('is in English for English staff', async () => {
    const english = await TestClient.signedInAs(
      ctx,
      await createUser(ctx.deps, { role: 'admin', locale: 'en' }),
    );
    const html = await (await english.get('/')).text();
    expect(html).toContain('Needs attention');
    expect(html).toContain('Key figures for November 2026');
    expect(html).toContain('No activities are planned today.');
  });
});
