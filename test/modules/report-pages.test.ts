import { beforeEach, describe, expect, it } from 'vitest';
import {
  createChild,
  createMember,
  insertActivityRow,
  insertRequestRow,
} from '../helpers/factories.js';
import { createUser, setupTestApp, TestClient, type TestContext } from '../helpers/test-app.js';

// The report pages (月報, 年度報告): every section, the charts with their text alternatives, the
// previous-year comparison, the links, and 400/403. The figures themselves are proven in
// reports.test.ts; here a small hand-made fixture shows that the pages carry them.
let ctx: TestContext;
let staff: TestClient;

beforeEach(async () => {
  // 10:00 JST on Saturday 21 November 2026: the last complete month is October 2026.
  ctx = await setupTestApp();
  staff = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'staff' }));
});

const iso = (date: string, time: string) => new Date(`${date}T${time}:00+09:00`).toISOString();

/** One approved activity (and its matched request), inserted directly. */
async function approvedActivity(
  parties: { requesterId: string; helperId: string; childId: string },
  start: [string, string],
  end: [string, string],
  category: number,
  fee: number,
) {
  const at = ctx.deps.clock.now().toISOString();
  const ids = { requester_member_id: parties.requesterId, helper_member_id: parties.helperId };
  const requestId = await insertRequestRow(ctx.deps, {
    ...ids,
    category,
    starts_at: iso(...start),
    ends_at: iso(...end),
    matched_at: iso(start[0], '00:00'),
    created_by_user_id: parties.requesterId,
    created_at: iso(start[0], '00:00'),
    updated_at: at,
  });
  const activityId = await insertActivityRow(ctx.deps, {
    ...ids,
    request_id: requestId,
    started_at: iso(...start),
    ended_at: iso(...end),
    fee_total: fee,
    fee_table_valid_from: '2026-04-01',
    reported_at: at,
    confirmed_at: at,
    approved_at: at,
    created_at: at,
    updated_at: at,
  });
  await ctx.deps.db
    .insertInto('activity_category')
    .values({ activity_id: activityId, category })
    .execute();
  await ctx.deps.db
    .insertInto('activity_child')
    .values({ activity_id: activityId, child_id: parties.childId })
    .execute();
}

/**
 * October 2026: two activities (2 h of category 1 on the 5th; the sick-child one starting 23:59
 * on the 31st, 1 h); November 1st: one (not October); October 2025: one (the previous year).
 */
async function fixture() {
  const parent = await createMember(ctx.deps, { kind: 'requester', name: '田中 さくら' });
  const child = await createChild(ctx.deps, parent.member.id, { birthDate: '2022-06-01' });
  const helper = await createMember(ctx.deps, { kind: 'helper', name: '鈴木 恵子' });
  const parties = { requesterId: parent.member.id, helperId: helper.member.id, childId: child.id };
  await approvedActivity(parties, ['2026-10-05', '10:00'], ['2026-10-05', '12:00'], 1, 1600);
  await approvedActivity(parties, ['2026-10-31', '23:59'], ['2026-11-01', '00:59'], 10, 2000);
  await approvedActivity(parties, ['2026-11-01', '00:30'], ['2026-11-01', '01:30'], 8, 1800);
  await approvedActivity(parties, ['2025-10-10', '09:00'], ['2025-10-10', '10:00'], 1, 1600);
  return { parent, helper };
}

/** The text of the table row whose header cell is `label` (tags stripped, cells joined by |). */
function row(html: string, label: string): string {
  const match = new RegExp(`<tr[^>]*><th scope="row">${label}</th>(.*?)</tr>`).exec(html);
  if (!match) throw new Error(`no row ${label}`);
  return (match[1] ?? '')
    .replace(/<\/td><td[^>]*>/g, '|')
    .replace(/<[^>]+>/g, '')
    .trim();
}

/** The HTML of one element with this id up to its closing tag (figures are not nested). */
function figure(html: string, id: string): string {
  const start = html.indexOf(`<figure class="chart" id="${id}"`);
  if (start < 0) throw new Error(`no figure ${id}`);
  return html.slice(start, html.indexOf('</figure>', start));
}

