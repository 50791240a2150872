/**
 * Journey: an adviser coordinates a request at her desk. Set up through the JSON API (a requester
 * who attended an orientation and was approved, three qualified helpers with weekly availability,
 * a request three days ahead); then in the browser, in Japanese: 調整ボード → the request's
 * candidates with their reasons → offer to the three helpers → (one helper accepts through the
 * API) → the other offers show closed → record the pre-meeting and the notice disappears. Then
 * once in English. Every page visited is checked with axe at desktop size and at 320 px
 * (screenshots in test-results/screenshots/coord-*.png).
 */
import type { APIRequestContext, Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserAvailable,
  checkA11yAtBothSizes,
  launchBrowser,
  navigation,
  newJapaneseContext,
  pathnameOf,
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
const FAMILY = '森川 千尋';
const HELPERS = [
  { name: '長谷川 陽子', kana: 'ハセガワ ヨウコ', email: 'hasegawa@example.jp' },
  { name: '石井 恵美', kana: 'イシイ エミ', email: 'ishii@example.jp' },
  { name: '藤田 京香', kana: 'フジタ キョウカ', email: 'fujita@example.jp' },
] as const;

/** A Tokyo calendar date, `days` from today. */
describe.skipIf(!browserAvailable)('coordination journey (browser)', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  let requestId = '';
  const helperIds: string[] = [];

  /** A signed-in API client with its own cookie jar. */
  async function apiAs(email: string, password: string): Promise<APIRequestContext> {
    const context = await browser!.newContext({ baseURL: server!.baseUrl });
    contexts.push(context);
    await okJson(await context.request.post('/api/v1/auth/login', { data: { email, password } }));
    return context.request;
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const admin = await apiAs(DEMO_ADMIN, DEMO_PASSWORD);
    await okJson(await admin.post('/api/v1/training-modules/load-defaults', { data: {} }));
    const staff = await apiAs(DEMO_STAFF, DEMO_PASSWORD);
    const anonymous = (await browser.newContext({ baseURL: server.baseUrl })).request;

    // The requester: application, orientation attended, approval.
    const { member: parent } = await okJson<{ member: { id: string } }>(
      await anonymous.post('/api/v1/applications', {
        data: {
          kind: 'requester',
          name: FAMILY,
          nameKana: 'モリカワ チヒロ',
          email: 'morikawa@example.jp',
          password: MEMBER_PASSWORD,
          phone: '090-4444-5555',
          birthDate: '1990-07-07',
          address: 'みどり市中央3-4-5',
          area: 'chuo',
          children: [{ name: '森川 こはる', nameKana: 'モリカワ コハル', birthDate: '2022-06-01' }],
          emergencyContacts: [
            { name: '森川 健', relation: '夫', phone: '090-6666-7777' },
            { name: '佐々木 和代', relation: '母', phone: '042-222-3333' },
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

    // Three helpers in the same area: approved, every basic and CPR module, free all week.
    const { items: modules } = await okJson<{ items: { id: string; kind: string }[] }>(
      await staff.get('/api/v1/training-modules'),
    );
    const required = modules.filter((m) => m.kind === 'basic' || m.kind === 'cpr');
    expect(required.length).toBeGreaterThan(0);
    for (const h of HELPERS) {
      const { member } = await okJson<{ member: { id: string } }>(
        await anonymous.post('/api/v1/applications', {
          data: {
            kind: 'helper',
            name: h.name,
            nameKana: h.kana,
            email: h.email,
            password: MEMBER_PASSWORD,
            phone: '090-2222-3333',
            birthDate: '1965-04-10',
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
      for (const m of required) {
        await okJson(
          await staff.post(`/api/v1/members/${member.id}/training-records`, {
            data: {
              moduleId: m.id,
              completedOn: tokyoDate(0),
              source: 'external',
              note: 'みどり市 提供会員講習会 修了証',
            },
          }),
          201,
        );
      }
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
      helperIds.push(member.id);
    }

    const created = await okJson<{ request: { id: string } }>(
      await staff.post('/api/v1/requests', {
        data: {
          requesterId: parent.id,
          childIds: [children[0]!.id],
          category: 8,
          startsAt: `${tokyoDate(3)}T10:00:00+09:00`,
          endsAt: `${tokyoDate(3)}T12:00:00+09:00`,
          careLocation: 'helper_home',
          pickup: 'みどり保育園',
          notes: '美容院の予約のため',
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

  it('staff offer to three helpers from the candidates, one accepts, then the pre-meeting (Japanese, then English)', async () => {
    const context = await newJapaneseContext(browser!);
    contexts.push(context);
    const page = await context.newPage();
    const baseUrl = server!.baseUrl;
    await signIn(page, baseUrl, DEMO_STAFF, DEMO_PASSWORD);
    // Home offers the board and phone intake to staff.
    await expect(
      page.getByRole('link', { name: '電話で依頼を受ける' }).first().isVisible(),
    ).resolves.toBe(true);
    await checkA11yAtBothSizes(page, 'coord-home');

    // The board, from the menu.
    expect(
      await navigation(page, () =>
        page.getByRole('navigation').getByRole('link', { name: '調整ボード' }).click(),
      ),
    ).toBe(200);
    expect(await heading(page)).toBe('調整ボード');
    const openSection = page.locator('section[aria-labelledby="open-title"]');
    const row = openSection.locator('tr', { hasText: `${FAMILY}さん` });
    await expect(row.innerText()).resolves.toContain('未紹介');
    await expect(row.locator('.coord-count__n').innerText()).resolves.toMatch(/^\d+人$/);
    await checkA11yAtBothSizes(page, 'coord-board');

    // The request's candidates, with their reasons in words.
    expect(
      await navigation(page, () => row.getByRole('link', { name: /^候補を見る/ }).click()),
    ).toBe(200);
    expect(pathnameOf(page)).toBe(`/coordination/requests/${requestId}`);
    expect(await heading(page)).toMatch(/^依頼の調整：/);
    const candidates = page.locator('section[aria-labelledby="candidates-title"]');
    for (const h of HELPERS) {
      const helperRow = candidates.locator('tr', { hasText: `${h.name}さん` });
      const reasons = await helperRow.locator('.coord-reasons').innerText();
      expect(reasons).toContain('同じ地区（中央地区）');
      expect(reasons).toContain('どの活動も可');
      expect(reasons).toContain('直近90日の活動 0回');
    }
    await page.locator('details.coord-excluded > summary').click();
    await checkA11yAtBothSizes(page, 'coord-request-candidates');

    // Offer to the three, in one submit.
    for (const h of HELPERS) await page.getByLabel(`${h.name}さんを選ぶ`).check();
    expect(
      await navigation(page, () =>
        page.getByRole('button', { name: '選んだ人に紹介する' }).click(),
      ),
    ).toBe(200);
    await expect(page.getByRole('status').first().innerText()).resolves.toContain(
      '3人に紹介しました',
    );
    const offers = page.locator('section[aria-labelledby="offers-title"]');
    expect((await offers.locator('[data-status="offered"]').allInnerTexts()).length).toBe(3);
    await checkA11yAtBothSizes(page, 'coord-request-offered');

    // The second helper accepts (in the helper's own session, through the API).
    const helper = await apiAs(HELPERS[1].email, MEMBER_PASSWORD);
    const mine = await okJson<{ items: { id: string; requestId: string }[] }>(
      await helper.get('/api/v1/offers'),
    );
    const offer = mine.items.find((o) => o.requestId === requestId)!;
    await okJson(await helper.post(`/api/v1/offers/${offer.id}/accept`, { data: {} }));

    await page.reload();
    const texts = (await offers.locator('tbody tr').allInnerTexts()).map((t) =>
      t.replace(/\s+/g, ' '),
    );
    expect(texts.filter((t) => t.includes('引き受け'))).toHaveLength(1);
    expect(texts.find((t) => t.includes('引き受け'))).toContain(HELPERS[1].name);
    expect(texts.filter((t) => t.includes('締め切り（他の人に決定）'))).toHaveLength(2);
    const notice = page.locator('#pre-meeting-required');
    await expect(notice.innerText()).resolves.toContain('事前打ち合わせがまだです');
    await expect(page.locator('.coord-matched').innerText()).resolves.toContain(
      `${HELPERS[1].name}さん`,
    );
    await checkA11yAtBothSizes(page, 'coord-request-matched');

    // Record the pre-meeting: the notice goes.
    await page.getByLabel('場所').fill('センター相談室');
    await page.getByLabel('緊急時の対応').fill('発熱時は母の携帯へ。つながらなければ父の職場へ。');
    await page.getByLabel('取り決めた内容').fill('受け渡しは玄関で。おやつは持参。');
    expect(
      await navigation(page, () =>
        page.getByRole('button', { name: '事前打ち合わせを記録する' }).click(),
      ),
    ).toBe(200);
    await expect(page.getByRole('status').first().innerText()).resolves.toContain(
      '事前打ち合わせを記録しました',
    );
    expect(await page.locator('#pre-meeting-required').count()).toBe(0);
    await expect(page.locator('.coord-pm-note--done').innerText()).resolves.toContain(
      'センター相談室',
    );
    await checkA11yAtBothSizes(page, 'coord-request-pre-meeting');

    // The pre-meeting list links to the pair's request.
    expect(await navigation(page, () => page.goto(`${baseUrl}/coordination/pre-meetings`))).toBe(
      200,
    );
    expect(await heading(page)).toBe('事前打ち合わせ');
    await expect(
      page.locator('section[aria-labelledby="recorded-title"]').innerText(),
    ).resolves.toContain(`${FAMILY}さん × ${HELPERS[1].name}さん`);
    await checkA11yAtBothSizes(page, 'coord-pre-meetings');

    // Phone intake: find the family by name and open her request form.
    expect(await navigation(page, () => page.goto(`${baseUrl}/coordination/requests/new`))).toBe(
      200,
    );
    await page.getByLabel('会員番号・名前・ふりがな・電話番号').fill('森川');
    expect(await navigation(page, () => page.getByRole('button', { name: '探す' }).click())).toBe(
      200,
    );
    await checkA11yAtBothSizes(page, 'coord-intake-search');
    expect(
      await navigation(page, () =>
        page
          .getByRole('link', { name: /^この会員の依頼を入力/ })
          .first()
          .click(),
      ),
    ).toBe(200);
    await expect(page.getByLabel(/森川 こはる/).isVisible()).resolves.toBe(true);
    await checkA11yAtBothSizes(page, 'coord-intake-form');

    // Once in English: the request page and the board.
    await page.goto(`${baseUrl}/coordination/requests/${requestId}`);
    expect(
      await navigation(page, () => page.getByRole('button', { name: 'English' }).click()),
    ).toBe(200);
    expect(await heading(page)).toMatch(/^Coordinate: /);
    await expect(page.locator('.coord-matched').innerText()).resolves.toContain(
      'Pre-meeting held on',
    );
    const englishOffers = (await offers.locator('tbody').innerText()).replace(/\s+/g, ' ');
    expect(englishOffers).toContain('Accepted');
    expect(englishOffers).toContain('Closed (another helper took it)');
    await checkA11yAtBothSizes(page, 'coord-request-en');
    expect(
      await navigation(page, () =>
        page.getByRole('navigation').getByRole('link', { name: 'Coordination board' }).click(),
      ),
    ).toBe(200);
    expect(await heading(page)).toBe('Coordination board');
    await expect(
      page.locator('section[aria-labelledby="today-title"] h2').innerText(),
    ).resolves.toMatch(/^Today’s activities/);
    await checkA11yAtBothSizes(page, 'coord-board-en');
  });
});
