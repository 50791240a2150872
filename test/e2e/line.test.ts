/**
 * Journey (issue #21), in Japanese and in English: a member links LINE from her profile page —
 * the code and the QR codes shown, the fake LINE platform (test/helpers/line-fake-server.ts, real
 * HTTP: the app's SDK client talks to it) delivering her follow event and then her message with
 * the code to the webhook, signed — and sees "linked". The fake got the app's replies. The page
 * is checked with axe and screenshotted at desktop size and at 320 px, and at 360 px.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserAvailable,
  checkA11yAtBothSizes,
  launchBrowser,
  navigation,
  newJapaneseContext,
  SCREENSHOT_DIR,
  signIn,
  startServer,
  type RunningServer,
} from '../helpers/browser.js';
import { DEMO_PASSWORD } from '../helpers/e2e-setup.js';
import { followEvent, LINE_ENV, textEvent } from '../helpers/line-fake.js';
import { startFakeLineApi, type FakeLineApi } from '../helpers/line-fake-server.js';

const ADD_FRIEND_URL = 'https://line.me/R/ti/p/@tsunagu-test';

describe.skipIf(!browserAvailable)('LINE linking journey (browser)', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let fake: FakeLineApi | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'tsunagu-e2e-line-'));

  beforeAll(async () => {
    fake = await startFakeLineApi({
      accessToken: LINE_ENV.LINE_CHANNEL_ACCESS_TOKEN,
      channelSecret: LINE_ENV.LINE_CHANNEL_SECRET,
    });
    server = await startServer({
      DATABASE_PATH: join(dir, 'tsunagu.db'),
      ...LINE_ENV,
      LINE_API_BASE: fake.baseUrl,
      LINE_ADD_FRIEND_URL: ADD_FRIEND_URL,
    });
    fake.webhookUrl = `${server.baseUrl}/line/webhook`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await fake?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function at360(page: Page, label: string) {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const original = page.viewportSize();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${label}-360.png`), fullPage: true });
    if (original) await page.setViewportSize(original);
  }

  /** The member adds the account and sends her code, as the fake LINE platform delivers it. */
  async function followAndSend(lineUserId: string, code: string) {
    const follow = followEvent(lineUserId, 'follow');
    expect((await fake!.deliver([follow])).status).toBe(200);
    const message = textEvent(lineUserId, code);
    expect((await fake!.deliver([message])).status).toBe(200);
    return {
      follow: fake!.repliesTo(follow.replyToken!),
      linked: fake!.repliesTo(message.replyToken),
    };
  }

  it('ja: shows a code and QR codes, links on the webhook events, and says "linked"', async () => {
    const page = await (await newJapaneseContext(browser!)).newPage();
    await signIn(page, server!.baseUrl, 'parent@example.jp', DEMO_PASSWORD);
    await page.goto(`${server!.baseUrl}/my/profile`);
    await navigation(page, () =>
      page.getByRole('link', { name: 'LINEの連携と受け取り方' }).click(),
    );
    expect(await page.getByText('LINEとはまだ連携していません。').count()).toBe(1);
    expect(await page.getByRole('img', { name: /友だちに追加/ }).count()).toBe(1);
    await navigation(page, () => page.getByRole('button', { name: '連携コードを出す' }).click());
    const code = (await page.getByTestId('line-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    // The second QR opens the chat with the code typed in; its link is the same target.
    expect(await page.getByRole('img', { name: /連携コードを入れたトーク/ }).count()).toBe(1);
    expect(
      await page
        .getByRole('link', { name: 'コードを入れたLINEのトークを開く' })
        .getAttribute('href'),
    ).toBe(`https://line.me/R/oaMessage/@tsunagu-test/?${code}`);
    await checkA11yAtBothSizes(page, 'line-code');
    await at360(page, 'line-code');

    const replies = await followAndSend('Ujourney-ja', code);
    expect(replies.follow[0]).toContain('連携コードをこのトークに送ってください');
    expect(replies.linked[0]).toContain('LINEの連携ができました');
    await page.goto(`${server!.baseUrl}/my/line`);
    expect(await page.getByText(/LINEと連携しています/).count()).toBe(1);
    await checkA11yAtBothSizes(page, 'line-linked');
    await at360(page, 'line-linked');
  });

  it('en: the same in English, and LINE answers her in English', async () => {
    const page = await (await newJapaneseContext(browser!)).newPage();
    await signIn(page, server!.baseUrl, 'helper@example.jp', DEMO_PASSWORD);
    await page.goto(`${server!.baseUrl}/my/line`);
    // She switches the site to English (kept on her account, so LINE replies in English too).
    await navigation(page, () => page.getByRole('button', { name: 'English' }).first().click());
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('LINE');
    expect(await page.getByText('Your LINE account is not linked yet.').count()).toBe(1);
    await navigation(page, () => page.getByRole('button', { name: 'Get a link code' }).click());
    const code = (await page.getByTestId('line-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(await page.getByRole('img', { name: /QR code/ }).count()).toBe(2);
    await checkA11yAtBothSizes(page, 'line-code-en');
    await at360(page, 'line-code-en');

    const replies = await followAndSend('Ujourney-en', code);
    expect(replies.linked[0]).toContain('Your LINE account is linked');
    await page.goto(`${server!.baseUrl}/my/line`);
    expect(await page.getByText(/Your LINE account is linked/).count()).toBe(1);
    await checkA11yAtBothSizes(page, 'line-linked-en');
    await at360(page, 'line-linked-en');
  });

  it('staff find who is linked under "LINE配信" in the menu', async () => {
    const page = await (await newJapaneseContext(browser!)).newPage();
    await signIn(page, server!.baseUrl, 'staff@example.jp', DEMO_PASSWORD);
    await navigation(page, () =>
      page.getByRole('navigation').getByRole('link', { name: 'LINE配信' }).click(),
    );
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('LINEの連携と配信');
    // The two members linked above (the tests of this file run in order on one server).
    expect(await page.getByText('連携している会員（2人）').count()).toBe(1);
    await checkA11yAtBothSizes(page, 'line-staff');
    await at360(page, 'line-staff');
  });
});