describe('the monthly report page', () => {
  it('shows the last complete month by default, with every section, the comparison and the links', async () => {
    await fixture();
    const res = await staff.get('/staff/reports/monthly');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1>月報 2026年10月</h1>');
    // Sections of DOMAIN.md's monthly report.
    for (const heading of [
      '前年同期との比較',
      '会員',
      '子どもの数（年齢区分別・期末）',
      '援助の申し込み',
      '援助活動',
      '援助活動（活動内容別）',
      '援助活動（時間帯別）',
      '援助活動（子どもの年齢区分別・延べ）',
      '報酬',
      '講習会',
      'ヒヤリハット・事故',
      '提供会員別',
      '依頼会員別',
    ])
      expect(html).toContain(`>${heading}</h`);
    // October 2026 against October 2025: 2 activities against 1, 3 hours against 1.
    expect(row(html, '活動件数')).toBe('2|1|+1');
    expect(row(html, '活動時間（時間）')).toBe('3|1|+2');
    expect(row(html, '報酬合計（円）')).toBe('3,600|1,600|+2,000');
    // The 23:59 activity on the 31st is October's sick-child care (none in October 2025).
    expect(row(html, '病児・病後児の預かり（件数）')).toBe('1|0|+1');
    expect(row(html, '10 病児・病後児の預かり')).toBe('1|1|2,000');
    // The per-helper summary lists the helper with October's two activities and 3 hours.
    expect(row(html, '鈴木 恵子')).toMatch(/^\d{5}\|2\|3\|3,600\|0\|1$/);
    // Links: the CSV (A's endpoint, same query), both neighbours, the fiscal year; print button.
    expect(html).toContain('href="/api/v1/reports/monthly.csv?month=2026-10"');
    expect(html).toContain('href="/staff/reports/monthly?month=2026-09"');
    expect(html).toContain('href="/staff/reports/monthly?month=2026-11"');
    expect(html).toContain('href="/staff/reports/annual?fiscalYear=2026"');
    expect(html).toMatch(
      /<button type="button" class="button button--primary" data-print="true" hidden="">印刷する<\/button>/,
    );
    expect(html).toContain('<script src="/assets/print.js" defer=""></script>');
    expect(html).toMatch(/<input id="report-month" type="month" name="month" value="2026-10"/);
  });

  it('draws the charts as SVG images with a title, a description and the same numbers in a table', async () => {
    await fixture();
    const html = await (await staff.get('/staff/reports/monthly?month=2026-10')).text();
    const categories = figure(html, 'chart-categories');
    expect(categories).toContain('<svg class="chart__svg" viewBox="0 0 300 ');
    expect(categories).toContain(
      'role="img" aria-labelledby="chart-categories-title chart-categories-desc"',
    );
    expect(categories).toContain('<title id="chart-categories-title">活動内容別の件数</title>');
    expect(categories).toContain(
      '<desc id="chart-categories-desc">横棒グラフ。最も多いのは「1 保育施設等までの送迎」で1件です。</desc>',
    );
    expect(row(categories, '10 病児・病後児の預かり')).toBe('1');
    expect(row(categories, '8 買い物等外出・リフレッシュ時の預かり')).toBe('0');
    // Twelve bars per series; the month table: October 2 (this year) and 1 (last year),
    // November 1 and 0.
    const months = figure(html, 'chart-months');
    expect(months).toContain('<summary>グラフの数値を表で見る</summary>');
    expect(months).toContain('月別の活動件数（2026年度と前年度）');
    expect(row(months, '2026年10月')).toBe('2|1');
    expect(row(months, '2026年11月')).toBe('1|0');
    expect(row(months, '2026年4月')).toBe('0|0');
    // Months still to come have no figure yet: a dash, not a zero.
    expect(row(months, '2026年12月')).toBe('—|0');
    expect(months.match(/<rect /g)?.length).toBe(24 + 2); // two legend swatches
    expect(months).toContain(
      '<desc id="chart-months-desc">棒グラフ。2026年度の活動は合計3件、2025年度は合計1件です。</desc>',
    );
  });

  it('answers an invalid month with a 400 page in the reader’s language', async () => {
    for (const month of ['2026-13', 'abc', '2026-1', '1999-12']) {
      const res = await staff.get(`/staff/reports/monthly?month=${month}`);
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('月は YYYY-MM の形式で指定してください（例: 2026-04）。');
    }
    const english = await TestClient.signedInAs(
      ctx,
      await createUser(ctx.deps, { role: 'staff', locale: 'en' }),
    );
    const res = await english.get('/staff/reports/monthly?month=2026-00');
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('<html lang="en">');
    expect(html).not.toContain('YYYY-MM の形式');
  });

  it('is for staff only: members get 403, visitors are sent to sign in', async () => {
    const { parent, helper } = await fixture();
    for (const user of [parent.user, helper.user]) {
      const client = await TestClient.signedInAs(ctx, user);
      expect((await client.get('/staff/reports/monthly?month=2026-10')).status).toBe(403);
      expect((await client.get('/staff/reports/annual?fiscalYear=2026')).status).toBe(403);
      expect(await (await client.get('/')).text()).not.toContain('href="/staff/reports/monthly"');
    }
    const anonymous = await new TestClient(ctx).get('/staff/reports/monthly');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/login?next=%2Fstaff%2Freports%2Fmonthly');
    // Staff find it in the menu.
    const menu = await (await staff.get('/')).text();
    expect(menu).toMatch(
      /<nav class="site-nav"[\s\S]*href="\/staff\/reports\/monthly"[\s\S]*<\/nav>/,
    );
  });

  it('is in English for English readers', async () => {
    await fixture();
    const english = await TestClient.signedInAs(
      ctx,
      await createUser(ctx.deps, { role: 'staff', locale: 'en' }),
    );
    const html = await (await english.get('/staff/reports/monthly?month=2026-10')).text();
    expect(html).toContain('<h1>Monthly report: October 2026</h1>');
    expect(html).toContain('Download CSV (for Excel)');
    expect(row(figure(html, 'chart-months'), 'October 2026')).toBe('2|1');
  });
});

