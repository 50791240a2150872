/**
 * Journey: signing in and out, in Japanese and English, and an administrator adding a staff
 * account. Every distinct page visited is checked with axe at desktop size and at 320 px.
 *
 * One server (demo center on a fresh database) per file; each test has its own browser context
 * (own cookies) and does not rely on what another test did.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserAvailable,
  checkA11yAtBothSizes,
  checkKeyboardFocus,
  htmlLang,
  launchBrowser,
  navigation,
  newJapaneseContext,
  pathnameOf,
  signIn,
  startServer,
  type RunningServer,
} from '../helpers/browser.js';
import { DEMO_PASSWORD, heading } from '../helpers/e2e-setup.js';

/** The text of the elements an input's aria-describedby points at (its hint and error). */
async function descriptionOf(input: Locator): Promise<string> {
  return input.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
      .join(' '),
  );
}

/** The error written inside the same `.field` as the input (so next to it, not elsewhere). */
async function errorNextTo(input: Locator): Promise<string | null> {
  return input.evaluate(
    (el) => el.closest('.field')?.querySelector('.field-error')?.textContent?.trim() ?? null,
  );
}

describe.skipIf(!browserAvailable)('sign-in journey (browser)', () => {
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

  /** A new Japanese-speaking visitor with no cookies. */
  async function withPage(run: (page: Page, baseUrl: string) => Promise<void>): Promise<void> {
    const context = await newJapaneseContext(browser!);
    try {
      await run(await context.newPage(), server!.baseUrl);
    } finally {
      await context.close();
    }
  }

  it('sends a visitor to the Japanese sign-in page and explains a failed sign-in', async () => {
    await withPage(async (page, baseUrl) => {
      const first = await page.goto(`${baseUrl}/`);
      expect(first?.status()).toBe(200);
      expect(pathnameOf(page)).toBe('/login');
      expect(await htmlLang(page)).toBe('ja');
      expect(await heading(page)).toBe('ログイン');
      expect(await page.title()).toContain('ログイン');
      await checkA11yAtBothSizes(page, 'login');

      // Keyboard: the first Tab reveals the skip link; focus is drawn on every control.
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: '本文へスキップ' });
      expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
      const skipBox = await skip.boundingBox();
      expect(skipBox && skipBox.x >= 0 && skipBox.y >= 0).toBe(true);
      await checkKeyboardFocus(page, page.getByRole('button', { name: 'English' }));
      await checkKeyboardFocus(page, page.getByLabel('メールアドレス'));
      await checkKeyboardFocus(page, page.getByRole('button', { name: 'ログインする' }));

      // Empty form: the server answers 422 and writes each problem next to its field.
      const submit = page.getByRole('button', { name: 'ログインする' });
      expect(await navigation(page, () => submit.click())).toBe(422);
      const summary = page.getByRole('alert').filter({ hasText: '入力内容を確認してください。' });
      expect(await summary.isVisible()).toBe(true);
      const email = page.getByLabel('メールアドレス');
      const password = page.getByLabel('パスワード');
      for (const input of [email, password]) {
        expect(await input.getAttribute('aria-invalid')).toBe('true');
        expect(await errorNextTo(input)).toContain('入力してください。');
        expect(await descriptionOf(input)).toContain('入力してください。');
      }
      // The summary links lead to the fields.
      expect(
        await summary.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
      ).toEqual(['#field-email', '#field-password']);
      await checkA11yAtBothSizes(page, 'login-errors');

      // Wrong password: one clear message that does not say which part was wrong.
      await email.fill('staff@example.jp');
      await password.fill('not-the-right-password');
      expect(await navigation(page, () => submit.click())).toBe(422);
      expect(pathnameOf(page)).toBe('/login');
      expect(await page.getByRole('alert').innerText()).toContain(
        'メールアドレスまたはパスワードが正しくありません。',
      );
      expect(await page.getByLabel('メールアドレス').inputValue()).toBe('staff@example.jp');
      expect(await page.getByLabel('パスワード').inputValue()).toBe('');
      // Still signed out.
      await page.goto(`${baseUrl}/`);
      expect(pathnameOf(page)).toBe('/login');
    });
  });

  it('signs staff in, switches to English, and signs out', async () => {
    await withPage(async (page, baseUrl) => {
      await page.goto(`${baseUrl}/login`);
      await page.getByLabel('メールアドレス').fill('staff@example.jp');
      await page.getByLabel('パスワード').fill(DEMO_PASSWORD);
      const status = await navigation(page, () =>
        page.getByRole('button', { name: 'ログインする' }).click(),
      );
      expect(status).toBe(200);
      expect(pathnameOf(page)).toBe('/');
      expect(await htmlLang(page)).toBe('ja');
      expect(await heading(page)).toBe('佐藤 美香さん、こんにちは。');
      expect(await page.locator('main').innerText()).toContain(
        'センター職員としてログインしています。',
      );
      // Staff are not administrators: no staff-accounts entry.
      const nav = page.getByRole('navigation', { name: 'メインメニュー' });
      expect(await nav.getByRole('link', { name: '職員アカウント' }).count()).toBe(0);
      await checkA11yAtBothSizes(page, 'home-ja');

      // The language switch.
      const japanese = page.getByRole('button', { name: '日本語' });
      expect(await japanese.getAttribute('aria-pressed')).toBe('true');
      expect(
        await navigation(page, () => page.getByRole('button', { name: 'English' }).click()),
      ).toBe(200);
      expect(pathnameOf(page)).toBe('/');
      expect(await htmlLang(page)).toBe('en');
      expect(await heading(page)).toBe('Hello, 佐藤 美香.');
      expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe(
        'true',
      );
      await checkA11yAtBothSizes(page, 'home-en');

      // It stays English on the next page.
      const enNav = page.getByRole('navigation', { name: 'Main menu' });
      expect(
        await navigation(page, () => enNav.getByRole('link', { name: 'Change password' }).click()),
      ).toBe(200);
      expect(pathnameOf(page)).toBe('/account/password');
      expect(await htmlLang(page)).toBe('en');
      expect(await heading(page)).toBe('Change password');
      expect(
        await enNav.getByRole('link', { name: 'Change password' }).getAttribute('aria-current'),
      ).toBe('page');
      expect(await page.getByLabel('Current password').isVisible()).toBe(true);
      await checkA11yAtBothSizes(page, 'change-password');

      // Sign out: back at sign-in, with a notice, still in English.
      expect(
        await navigation(page, () => page.getByRole('button', { name: 'Sign out' }).click()),
      ).toBe(200);
      expect(pathnameOf(page)).toBe('/login');
      expect(await htmlLang(page)).toBe('en');
      expect(await page.getByRole('status').innerText()).toBe('You have signed out.');
      expect(await heading(page)).toBe('Sign in');
      // The session is gone.
      await page.goto(`${baseUrl}/`);
      expect(pathnameOf(page)).toBe('/login');
      expect(await page.getByRole('status').count()).toBe(0);
    });
  });

  it('lets an administrator add a staff account, after fixing the form', async () => {
    await withPage(async (page, baseUrl) => {
      await signIn(page, baseUrl, 'admin@example.jp', DEMO_PASSWORD);
      expect(await heading(page)).toBe('山本 和子さん、こんにちは。');
      const nav = page.getByRole('navigation', { name: 'メインメニュー' });
      expect(
        await navigation(page, () => nav.getByRole('link', { name: '職員アカウント' }).click()),
      ).toBe(200);
      expect(pathnameOf(page)).toBe('/staff-accounts');
      expect(await heading(page)).toBe('職員アカウント');
      const table = page.getByRole('table');
      expect(await table.innerText()).toContain('staff@example.jp');
      await checkA11yAtBothSizes(page, 'staff-accounts');

      // A first attempt with mistakes.
      const form = page.locator('form[action="/staff-accounts"]');
      await form.getByLabel('氏名').fill('高橋 健');
      await form.getByLabel('メールアドレス').fill('takahashi-at-example.jp');
      await form.getByLabel('初期パスワード').fill('short');
      const add = form.getByRole('button', { name: '追加する' });
      expect(await navigation(page, () => add.click())).toBe(422);
      expect(await page.getByRole('alert').innerText()).toContain('入力内容を確認してください。');
      expect(await errorNextTo(form.getByLabel('メールアドレス'))).toContain(
        'メールアドレスの形式で入力してください。',
      );
      expect(await errorNextTo(form.getByLabel('初期パスワード'))).toContain(
        '12文字以上で入力してください。',
      );
      expect(await errorNextTo(form.getByLabel('氏名'))).toBeNull();
      // What was typed is kept (except the password).
      expect(await form.getByLabel('氏名').inputValue()).toBe('高橋 健');
      expect(await form.getByLabel('メールアドレス').inputValue()).toBe('takahashi-at-example.jp');
      expect(await form.getByLabel('初期パスワード').inputValue()).toBe('');
      await checkA11yAtBothSizes(page, 'staff-accounts-errors');

      // Fixed: the account is added and listed.
      await form.getByLabel('メールアドレス').fill('takahashi@example.jp');
      await form.getByLabel('初期パスワード').fill('midori-helper-desk-42');
      expect(await navigation(page, () => add.click())).toBe(200);
      expect(pathnameOf(page)).toBe('/staff-accounts');
      expect(await page.getByRole('status').innerText()).toBe(
        '高橋 健さんのアカウントを追加しました。',
      );
      const newRow = page.getByRole('row').filter({ hasText: 'takahashi@example.jp' });
      expect(await newRow.innerText()).toContain('高橋 健');
      expect(await newRow.innerText()).toContain('センター職員');
      await checkA11yAtBothSizes(page, 'staff-accounts-added');
    });

    // The new colleague can sign in with the initial password.
    await withPage(async (page, baseUrl) => {
      await signIn(page, baseUrl, 'takahashi@example.jp', 'midori-helper-desk-42');
      expect(await heading(page)).toBe('高橋 健さん、こんにちは。');
    });
  });
});
