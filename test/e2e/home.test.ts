/**
 * Journeys from the member home (#17): a helper signs in and accepts an offer in one tap from her
 * home page; a parent starts a new request in one tap from hers, the button above the fold on a
 * 360 px phone. Each in Japanese and English, at 360 px and 1280 px; axe on every page visited,
 * and the compact phone header leaves the page's content within the first 150 px.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { createNodeDeps } from '../../src/node/deps.js';
import {
  browserAvailable,
  checkA11y,
  checkNoHorizontalScroll,
  checkTargetSizes,
  launchBrowser,
  navigation,
  pathnameOf,
  signIn,
  startServer,
  type RunningServer,
} from '../helpers/browser.js';
import { DEMO_PASSWORD, DEMO_STAFF, heading, okJson, tokyoDate } from '../helpers/e2e-setup.js';

const HELPER = 'helper@example.jp';
const PARENT = 'parent@example.jp';
/** Where the screenshots of the two home pages go (HOME_SHOTS_DIR: for the closing note). */
const SHOTS = process.env.HOME_SHOTS_DIR ?? join('test-results', 'screenshots');

const COMBOS = [
  { locale: 'ja', width: 360 },
  { locale: 'ja', width: 1280 },
  { locale: 'en', width: 360 },
  { locale: 'en', width: 1280 },
] as const;
type Combo = (typeof COMBOS)[number];

const TEXT = {
  ja: { accept: '引き受ける', accepted: '引き受けてくださり', newRequest: '援助を申し込む' },
  en: { accept: 'Accept', accepted: 'Thank you', newRequest: 'Request help' },
} as const;

/** Checks the page as it is shown now: axe, 44 px targets, no sideways scroll on a phone. */
async function checkHere(page: Page, label: string, width: number) {
  await checkA11y(page, label);
  await checkTargetSizes(page, label);
  if (width < 768) await checkNoHorizontalScroll(page, label);
}

/** The top of the page's own content (main's first element), in CSS pixels from the top. */
function contentTop(page: Page): Promise<number> {
  return page.evaluate(
    () => document.querySelector('main')!.firstElementChild!.getBoundingClientRect().top,
  );
}

