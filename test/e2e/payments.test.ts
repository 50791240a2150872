/**
 * Journey (issue #18, point 1): on the demo center, the family records a cash payment for an
 * approved activity → the helper, on her phone, taps 受け取りました on the activity → the payment
 * reads 受領済み → the family prints the receipt and reprints it (再発行); staff's list of unpaid and disputed amounts. Every page is checked with axe at
 * desktop size and at 320 px; the helper's phone view is also saved at 360 px.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
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
import { DEMO_PASSWORD, DEMO_STAFF, heading, okJson } from '../helpers/e2e-setup.js';

interface ActivityItem {
  id: string;
  requesterId: string;
  helperId: string;
}

describe.skipIf(!browserAvailable)('payment journey (browser)', () => {
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

  async function signedIn(email: string): Promise<Page> {
    const page = await (await newJapaneseContext(browser!)).newPage();
    await signIn(page, server!.baseUrl, email, DEMO_PASSWORD);
    return page;
  }

  it('the family records cash, the helper confirms on her phone, staff see what is outstanding', async () => {
    const baseUrl = server!.baseUrl;
    const staff = await signedIn(DEMO_STAFF);
    // An approved activity of the demo center with nothing paid yet, and its two parties.
    const { items } = await okJson<{ items: ActivityItem[] }>(
      await staff.request.get(`${baseUrl}/api/v1/activities?status=approved&pageSize=50`),
    );
    let activity: ActivityItem | undefined;
    for (const item of items) {
      const state = await okJson<{ state: string }>(
        await staff.request.get(`${baseUrl}/api/v1/activities/${item.id}/payment`),
      );
      if (state.state === 'unpaid') {
        activity = item;
        break;
      }
    }
    expect(activity, 'an approved, unpaid demo activity').toBeDefined();
    const emailOf = async (id: string) =>
      (await okJson<{ email: string }>(await staff.request.get(`${baseUrl}/api/v1/members/${id}`)))
        .email;
    const [parentEmail, helperEmail] = await Promise.all([
      emailOf(activity!.requesterId),
      emailOf(activity!.helperId),
    ]);

    // The family records the cash it handed over.
    const parent = await signedIn(parentEmail);
    await parent.goto(`${baseUrl}/activities/${activity!.id}/payment`);
    expect(await heading(parent)).toContain('援助活動のお支払い');
    await checkA11yAtBothSizes(parent, 'payment-record');
    await parent.locator('select[name="method"]').selectOption('cash');
    expect(
      await navigation(parent, () =>
        parent.locator(`form[action$="/payment"] button[type="submit"]`).click(),
      ),
    ).toBe(200);
    expect(pathnameOf(parent)).toBe(`/activities/${activity!.id}/payment`);
    await expect(parent.locator('#payment [data-status]').innerText()).resolves.toBe(
      '受領確認待ち',
    );

    // The helper, on her phone, confirms from the activity in one tap.
    const helper = await signedIn(helperEmail);
    await helper.setViewportSize({ width: 360, height: 780 });
    await helper.goto(`${baseUrl}/activities/${activity!.id}`);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await helper.screenshot({
      path: join(SCREENSHOT_DIR, 'payment-helper-tap-360.png'),
      fullPage: true,
    });
    await checkA11yAtBothSizes(helper, 'payment-helper-activity');
    expect(
      await navigation(helper, () =>
        helper.getByRole('button', { name: '受け取りました' }).click(),
      ),
    ).toBe(200);
    expect(pathnameOf(helper)).toBe(`/activities/${activity!.id}`);
    await expect(helper.locator('#payment [data-status]').innerText()).resolves.toBe('受領済み');
    await helper.screenshot({
      path: join(SCREENSHOT_DIR, 'payment-helper-received-360.png'),
      fullPage: true,
    });

    // The family prints the activity's receipt, then prints it again: 再発行, same number.
    await parent.goto(`${baseUrl}/activities/${activity!.id}/receipt`);
    expect(
      await navigation(parent, () =>
        parent.getByRole('button', { name: '領収書を発行する' }).click(),
      ),
    ).toBe(200);
    const number = await parent.locator('.receipt .stmt-head p').first().innerText();
    expect(number).toMatch(/^番号 \d{4}-\d{6}$/);
    await checkA11yAtBothSizes(parent, 'receipt-activity');
    expect(
      await navigation(parent, () =>
        parent.getByRole('button', { name: 'もう一度印刷する（再発行）' }).click(),
      ),
    ).toBe(200);
    await expect(parent.locator('.receipt-reissue').innerText()).resolves.toContain('再発行');
    await expect(parent.locator('.receipt').innerText()).resolves.toContain(number);

    // Staff record the family as ひとり親 with the evidence seen and its validity.
    await staff.goto(`${baseUrl}/members/${activity!.requesterId}/eligibility`);
    await checkA11yAtBothSizes(staff, 'eligibility');
    await staff.locator('select[name="category"]').selectOption('single_parent');
    await staff.locator('input[name="evidence"]').fill('児童扶養手当証書');
    await staff.locator('input[name="validFrom"]').fill('2026-04-01');
    await staff.locator('input[name="validTo"]').fill('2027-03-31');
    expect(
      await navigation(staff, () =>
        staff.locator('form[action$="/eligibility"] button[type="submit"]').click(),
      ),
    ).toBe(200);
    await expect(staff.locator('#eligibility-title + ul').innerText()).resolves.toContain(
      'ひとり親世帯',
    );

    // Staff: amounts of earlier months still unpaid or disputed.
    await staff.goto(`${baseUrl}/payments/outstanding`);
    expect(await heading(staff)).toBe('未払い・相違のある支払い');
    await checkA11yAtBothSizes(staff, 'payments-outstanding');
  });
});
