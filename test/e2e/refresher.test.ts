/**
 * Journey (issue #19 pt 2): a helper whose 事故防止講習 (安全・事故防止) is over 5 years old drops
 * out of a request's candidates, with the reason shown to staff; her own 講習・資格 page shows the
 * course overdue. Once in Japanese, once in English. Set up through the JSON API (two helpers of
 * the same area, free all week: one trained this month, one whose course is 5 years and 40 days
 * old with CPR and this year's follow-up current; a request three days ahead). Every page visited
 * is checked with axe at desktop size and at 320 px (test-results/screenshots/refresher-*.png).
 */
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserAvailable,
  checkA11yAtBothSizes,
  launchBrowser,
  navigation,
  newJapaneseContext,
  signIn,
  startServer,
  type RunningServer,
} from '../helpers/browser.js';
import {
  DEMO_ADMIN,
  DEMO_PASSWORD,
  DEMO_STAFF,
  heading,
  okJson,
  tokyoDate,
  approveRequesterAfterOrientation,
} from '../helpers/e2e-setup.js';

const MEMBER_PASSWORD = 'midori no kaze 2026';
const FAMILY = '青木 美穂';
const CURRENT = { name: '松本 里美', kana: 'マツモト サトミ', email: 'matsumoto@example.jp' };
const OVERDUE = { name: '岡田 和子', kana: 'オカダ カズコ', email: 'okada@example.jp' };

/**
 * The course date 5 years before `tokyoDate(-40)`, and the last day it was valid (60 months less
 * a day: `tokyoDate(-41)`). A 29 February 40 days ago moves a day earlier (no such day 5 years
 * before).
 */
function overdueDates() {
  const shift = tokyoDate(-40).endsWith('-02-29') ? 41 : 40;
  const [year, month, day] = tokyoDate(-shift).split('-');
  const validUntil = tokyoDate(-shift - 1);
  const [vy, vm, vd] = validUntil.split('-').map(Number);
  return {
    courseOn: `${Number(year) - 5}-${month}-${day}`,
    validUntilJa: `${vy}年${vm}月${vd}日`,
    validUntilYear: String(vy),
  };
}

