/**
 * Journey (issue #22), in Japanese and English: a parent uses "forgot password", takes the link
 * from the outbox, sets a new password and signs in with it; an administrator disables a staff
 * account and that staff member's open session is refused on its next click.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { createNodeDeps } from '../../src/node/deps.js';
import {
  browserAvailable,
  checkA11yAtBothSizes,
  DESKTOP,
  launchBrowser,
  navigation,
  newJapaneseContext,
  pathnameOf,
  signIn,
  startServer,
  type RunningServer,
} from '../helpers/browser.js';
import { DEMO_ADMIN, DEMO_PASSWORD, DEMO_STAFF } from '../helpers/e2e-setup.js';

const NEW_PASSWORD = 'a fresh spring passphrase 22';

describe.skipIf(!browserAvailable)('account recovery and staff lifecycle journey (browser)', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'tsunagu-e2e-accounts-'));
  const databasePath = join(dir, 'tsunagu.db');

  beforeAll(async () => {
    server = await startServer({ DATABASE_PATH: databasePath });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const contextFor = (locale: 'ja' | 'en'): Promise<BrowserContext> =>
    locale === 'ja'
      ? newJapaneseContext(browser!)
      : browser!.newContext({
          viewport: { ...DESKTOP },
          locale: 'en-US',
          timezoneId: 'Asia/Tokyo',
        });

  /** The reset link of the latest mail to `email`, read from the server's outbox. */
  async function resetLinkFor(email: string): Promise<string> {
    const { sqlite, deps } = createNodeDeps(
      parseConfig({ NODE_ENV: 'test', DATABASE_PATH: databasePath }),
    );
    try {
      const mail = await deps.db
        .selectFrom('outbox')
        .select('body')
        .where('to_email', '=', email)
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow();
      return /https?:\/\/\S+\/reset-password\?token=\S+/.exec(mail.body)![0];
    } finally {
      sqlite.close();
    }
  }

  const texts = {
    ja: {
      forgot: 'パスワードを忘れた方',
      send: 'リンクを送る',
      set: 'パスワードを設定する',
      sent: '再設定用のリンクをお送りしました',
      disable: 'アカウントを無効にする',
      enable: 'アカウントを有効に戻す',
      manage: '管理',
    },
    en: {
      forgot: 'Forgot your password?',
      send: 'Send the link',
      set: 'Set the password',
      sent: 'we have sent a link',
      disable: 'Disable the account',
      enable: 'Enable the account again',
      manage: 'Manage',
    },
  } as const;

  for (const [locale, email] of [
    ['ja', 'parent@example.jp'],
    ['en', 'helper@example.jp'],
  ] as const) {
    it(`a member resets a forgotten password from the mailed link and signs in (${locale})`, async () => {
      const t = texts[locale];
      const context = await contextFor(locale);
      try {
        const page = await context.newPage();
        const base = server!.baseUrl;
        await page.goto(`${base}/login`);
        await navigation(page, () => page.getByRole('link', { name: t.forgot }).click());
        expect(pathnameOf(page)).toBe('/forgot-password');
        await checkA11yAtBothSizes(page, `forgot-password-${locale}`);
        await page.locator('input[name="email"]').fill(email);
        expect(
          await navigation(page, () => page.getByRole('button', { name: t.send }).click()),
        ).toBe(200);
        expect(await page.getByRole('status').innerText()).toContain(t.sent);

        const link = await resetLinkFor(email);
        await page.goto(link.replace(/^https?:\/\/[^/]+/, base));
        await checkA11yAtBothSizes(page, `reset-password-${locale}`);
        await page.locator('input[name="newPassword"]').fill(NEW_PASSWORD);
        await page.locator('input[name="confirmPassword"]').fill(NEW_PASSWORD);
        await navigation(page, () => page.getByRole('button', { name: t.set }).click());
        expect(pathnameOf(page)).toBe('/login');

        await signIn(page, base, email, NEW_PASSWORD);
        expect(pathnameOf(page)).not.toBe('/login');
      } finally {
        await context.close();
      }
    });
  }

  async function adminSetsStaff(page: Page, locale: 'ja' | 'en', action: 'disable' | 'enable') {
    const t = texts[locale];
    await page.goto(`${server!.baseUrl}/staff-accounts`);
    const row = page.getByRole('row').filter({ hasText: DEMO_STAFF });
    await navigation(page, () => row.getByRole('link', { name: t.manage }).click());
    await navigation(page, () => page.getByRole('button', { name: t[action] }).click());
  }

  for (const locale of ['ja', 'en'] as const) {
    it(`an admin disables a staff account; the staff member's open session is refused on the next click (${locale})`, async () => {
      const adminContext = await contextFor(locale);
      const staffContext = await contextFor(locale);
      try {
        const admin = await adminContext.newPage();
        const staff = await staffContext.newPage();
        const base = server!.baseUrl;
        await signIn(staff, base, DEMO_STAFF, DEMO_PASSWORD);
        await signIn(admin, base, DEMO_ADMIN, DEMO_PASSWORD);

        await adminSetsStaff(admin, locale, 'disable');
        await checkA11yAtBothSizes(admin, `staff-account-${locale}`);

        // The staff member's open page: the next click lands on the sign-in page.
        await navigation(staff, () =>
          staff.getByRole('navigation').getByRole('link').first().click(),
        );
        expect(pathnameOf(staff)).toBe('/login');
        await staff.locator('input[name="email"]').fill(DEMO_STAFF);
        await staff.locator('input[name="password"]').fill(DEMO_PASSWORD);
        await navigation(staff, () =>
          staff.locator('form[action="/login"] button[type="submit"]').click(),
        );
        expect(pathnameOf(staff)).toBe('/login');

        // Enabled again for the next journey.
        await adminSetsStaff(admin, locale, 'enable');
      } finally {
        await adminContext.close();
        await staffContext.close();
      }
    });
  }
});
