/**
 * Journey (issue #21): a member links LINE from her profile page — the code shown, the (fake)
 * LINE platform delivering her message with the code to the webhook — and sees "linked". The
 * page is checked with axe and screenshotted at desktop size and at 320 px.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hmacBase64 } from '../../src/lib/line-signature.js';
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
import { DEMO_PASSWORD } from '../helpers/e2e-setup.js';
import { LINE_ENV, textEvent } from '../helpers/line-fake.js';

describe.skipIf(!browserAvailable)('LINE linking journey (browser)', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'tsunagu-e2e-line-'));

  beforeAll(async () => {
    // LINE_API_BASE points nowhere: replies fail and are only logged, as they may.
    server = await startServer({ DATABASE_PATH: join(dir, 'tsunagu.db'), ...LINE_ENV });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows a code, links on the webhook event, and says "linked"', async () => {
    const page = await (await newJapaneseContext(browser!)).newPage();
    await signIn(page, server!.baseUrl, 'parent@example.jp', DEMO_PASSWORD);
    await page.goto(`${server!.baseUrl}/my/profile`);
    await navigation(page, () =>
      page.getByRole('link', { name: 'LINEの連携と受け取り方' }).click(),
    );
    expect(await page.getByText('LINEとはまだ連携していません。').count()).toBe(1);
    await navigation(page, () => page.getByRole('button', { name: '連携コードを出す' }).click());
    const code = (await page.getByTestId('line-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await checkA11yAtBothSizes(page, 'line-code');

    const body = JSON.stringify({ destination: 'Utest', events: [textEvent('Ujourney', code)] });
    const res = await fetch(`${server!.baseUrl}/line/webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-line-signature': await hmacBase64(LINE_ENV.LINE_CHANNEL_SECRET, body),
      },
      body,
    });
    expect(res.status).toBe(200);
    await page.goto(`${server!.baseUrl}/my/line`);
    expect(await page.getByText(/LINEと連携しています/).count()).toBe(1);
    await checkA11yAtBothSizes(page, 'line-linked');
  });
});
