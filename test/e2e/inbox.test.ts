/**
 * Journey: a parent reads notifications in the inbox (お知らせ), marks one and then all read;
 * the header count follows. The inbox is checked with axe at desktop size and at 320 px.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { notify } from '../../src/modules/notifications/notifications.service.js';
import { createNodeDeps } from '../../src/node/deps.js';
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

const PARENT = 'parent@example.jp';

describe.skipIf(!browserAvailable)('inbox journey (browser)', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'tsunagu-e2e-inbox-'));
  const databasePath = join(dir, 'tsunagu.db');

  beforeAll(async () => {
    // The server's own job pass (2 s after start) would add reminders mid-test and move the count.
    server = await startServer({ DATABASE_PATH: databasePath, RUN_SCHEDULED_JOBS: '0' });
    // Notify the demo parent through the same database the server uses (WAL: safe side by side).
    const { sqlite, deps } = createNodeDeps(
      parseConfig({ NODE_ENV: 'test', DATABASE_PATH: databasePath }),
    );
    try {
      const parent = await deps.db
        .selectFrom('user')
        .select('id')
        .where('email', '=', PARENT)
        .executeTakeFirstOrThrow();
      for (const [name, number] of [
        ['さくら', 1],
        ['はると', 2],
      ] as const)
        await notify(deps, {
          userId: parent.id,
          kind: 'test',
          params: { name, number },
          link: '/',
        });
    } finally {
      sqlite.close();
    }
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  function inboxLink(page: Page) {
    return page.getByRole('navigation').getByRole('link', { name: /^お知らせ/ });
  }

  it('shows the unread count in the header, lists and marks notifications read', async () => {
    const context = await newJapaneseContext(browser!);
    try {
      const page = await context.newPage();
      await signIn(page, server!.baseUrl, PARENT, DEMO_PASSWORD);
      const link = inboxLink(page);
      // Other demo notices (from seeding) may exist too: read the number, not a constant.
      const label = (await link.getAttribute('aria-label')) ?? '';
      expect(label).toMatch(/^お知らせ（未読 \d+ 件）$/);
      const unread = Number(/(\d+)/.exec(label)![1]);
      expect(unread).toBeGreaterThanOrEqual(2);
      expect((await link.innerText()).trim()).toBe(`お知らせ (${unread})`);

      expect(await navigation(page, () => link.click())).toBe(200);
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('お知らせ');
      const item = page.locator('.inbox-item', { hasText: 'テストのお知らせ（はるとさんへ）' });
      await expect(item.locator('.inbox-item__status').innerText()).resolves.toBe('未読');
      await checkA11yAtBothSizes(page, 'inbox');

      expect(
        await navigation(page, () => item.getByRole('button', { name: '既読にする' }).click()),
      ).toBe(200);
      await expect(page.getByRole('status').first().innerText()).resolves.toContain(
        '既読にしました',
      );
      expect(await inboxLink(page).getAttribute('aria-label')).toBe(
        unread > 1 ? `お知らせ（未読 ${unread - 1} 件）` : null,
      );

      expect(
        await navigation(page, () =>
          page.getByRole('button', { name: 'すべて既読にする' }).click(),
        ),
      ).toBe(200);
      expect((await inboxLink(page).innerText()).trim()).toBe('お知らせ');
      await checkA11yAtBothSizes(page, 'inbox-all-read');
    } finally {
      await context.close();
    }
  });
});
