/**
 * Journey (issue #18, points 4–5) on the demo center: the admin reads the subsidy rules page;
 * staff open a family's claim form (申請書) for last month and the city ledger. Every page is
 * checked with axe at desktop size and at 320 px, and saved at 360 px.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserAvailable,
  checkA11yAtBothSizes,
  launchBrowser,
  newJapaneseContext,
  SCREENSHOT_DIR,
  signIn,
  startServer,
  type RunningServer,
} from '../helpers/browser.js';
import { DEMO_ADMIN, DEMO_PASSWORD, heading, okJson } from '../helpers/e2e-setup.js';
import { previousMonth } from '../../src/lib/dates.js';

describe.skipIf(!browserAvailable)('claims pages (browser)', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const at360 = async (page: Page, label: string) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${label}-360.png`), fullPage: true });
  };

  it('rules, a claim form and the ledger read well at both sizes', async () => {
    const baseUrl = server!.baseUrl;
    const page = await (await newJapaneseContext(browser!)).newPage();
    await signIn(page, baseUrl, DEMO_ADMIN, DEMO_PASSWORD);

    await page.goto(`${baseUrl}/settings/subsidies`);
    expect(await heading(page)).toBe('利用料助成・無償化の基準');
    await checkA11yAtBothSizes(page, 'subsidy-rules');
    await at360(page, 'subsidy-rules');

    const month = previousMonth(new Date().toISOString().slice(0, 7));
    const { items } = await okJson<{ items: { requesterId: string }[] }>(
      await page.request.get(`${baseUrl}/api/v1/activities?status=approved&pageSize=50`),
    );
    expect(items.length).toBeGreaterThan(0);
    await page.goto(`${baseUrl}/members/${items[0]!.requesterId}/claims/${month}`);
    expect(await heading(page)).toContain('利用料助成・無償化の申請書');
    await checkA11yAtBothSizes(page, 'claim-form');
    await at360(page, 'claim-form');

    await page.goto(`${baseUrl}/claims/ledger?month=${month}`);
    expect(await heading(page)).toContain('助成・無償化の申請台帳');
    await checkA11yAtBothSizes(page, 'claims-ledger');
    await at360(page, 'claims-ledger');
  });
});
