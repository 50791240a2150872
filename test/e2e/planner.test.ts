/**
 * Journey: an adviser plans the coming week of the demo center at once. Set up through the JSON
 * API (four requests of demo families in the coming week, one on a Sunday when no demo helper
 * works); then in the browser, in Japanese: 週間調整プラン from the menu → the plan with its
 * coverage and bound → change one assignment to another helper the menu offers → check → send
 * all offers → the chosen helper signs in and sees the offer on 届いた依頼, and accepts it. Every
 * page is checked with axe at desktop size and at 320 px (test-results/screenshots/planner-*.png).
 */
import type { Browser, BrowserContext } from 'playwright-core';
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
import { DEMO_PASSWORD, DEMO_STAFF, heading, okJson, tokyoDate } from '../helpers/e2e-setup.js';

/** The demo helpers' logins (db/seed/demo-members.ts). */
const HELPER_EMAILS: Record<string, string> = {
  '鈴木 恵子': 'helper@example.jp',
  '中村 洋子': 'yoko.nakamura@example.jp',
  '山口 正子': 'masako.yamaguchi@example.jp',
  '松本 京子': 'kyoko.matsumoto@example.jp',
  '井上 和美': 'kazumi.inoue@example.jp',
  '木村 節子': 'setsuko.kimura@example.jp',
};

/** A Tokyo calendar date, `days` from today. */
/** Days from today to the coming week's Monday (the planner's default range). */
function daysToNextMonday(): number {
  const weekday = new Date(`${tokyoDate(0)}T12:00:00Z`).getUTCDay() || 7; // ISO 1–7
  return 8 - weekday;
}

