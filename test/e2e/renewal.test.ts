/**
 * Journey (issue #19, point 3): a member confirms her details for the fiscal year from a 360 px
 * phone on one page (年度更新): she first sends it unticked and sees why, then answers; her page
 * says it is confirmed and staff see her on the confirmation list. Japanese (a parent) and
 * English (a helper); axe and screenshots at 360 px and 1280 px.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokyoDateOf } from '../../src/lib/dates.js';
import { renewalYearOn } from '../../src/modules/members/renewal-rules.js';
import {
  browserAvailable,
  checkA11y,
  checkNoHorizontalScroll,
  htmlLang,
  launchBrowser,
  navigation,
  pathnameOf,
  SCREENSHOT_DIR,
  signIn,
  startServer,
  type RunningServer,
} from '../helpers/browser.js';
import { DEMO_PASSWORD, DEMO_STAFF } from '../helpers/e2e-setup.js';

const PHONE = { width: 360, height: 780 } as const;
const DESKTOP = { width: 1280, height: 900 } as const;

describe.skipIf(!browserAvailable)('annual renewal journey (browser)', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ RUN_SCHEDULED_JOBS: '0' });
    browser = await launchBrowser();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function phonePage(locale: 'ja' | 'en'): Promise<Page> {
    const context = await browser.newContext({
      viewport: { ...PHONE },
      locale: locale === 'ja' ? 'ja-JP' : 'en-GB',
      timezoneId: 'Asia/Tokyo',
      hasTouch: true,
    });
    return context.newPage();
  }

  /** Screenshot and axe at 360 px, then at 1280 px, back to the phone. */
  async function look(page: Page, label: string) {
    for (const [suffix, size] of [
      ['360', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      await page.setViewportSize({ ...size });
      await page.screenshot({
        path: join(SCREENSHOT_DIR, `${label}-${suffix}.png`),
        fullPage: true,
      });
      await checkA11y(page, `${label} @${suffix}`);
      if (suffix === '360') await checkNoHorizontalScroll(page, `${label} @360`);
    }
    await page.setViewportSize({ ...PHONE });
  }

  const year = renewalYearOn(tokyoDateOf(new Date()));
  const journeys = [
    {
      locale: 'ja',
      email: 'parent@example.jp',
      side: 'continueRequester',
      texts: {
        link: '年度更新（登録内容の確認）',
        title: `${year}年度の年度更新`,
        unticked: '登録内容を確認したら、チェックを入れてください',
        saved: '年度更新の確認を受け付けました',
        confirmed: '確認済みです',
      },
    },
    {
      locale: 'en',
      email: 'helper@example.jp',
      side: 'continueHelper',
      texts: {
        link: 'Annual renewal (check your details)',
        title: `Renewal for fiscal year ${year}`,
        unticked: 'Tick the box once you have checked your details',
        saved: 'your renewal has been received',
        confirmed: 'Confirmed on',
      },
    },
  ] as const;

  for (const j of journeys) {
    it(`a member confirms her details on one page from a 360 px phone (${j.locale})`, async () => {
      const page = await phonePage(j.locale);
      try {
        await signIn(page, server.baseUrl, j.email, DEMO_PASSWORD);
        await page.goto(`${server.baseUrl}/my`);
        expect(await htmlLang(page)).toBe(j.locale);
        await navigation(page, () => page.getByRole('link', { name: j.texts.link }).click());
        expect(pathnameOf(page)).toBe('/my/renewal');
        expect(await page.locator('h1').textContent()).toBe(j.texts.title);
        await look(page, `renewal-${j.locale}`);

        // Sent without the boxes ticked: the reasons, at the top and at each field.
        await page.locator(`input[name="${j.side}"][value="yes"]`).check();
        expect(
          await navigation(page, () =>
            page.locator('form.member-form button[type="submit"]').click(),
          ),
        ).toBe(422);
        expect(await page.locator('.error-summary').textContent()).toContain(j.texts.unticked);
        await look(page, `renewal-errors-${j.locale}`);
        // The answer given is kept.
        expect(await page.locator(`input[name="${j.side}"][value="yes"]`).isChecked()).toBe(true);

        await page.locator('input[name="detailsChecked"]').check();
        await page.locator('input[name="consent"]').check();
        expect(
          await navigation(page, () =>
            page.locator('form.member-form button[type="submit"]').click(),
          ),
        ).toBe(200);
        expect(pathnameOf(page)).toBe('/my');
        expect(await page.locator('main').textContent()).toContain(j.texts.saved);

        await page.goto(`${server.baseUrl}/my/renewal`);
        expect(await page.locator('main').textContent()).toContain(j.texts.confirmed);
        await look(page, `renewal-confirmed-${j.locale}`);
      } finally {
        await page.context().close();
      }
    });
  }

  it('staff see who has confirmed, on a phone and at desk size', async () => {
    const page = await phonePage('ja');
    try {
      await signIn(page, server.baseUrl, DEMO_STAFF, DEMO_PASSWORD);
      await page.goto(`${server.baseUrl}/renewals/confirmations`);
      expect(await page.locator('h1').textContent()).toBe(`年度更新の確認状況（${year}年度）`);
      expect(await page.locator('main').textContent()).toContain('マイページで確認');
      await look(page, 'renewal-staff-ja');
    } finally {
      await page.context().close();
    }
  });
});