describe.skipIf(!browserAvailable)('refresher journey (browser)', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  let requestId = '';
  const dates = overdueDates();

  async function apiAs(email: string, password: string): Promise<APIRequestContext> {
    const context = await browser!.newContext({ baseURL: server!.baseUrl });
    contexts.push(context);
    await okJson(await context.request.post('/api/v1/auth/login', { data: { email, password } }));
    return context.request;
  }

  async function newPage(): Promise<Page> {
    const context = await newJapaneseContext(browser!);
    contexts.push(context);
    return context.newPage();
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const admin = await apiAs(DEMO_ADMIN, DEMO_PASSWORD);
    await okJson(await admin.post('/api/v1/training-modules/load-defaults', { data: {} }));
    const staff = await apiAs(DEMO_STAFF, DEMO_PASSWORD);
    const anonymous = (await browser.newContext({ baseURL: server.baseUrl })).request;

    const { items: modules } = await okJson<{
      items: { id: string; kind: string; code: string; validityMonths: number | null }[];
    }>(await staff.get('/api/v1/training-modules'));
    const safety = modules.find((m) => m.code === 'basic_safety')!;
    expect(safety.validityMonths).toBe(60);
    const basic = modules.filter((m) => m.kind === 'basic');
    const cpr = modules.filter((m) => m.kind === 'cpr');
    const followup = modules.find((m) => m.kind === 'followup')!;

    async function helper(h: typeof CURRENT) {
      const { member } = await okJson<{ member: { id: string } }>(
        await anonymous.post('/api/v1/applications', {
          data: {
            kind: 'helper',
            name: h.name,
            nameKana: h.kana,
            email: h.email,
            password: MEMBER_PASSWORD,
            phone: '090-2222-3333',
            birthDate: '1960-04-10',
            address: 'みどり市中央2-3-4',
            area: 'chuo',
            children: [],
            emergencyContacts: [],
            consent: { terms: true, healthData: false },
          },
        }),
        201,
      );
      await okJson(
        await staff.post(`/api/v1/members/${member.id}/approve`, { data: { side: 'helper' } }),
      );
      await okJson(
        await staff.put(`/api/v1/members/${member.id}/availability`, {
          data: {
            weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
              weekday,
              start: '07:00',
              end: '21:00',
            })),
          },
        }),
      );
      return member.id;
    }
    async function record(memberId: string, moduleId: string, completedOn: string) {
      await okJson(
        await staff.post(`/api/v1/members/${memberId}/training-records`, {
          data: { moduleId, completedOn, source: 'external', note: 'みどり市 講習会 修了証' },
        }),
        201,
      );
    }

    const current = await helper(CURRENT);
    for (const m of [...basic, ...cpr]) await record(current, m.id, tokyoDate(0));
    // The course 5 years and 40 days ago; CPR renewed and this year's follow-up attended.
    const overdue = await helper(OVERDUE);
    for (const m of basic) await record(overdue, m.id, dates.courseOn);
    for (const m of cpr) await record(overdue, m.id, tokyoDate(-30));
    await record(overdue, followup.id, tokyoDate(0));

    // A family (orientation attended, approved) and a request three days ahead.
    const { member: parent } = await okJson<{ member: { id: string } }>(
      await anonymous.post('/api/v1/applications', {
        data: {
          kind: 'requester',
          name: FAMILY,
          nameKana: 'アオキ ミホ',
          email: 'aoki@example.jp',
          password: MEMBER_PASSWORD,
          phone: '090-4444-5555',
          birthDate: '1991-07-07',
          address: 'みどり市中央3-4-5',
          area: 'chuo',
          children: [{ name: '青木 ひなた', nameKana: 'アオキ ヒナタ', birthDate: '2022-06-01' }],
          emergencyContacts: [
            { name: '青木 健', relation: '夫', phone: '090-6666-7777' },
            { name: '青木 和代', relation: '母', phone: '042-222-3333' },
          ],
          consent: { terms: true, healthData: true },
        },
      }),
      201,
    );
    await approveRequesterAfterOrientation(staff, parent.id);
    const { items: children } = await okJson<{ items: { id: string }[] }>(
      await staff.get(`/api/v1/members/${parent.id}/children`),
    );
    const created = await okJson<{ request: { id: string } }>(
      await staff.post('/api/v1/requests', {
        data: {
          requesterId: parent.id,
          childIds: [children[0]!.id],
          category: 8,
          startsAt: `${tokyoDate(3)}T10:00:00+09:00`,
          endsAt: `${tokyoDate(3)}T12:00:00+09:00`,
          careLocation: 'helper_home',
        },
      }),
      201,
    );
    requestId = created.request.id;
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  });

  it('staff see the overdue helper excluded with the reason; she sees the course overdue (Japanese, then English)', async () => {
    const baseUrl = server!.baseUrl;
    const staff = await newPage();
    await signIn(staff, baseUrl, DEMO_STAFF, DEMO_PASSWORD);
    expect(
      await navigation(staff, () => staff.goto(`${baseUrl}/coordination/requests/${requestId}`)),
    ).toBe(200);
    expect(await heading(staff)).toMatch(/^依頼の調整：/);
    const candidates = staff.locator('section[aria-labelledby="candidates-title"]');
    expect(await candidates.locator('tr', { hasText: `${CURRENT.name}さん` }).count()).toBe(1);
    expect(await candidates.locator('tr', { hasText: `${OVERDUE.name}さん` }).count()).toBe(0);

    await staff.locator('details.coord-excluded > summary').click();
    const excluded = staff
      .locator('.coord-excluded__list li')
      .filter({ hasText: `${OVERDUE.name}さん` });
    expect(await excluded.innerText()).toContain(
      `再受講の期限切れ：安全・事故防止（${dates.validUntilJa}`,
    );
    expect(
      await staff
        .locator('.coord-excluded__list li')
        .filter({ hasText: `${CURRENT.name}さん` })
        .count(),
    ).toBe(0);
    await checkA11yAtBothSizes(staff, 'refresher-request-excluded');

    // The helper's own page: renewal needed, the course and the day it lapsed.
    const helper = await newPage();
    await signIn(helper, baseUrl, OVERDUE.email, MEMBER_PASSWORD);
    expect(
      await navigation(helper, () =>
        helper
          .getByRole('navigation', { name: 'メインメニュー' })
          .getByRole('link', { name: '講習・資格' })
          .click(),
      ),
    ).toBe(200);
    expect(await heading(helper)).toBe('講習と資格');
    const main = await helper.locator('main').innerText();
    expect(main).toContain('更新が必要です');
    expect(main).toContain(`安全・事故防止の有効期限（${dates.validUntilJa}`);
    expect(main).toContain('定期的な再受講（5年に1回以上）が必要です');
    await checkA11yAtBothSizes(helper, 'refresher-helper-overdue');

    // English: both switch language.
    await staff.getByRole('button', { name: 'English' }).click();
    await staff.waitForLoadState('load');
    expect(await heading(staff)).not.toMatch(/^依頼の調整/);
    await staff.locator('details.coord-excluded > summary').click();
    const excludedEn = await staff
      .locator('.coord-excluded__list li')
      .filter({ hasText: OVERDUE.name })
      .innerText();
    expect(excludedEn).toContain('Refresher overdue: Safety and accident prevention (valid until');
    expect(excludedEn).toContain(dates.validUntilYear);
    expect(
      await staff
        .locator('section[aria-labelledby="candidates-title"] tr', { hasText: OVERDUE.name })
        .count(),
    ).toBe(0);
    await checkA11yAtBothSizes(staff, 'refresher-request-excluded-en');

    await helper.getByRole('button', { name: 'English' }).click();
    await helper.waitForLoadState('load');
    expect(await heading(helper)).toBe('Training and qualifications');
    const mainEn = await helper.locator('main').innerText();
    expect(mainEn).toContain('Renewal needed');
    expect(mainEn).toContain('Safety and accident prevention was valid until');
    expect(mainEn).toContain('it must be repeated (at least every 5 years)');
    await checkA11yAtBothSizes(helper, 'refresher-helper-overdue-en');
  });
});