describe.skipIf(!browserAvailable)('member home journeys (browser)', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let staffApi: APIRequestContext | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'tsunagu-e2e-home-'));
  const databasePath = join(dir, 'tsunagu.db');
  let ids: { parent: string; child: string; helper: string };

  beforeAll(async () => {
    server = await startServer({ DATABASE_PATH: databasePath });
    const { sqlite, deps } = createNodeDeps(
      parseConfig({ NODE_ENV: 'test', DATABASE_PATH: databasePath }),
    );
    try {
      const memberOf = (email: string) =>
        deps.db
          .selectFrom('member')
          .innerJoin('user', 'user.id', 'member.user_id')
          .select('member.id')
          .where('user.email', '=', email)
          .executeTakeFirstOrThrow();
      const parent = await memberOf(PARENT);
      const child = await deps.db
        .selectFrom('child')
        .select('id')
        .where('member_id', '=', parent.id)
        .executeTakeFirstOrThrow();
      ids = { parent: parent.id, child: child.id, helper: (await memberOf(HELPER)).id };
    } finally {
      sqlite.close();
    }
    browser = await launchBrowser();
    staffApi = (await browser.newContext({ baseURL: server.baseUrl })).request;
    await okJson(
      await staffApi.post('/api/v1/auth/login', {
        data: { email: DEMO_STAFF, password: DEMO_PASSWORD },
      }),
    );
    // Every day open, so the offers below fit her hours whatever weekday the tests run on.
    await okJson(
      await staffApi.put(`/api/v1/members/${ids.helper}/availability`, {
        data: {
          weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
            weekday,
            start: '06:00',
            end: '22:00',
          })),
        },
      }),
    );
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function newPage(combo: Combo): Promise<Page> {
    const context = await browser!.newContext({
      viewport: { width: combo.width, height: 780 },
      locale: combo.locale === 'ja' ? 'ja-JP' : 'en-GB',
      timezoneId: 'Asia/Tokyo',
    });
    return context.newPage();
  }

  /** Staff ask for help for the demo family and offer it to the demo helper (as the board does). */
  async function offerToDemoHelper(day: number): Promise<string> {
    const { request } = await okJson<{ request: { id: string } }>(
      await staffApi!.post('/api/v1/requests', {
        data: {
          requesterId: ids.parent,
          childIds: [ids.child],
          category: 8,
          startsAt: `${tokyoDate(day)}T10:00:00+09:00`,
          endsAt: `${tokyoDate(day)}T12:00:00+09:00`,
        },
      }),
      201,
    );
    await okJson(
      await staffApi!.post(`/api/v1/requests/${request.id}/offers`, {
        data: { helperIds: [ids.helper] },
      }),
      201,
    );
    return request.id;
  }

  for (const [i, combo] of COMBOS.entries()) {
    const label = `home-helper-${combo.locale}-${combo.width}`;
    it(`a helper accepts an offer in one tap from home (${combo.locale}, ${combo.width} px)`, async () => {
      const requestId = await offerToDemoHelper(3 + i);
      const page = await newPage(combo);
      try {
        await signIn(page, server!.baseUrl, HELPER, DEMO_PASSWORD);
        expect(pathnameOf(page)).toBe('/');
        if (combo.width === 360) expect(await contentTop(page)).toBeLessThanOrEqual(150);
        await page.screenshot({ path: join(SHOTS, `${label}.png`), fullPage: true });
        // The navigation's tab says how many offers wait (behind the menu on a phone).
        const nav = page.getByRole('navigation');
        if (combo.width === 360) await page.locator('.site-menu__toggle').click();
        expect(
          await nav
            .getByRole('link', {
              name: new RegExp(
                combo.locale === 'ja'
                  ? '^依頼の紹介（対応待ち \\d+ 件）'
                  : '^Offers \\(\\d+ waiting\\)',
              ),
            })
            .count(),
        ).toBe(1);
        await checkHere(page, label, combo.width);
        if (combo.width === 360) await page.locator('.site-menu__toggle').click();

        const card = page.locator('.offer-card', {
          has: page.locator(`a[href="/requests/${requestId}"]`),
        });
        expect(
          await navigation(page, () =>
            card.getByRole('button', { name: TEXT[combo.locale].accept }).click(),
          ),
        ).toBe(200);
        expect(pathnameOf(page)).toBe(`/requests/${requestId}`);
        expect(await page.getByRole('status').first().innerText()).toContain(
          TEXT[combo.locale].accepted,
        );
        await checkHere(page, `${label}-accepted`, combo.width);
      } finally {
        await page.context().close();
      }
    });
  }

  for (const combo of COMBOS) {
    const label = `home-parent-${combo.locale}-${combo.width}`;
    it(`a parent starts a new request in one tap from home (${combo.locale}, ${combo.width} px)`, async () => {
      const page = await newPage(combo);
      try {
        await signIn(page, server!.baseUrl, PARENT, DEMO_PASSWORD);
        expect(pathnameOf(page)).toBe('/');
        if (combo.width === 360) expect(await contentTop(page)).toBeLessThanOrEqual(150);
        await page.screenshot({ path: join(SHOTS, `${label}.png`), fullPage: true });
        const button = page.getByRole('link', { name: TEXT[combo.locale].newRequest });
        // Above the fold: the whole button is in the first screen, without scrolling.
        const box = (await button.boundingBox())!;
        expect(box.y + box.height).toBeLessThanOrEqual(780);
        await checkHere(page, label, combo.width);
        expect(await navigation(page, () => button.click())).toBe(200);
        expect(pathnameOf(page)).toBe('/requests/new');
        expect(await heading(page)).toBeTruthy();
        await checkHere(page, `${label}-new-request`, combo.width);
      } finally {
        await page.context().close();
      }
    });
  }
});