describe('the fiscal-year report page', () => {
  it('shows the year, the comparison with the year before and three charts', async () => {
    await fixture();
    const res = await staff.get('/staff/reports/annual?fiscalYear=2026');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1>2026年度 年度報告</h1>');
    expect(html).toContain('対象期間：2026年4月1日(水)〜2027年3月31日(水)');
    // FY2026 so far: 3 activities (Oct ×2, Nov ×1), 4 hours; FY2025: 1 activity, 1 hour.
    expect(row(html, '活動件数')).toBe('3|1|+2');
    expect(row(html, '活動時間（時間）')).toBe('4|1|+3');
    expect(html).toContain('href="/api/v1/reports/annual.csv?fiscalYear=2026"');
    expect(html).toMatch(/<option value="2026" selected="">2026年度<\/option>/);
    for (const id of ['chart-months', 'chart-members', 'chart-categories'])
      expect(figure(html, id)).toContain(`aria-labelledby="${id}-title ${id}-desc"`);
    // The member trend: the members created "now" (November 2026) count from November on.
    const members = figure(html, 'chart-members');
    expect(members).toContain('<polyline');
    expect(row(members, '2026年10月')).toBe('0|0|0|0');
    expect(row(members, '2026年11月')).toBe('2|1|1|0');
    expect(row(members, '2026年12月')).toBe('—|—|—|—');
    // Eight points (April to November) and the legend's marker.
    expect(members.match(/<circle /g)?.length).toBe(9);
  });

  it('defaults to the fiscal year of the last complete month and rejects a bad year with 400', async () => {
    const html = await (await staff.get('/staff/reports/annual')).text();
    expect(html).toContain('<h1>2026年度 年度報告</h1>');
    for (const year of ['abc', '26', '2026-04', '1999']) {
      const res = await staff.get(`/staff/reports/annual?fiscalYear=${year}`);
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('年度は4桁の西暦で指定してください（例: 2026）。');
    }
  });

  it('in April, defaults to the fiscal year that just ended', async () => {
    ctx.clock.set('2027-04-03T01:00:00.000Z');
    staff = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'staff' }));
    const html = await (await staff.get('/staff/reports/annual')).text();
    expect(html).toContain('<h1>2026年度 年度報告</h1>');
    const monthly = await (await staff.get('/staff/reports/monthly')).text();
    expect(monthly).toContain('<h1>月報 2027年3月</h1>');
  });
});
