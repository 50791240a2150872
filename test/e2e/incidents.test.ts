/**
 * Journey (issue #19): a helper phones the center after falling off her bicycle on the way to
 * help → staff record the accident on its own, linked to the help → attach a photo of the
 * graze → open an insurance case → record that the insurer was notified → close the case. Once in Japanese and once in English;
 * every page visited is checked with axe at desktop size and at 320 px, and screenshots at
 * 360 px and 1280 px are kept in test-results/screenshots.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserAvailable,
  checkA11yAtBothSizes,
  launchBrowser,
  navigation,
  newJapaneseContext,
  pathnameOf,
  SCREENSHOT_DIR,
  signIn,
  startServer,
  type RunningServer,
} from '../helpers/browser.js';
import { DEMO_PASSWORD, DEMO_STAFF, tokyoDate } from '../helpers/e2e-setup.js';

async function shots(page: Page, label: string) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const original = page.viewportSize();
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${label}-${width}.png`), fullPage: true });
  }
  if (original) await page.setViewportSize(original);
}

describe.skipIf(!browserAvailable)('accident → insurance case journey (browser)', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'tsunagu-e2e-incidents-'));

  beforeAll(async () => {
    server = await startServer({ DATABASE_PATH: join(dir, 'tsunagu.db') });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function journey(context: BrowserContext, lang: 'ja' | 'en') {
    const base = server!.baseUrl;
    const page = await context.newPage();
    await signIn(page, base, DEMO_STAFF, DEMO_PASSWORD);

    await page.goto(`${base}/incidents/new`);
    await checkA11yAtBothSizes(page, `incident-new-${lang}`);
    const today = tokyoDate(0);
    await page.locator('#field-date').fill(today);
    await page.locator('#field-time').fill('00:01');
    await page.locator('#field-place').fill(lang === 'ja' ? '駅前の交差点' : 'Station crossing');
    await page.locator('input[name="situation"][value="travel"]').check();
    // The help she was on her way to: the first recent request of the demo center, if any.
    const options = await page.locator('#field-link option').count();
    if (options > 1) await page.locator('#field-link').selectOption({ index: 1 });
    await page.locator('input[name="kind"][value="accident"]').check();
    await page.locator('input[name="severity"][value="moderate"]').check();
    await page.locator('input[name="victim"][value="helper"]').check();
    await page
      .locator('#field-description')
      .fill(lang === 'ja' ? '援助に向かう途中、自転車で転倒した。' : 'Fell off her bicycle.');
    await page
      .locator('#field-actionTaken')
      .fill(lang === 'ja' ? '擦り傷を水で洗った。' : 'Washed the graze.');
    await page.locator('#field-hospital').fill(lang === 'ja' ? 'みどり整形外科' : 'Midori clinic');
    await page.locator('#field-treatmentDays').fill('7');
    await shots(page, `incident-form-${lang}`);
    expect(
      await navigation(page, () => page.locator('form.member-form button[type="submit"]').click()),
    ).toBe(200);
    expect(pathnameOf(page)).toMatch(/^\/incidents\/[0-9a-f-]{36}$/);
    await checkA11yAtBothSizes(page, `incident-detail-${lang}`);
    await shots(page, `incident-detail-${lang}`);

    // A photo of the graze, as a phone's file picker gives it (JPEG bytes); it is listed.
    const incidentPath = pathnameOf(page);
    await page.locator('#field-file').setInputFiles({
      name: 'hiza.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]),
    });
    expect(
      await navigation(page, () =>
        page.locator(`form[action="${incidentPath}/attachments"] button[type="submit"]`).click(),
      ),
    ).toBe(200);
    expect(pathnameOf(page)).toBe(incidentPath);
    expect(await page.locator('#attachments a', { hasText: 'hiza.jpg' }).count()).toBe(1);
    await checkA11yAtBothSizes(page, `incident-attachments-${lang}`);
    await shots(page, `incident-attachments-${lang}`);

    // An insurance case for the helper's injury.
    await page.locator('#field-cover').selectOption('helper_injury');
    expect(
      await navigation(page, () =>
        page.locator('form[action$="/insurance-cases"] button[type="submit"]').click(),
      ),
    ).toBe(200);
    expect(pathnameOf(page)).toMatch(/^\/insurance-cases\/[0-9a-f-]{36}$/);
    const casePath = pathnameOf(page);
    await checkA11yAtBothSizes(page, `insurance-case-${lang}`);

    // The insurer is notified today.
    await page.locator('#field-insurerNotifiedOn').fill(today);
    await page
      .locator('#field-documentsSent')
      .fill(lang === 'ja' ? '事故報告書' : 'Accident report');
    expect(
      await navigation(page, () =>
        page.locator(`form[action="${casePath}"] button[type="submit"]`).click(),
      ),
    ).toBe(200);
    await shots(page, `insurance-case-${lang}`);
    expect(await page.locator('dl').textContent()).toContain(
      lang === 'ja' ? '事故報告書' : 'Accident report',
    );

    // Closed.
    expect(
      await navigation(page, () =>
        page.locator(`form[action="${casePath}/close"] button[type="submit"]`).click(),
      ),
    ).toBe(200);
    expect(await page.locator(`form[action="${casePath}/close"]`).count()).toBe(0);
    await page.goto(`${base}/insurance-cases?state=closed`);
    expect(await page.locator(`a[href="${casePath}"]`).count()).toBe(1);
    await checkA11yAtBothSizes(page, `insurance-list-${lang}`);
    await page.goto(`${base}/`);
    await shots(page, `dashboard-${lang}`);
    await page.close();
  }

  it('in Japanese', async () => {
    const context = await newJapaneseContext(browser!);
    try {
      await journey(context, 'ja');
    } finally {
      await context.close();
    }
  }, 180_000);

  it('in English', async () => {
    const context = await browser!.newContext({ locale: 'en-US', timezoneId: 'Asia/Tokyo' });
    try {
      await journey(context, 'en');
    } finally {
      await context.close();
    }
  }, 180_000);
});
