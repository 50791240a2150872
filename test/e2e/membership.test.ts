/**
 * Journey (issue 3): a parent applies on the public form → staff schedule an orientation and
 * record attendance on the sheet → staff approve the requester side (a member number appears) →
 * the parent adds a second child. Japanese first, English once; axe at both sizes on every page.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserAvailable,
  checkA11yAtBothSizes,
  htmlLang,
  launchBrowser,
  navigation,
  newJapaneseContext,
  pathnameOf,
  signIn,
  startServer,
  type RunningServer,
} from '../helpers/browser.js';

const RUN = Date.now().toString(36);
const PARENT_EMAIL = `journey.${RUN}@example.jp`;
const PASSWORD = 'sakura no kisetsu 2026';

/** Tokyo wall clock `minutes` from now, as a date and an HH:MM time (clamped to today). */
function tokyoClock(minutes: number) {
  const t = new Date(Date.now() + 9 * 3_600_000);
  const date = t.toISOString().slice(0, 10);
  const total = Math.min(
    23 * 60 + 59,
    Math.max(0, t.getUTCHours() * 60 + t.getUTCMinutes() + minutes),
  );
  return {
    date,
    time: `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`,
  };
}

describe.skipIf(!browserAvailable)('membership journey', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a parent applies, attends the orientation, is approved and adds a second child', async () => {
    const base = server.baseUrl;
    const parentContext = await newJapaneseContext(browser);
    const parent = await parentContext.newPage();

    // 1. The public application form.
    await parent.goto(`${base}/apply`);
    expect(await htmlLang(parent)).toBe('ja');
    await checkA11yAtBothSizes(parent, 'membership-apply');
    await parent.locator('input[name="kind"][value="requester"]').check();
    const fill = (name: string, value: string) => parent.locator(`[name="${name}"]`).fill(value);
    await fill('name', '森 はるか');
    await fill('nameKana', 'もり はるか');
    await fill('birthDate', '1993-02-11');
    await fill('phone', '090-4321-8765');
    await fill('address', 'みどり市中央3-1-1');
    await parent.locator('select[name="area"]').selectOption('chuo');
    await fill('email', PARENT_EMAIL);
    await fill('password', PASSWORD);
    await fill('children.0.name', '森 そら');
    await fill('children.0.nameKana', 'モリ ソラ');
    await fill('children.0.birthDate', '2022-06-01');
    await fill('emergencyContacts.0.name', '森 一郎');
    await fill('emergencyContacts.0.relation', '夫');
    await fill('emergencyContacts.0.phone', '090-1111-0000');
    // Only one contact first: the form says why, next to the field, and keeps what was typed.
    await parent.locator('input[name="consent.terms"]').check();
    await parent.locator('input[name="consent.healthData"]').check();
    const rejected = await navigation(parent, () =>
      parent.locator('form[action="/apply"] button[type="submit"]').click(),
    );
    expect(rejected).toBe(422);
    await expect.poll(() => parent.locator('.error-summary').count()).toBeGreaterThan(0);
    expect(await parent.locator('[name="children.0.name"]').inputValue()).toBe('森 そら');
    await checkA11yAtBothSizes(parent, 'membership-apply-errors');
    await fill('password', PASSWORD);
    await fill('emergencyContacts.1.name', '森 花子');
    await fill('emergencyContacts.1.relation', '母');
    await fill('emergencyContacts.1.phone', '042-111-2222');
    const applied = await navigation(parent, () =>
      parent.locator('form[action="/apply"] button[type="submit"]').click(),
    );
    expect(applied).toBe(200);
    expect(pathnameOf(parent)).toBe('/my/orientations');

    // 2. Staff schedule an orientation that is under way now.
    const staffContext = await newJapaneseContext(browser);
    const staff = await staffContext.newPage();
    await signIn(staff, base, 'staff@example.jp', 'tsunagu-demo-2026');
    await staff.goto(`${base}/orientations`);
    await checkA11yAtBothSizes(staff, 'membership-orientations');
    const start = tokyoClock(-60);
    const end = tokyoClock(60);
    await staff.locator('[name="date"]').fill(start.date);
    await staff.locator('[name="startTime"]').fill(start.time);
    await staff.locator('[name="endTime"]').fill(end.time);
    await staff.locator('[name="venue"]').fill(`子育て支援センター ${RUN}`);
    await staff.locator('[name="capacity"]').fill('10');
    expect(
      await navigation(staff, () =>
        staff.locator('form[action="/orientations"] button[type="submit"]').click(),
      ),
    ).toBe(200);

    // 3. The parent registers for it from her page.
    await parent.reload();
    await checkA11yAtBothSizes(parent, 'membership-my-orientations');
    const registerForm = parent
      .locator('form[action^="/my/orientations/"][action$="/register"]')
      .first();
    expect(await navigation(parent, () => registerForm.locator('button').click())).toBe(200);

    // 4. Staff record attendance on the sheet.
    await staff.goto(`${base}/orientations`);
    await staff
      .locator(`a:has-text("子育て支援センター ${RUN}")`)
      .first()
      .click()
      .catch(async () => {
        await staff.locator('a[href^="/orientations/"]').first().click();
      });
    await staff.waitForLoadState();
    await checkA11yAtBothSizes(staff, 'membership-attendance-sheet');
    await staff.locator('input[name="attended"]').first().check();
    expect(
      await navigation(staff, () =>
        staff.locator('form[action$="/attendance"] button[type="submit"]').click(),
      ),
    ).toBe(200);

    // 5. Staff find her and approve the requester side: she gets a member number.
    await staff.goto(`${base}/members?q=${encodeURIComponent('モリ')}`);
    await checkA11yAtBothSizes(staff, 'membership-directory');
    await staff.locator('a:has-text("森 はるか")').first().click();
    await staff.waitForLoadState();
    await checkA11yAtBothSizes(staff, 'membership-member-page');
    expect(
      await navigation(staff, () =>
        staff.locator('form[action$="/approve"] button[type="submit"]').first().click(),
      ),
    ).toBe(200);
    await expect.poll(async () => (await staff.textContent('main')) ?? '').toMatch(/\d{5}/);

    // 6. The parent adds a second child, then reads her page in English.
    await parent.goto(`${base}/my/children/new`);
    await checkA11yAtBothSizes(parent, 'membership-add-child');
    await parent.locator('[name="name"]').fill('森 うみ');
    await parent.locator('[name="nameKana"]').fill('モリ ウミ');
    await parent.locator('[name="birthDate"]').fill('2024-09-09');
    expect(
      await navigation(parent, () =>
        parent.locator('form.member-form button[type="submit"]').click(),
      ),
    ).toBe(200);
    expect(pathnameOf(parent)).toBe('/my/children');
    expect(await parent.textContent('main')).toContain('森 うみ');
    expect(await parent.textContent('main')).toContain('森 そら');
    await navigation(parent, () => parent.locator('.lang-switch button[value="en"]').click());
    expect(await htmlLang(parent)).toBe('en');
    await checkA11yAtBothSizes(parent, 'membership-children-en');

    await parentContext.close();
    await staffContext.close();
  }, 300_000);
});