describe.skipIf(!browserAvailable)('weekly planner journey (browser)', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const monday = daysToNextMonday();

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const context = await browser.newContext({ baseURL: server.baseUrl });
    contexts.push(context);
    const staff = context.request;
    await okJson(
      await staff.post('/api/v1/auth/login', {
        data: { email: DEMO_STAFF, password: DEMO_PASSWORD },
      }),
    );
    const { items: families } = await okJson<{ items: { id: string; name: string }[] }>(
      await staff.get('/api/v1/members?kind=requester&pageSize=50'),
    );
    const request = async (name: string, day: number, start: string, end: string) => {
      const family = families.find((f) => f.name === name);
      if (!family) throw new Error(`demo family ${name} not found`);
      const { items: children } = await okJson<{ items: { id: string }[] }>(
        await staff.get(`/api/v1/members/${family.id}/children`),
      );
      await okJson(
        await staff.post('/api/v1/requests', {
          data: {
            requesterId: family.id,
            childIds: [children.at(-1)!.id],
            category: 8,
            startsAt: `${tokyoDate(monday + day)}T${start}:00+09:00`,
            endsAt: `${tokyoDate(monday + day)}T${end}:00+09:00`,
            careLocation: 'helper_home',
          },
        }),
        201,
      );
    };
    await request('田中 さくら', 1, '10:00', '12:00');
    await request('高橋 美咲', 1, '10:30', '12:30');
    await request('渡辺 真理', 2, '14:00', '16:00');
    await request('伊藤 由美', 6, '10:00', '12:00'); // Sunday: no demo helper works then
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  });

  it('staff plan the week, change one assignment, send all offers; the helper sees hers', async () => {
    const context = await newJapaneseContext(browser!);
    contexts.push(context);
    const page = await context.newPage();
    const baseUrl = server!.baseUrl;
    await signIn(page, baseUrl, DEMO_STAFF, DEMO_PASSWORD);

    expect(
      await navigation(page, () =>
        page.getByRole('navigation').getByRole('link', { name: '週間調整プラン' }).click(),
      ),
    ).toBe(200);
    expect(pathnameOf(page)).toBe('/staff/planner');
    expect(await heading(page)).toBe('週間調整プラン');
    const coverage = await page.locator('.planner-coverage').innerText();
    // The Sunday request has no possible helper, so the bound is 3 and the plan reaches it.
    expect(coverage).toContain('4件中3件に担当者を提案');
    expect(coverage).toContain('理論上の上限 3件');
    const unassigned = page.locator('section[aria-labelledby="unassigned-title"]');
    await expect(unassigned.innerText()).resolves.toContain('伊藤 由美さん');
    await expect(unassigned.innerText()).resolves.toContain('条件');
    await checkA11yAtBothSizes(page, 'planner-plan');

    // Change one assignment to another helper the row's menu offers.
    const rows = page.locator('table.planner-table tbody tr');
    let changedFamily = '';
    let newHelper = '';
    for (let i = 0; i < (await rows.count()); i++) {
      const select = rows.nth(i).locator('select');
      if ((await select.count()) === 0) continue;
      const current = await select.inputValue();
      const others = await select
        .locator('option')
        .evaluateAll(
          (opts, cur) =>
            opts
              .map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' }))
              .filter((o) => o.value && o.value !== cur),
          current,
        );
      if (current && others.length) {
        await select.selectOption(others[0]!.value);
        newHelper = others[0]!.text.replace(/さん（.*$/, '');
        changedFamily = (await rows.nth(i).locator('th').innerText()).split('\n')[0]!;
        break;
      }
    }
    expect(newHelper, 'a row with another feasible helper').not.toBe('');
    expect(HELPER_EMAILS[newHelper], `login of ${newHelper}`).toBeDefined();

    expect(
      await navigation(page, () => page.getByRole('button', { name: 'プランを確認' }).click()),
    ).toBe(200);
    await expect(page.getByRole('status').first().innerText()).resolves.toContain(
      'プランは条件をすべて満たしています。',
    );
    const changedRow = page.locator('table.planner-table tbody tr', { hasText: changedFamily });
    await expect(changedRow.innerText()).resolves.toContain('変更あり');
    await expect(changedRow.locator('.planner-chosen').innerText()).resolves.toContain(newHelper);
    const timeline = page.locator('section[aria-labelledby="timeline-title"]');
    await expect(timeline.innerText()).resolves.toContain(`${newHelper}さん`);
    await checkA11yAtBothSizes(page, 'planner-changed');

    expect(
      await navigation(page, () =>
        page.getByRole('button', { name: 'すべての紹介を送る' }).click(),
      ),
    ).toBe(200);
    expect(await heading(page)).toBe('紹介を送りました');
    await expect(page.getByRole('status').first().innerText()).resolves.toContain(
      '3件の紹介を送りました。',
    );
    const sent = page.locator('section[aria-labelledby="sent-title"]');
    await expect(sent.innerText()).resolves.toContain(`${changedFamily} → ${newHelper}さん`);
    await checkA11yAtBothSizes(page, 'planner-sent');

    // The chosen helper sees the offer and accepts it as usual.
    const helperContext = await newJapaneseContext(browser!);
    contexts.push(helperContext);
    const helperPage = await helperContext.newPage();
    await signIn(helperPage, baseUrl, HELPER_EMAILS[newHelper]!, DEMO_PASSWORD);
    expect(await navigation(helperPage, () => helperPage.goto(`${baseUrl}/offers`))).toBe(200);
    const accept = helperPage.getByRole('button', { name: /^引き受ける/ });
    expect(await accept.count()).toBeGreaterThan(0);
    await checkA11yAtBothSizes(helperPage, 'planner-helper-offers');
    expect(await navigation(helperPage, () => accept.first().click())).toBe(200);

    // Back on the planner, the week has nothing left to plan but the Sunday request.
    expect(await navigation(page, () => page.goto(`${baseUrl}/staff/planner`))).toBe(200);
    await expect(page.locator('.planner-coverage').innerText()).resolves.toContain('1件中0件');

    // Once in English.
    expect(
      await navigation(page, () => page.getByRole('button', { name: 'English' }).click()),
    ).toBe(200);
    expect(await heading(page)).toBe('Weekly coordination plan');
    await expect(page.locator('.planner-coverage').innerText()).resolves.toContain(
      'Helpers proposed for 0 of 1 requests',
    );
    await expect(
      page.locator('section[aria-labelledby="unassigned-title"]').innerText(),
    ).resolves.toContain('No helper meets the conditions');
    await checkA11yAtBothSizes(page, 'planner-english');
  });
});
