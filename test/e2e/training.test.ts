/**
 * Journey: staff schedule a training session, sign two new helpers up and take attendance on the
 * sheet; each helper's 講習・資格 page turns from 「研修中」 (in training) to 「活動できます」
 * (eligible). Once in Japanese, once in English, with a partial attendance first. Every page
 * visited is checked with axe at desktop size and at 320 px (screenshots in
 * test-results/screenshots/training-*.png).
 *
 * The server starts from the demo center; the helpers are created through the public API (an
 * application, then staff approval), the rest through the pages.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserAvailable,
  checkA11yAtBothSizes,
  launchBrowser,
  navigation,
  newJapaneseContext,
  pathnameOf,
  signIn,
  startServer,
  type RunningServer,
} from '../helpers/browser.js';
import { DEMO_ADMIN, DEMO_PASSWORD, DEMO_STAFF, heading, tokyoDate } from '../helpers/e2e-setup.js';

const HELPER_PASSWORD = 'midori no kaze 2026';

/** A Tokyo calendar date, `days` from today. */
interface Helper {
  id: string;
  name: string;
  email: string;
}

/** A helper who applied online and whom staff approved (helper side active, no training yet). */
async function createApprovedHelper(baseUrl: string, name: string, kana: string, email: string) {
  const json = { 'content-type': 'application/json' };
  const applied = await fetch(`${baseUrl}/api/v1/applications`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({
      kind: 'helper',
      name,
      nameKana: kana,
      email,
      password: HELPER_PASSWORD,
      phone: '090-2222-3333',
      birthDate: '1962-04-10',
      address: 'みどり市中央2-3-4',
      area: 'chuo',
      children: [],
      emergencyContacts: [],
      consent: { terms: true, healthData: false },
    }),
  });
  expect(applied.status).toBe(201);
  const { member } = (await applied.json()) as { member: { id: string } };
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ email: DEMO_STAFF, password: DEMO_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const approved = await fetch(`${baseUrl}/api/v1/members/${member.id}/approve`, {
    method: 'POST',
    headers: { ...json, cookie },
    body: JSON.stringify({ side: 'helper' }),
  });
  expect(approved.status).toBe(200);
  return { id: member.id, name, email } satisfies Helper;
}

/** The status card of the helper's page: badge and progress text. */
async function statusCard(page: Page): Promise<string> {
  return (await page.locator('.training-status').innerText()).replace(/\s+/g, ' ');
}

describe.skipIf(!browserAvailable)('training journey (browser)', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let hanako: Helper;
  let grace: Helper;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    hanako = await createApprovedHelper(
      server.baseUrl,
      '山田 花子',
      'ヤマダ ハナコ',
      'hanako@example.jp',
    );
    grace = await createApprovedHelper(
      server.baseUrl,
      'Grace 森',
      'グレース モリ',
      'grace@example.jp',
    );
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function withPage<T>(run: (page: Page) => Promise<T>): Promise<T> {
    const context = await newJapaneseContext(browser!);
    try {
      return await run(await context.newPage());
    } finally {
      await context.close();
    }
  }

  it('staff take attendance and the helper becomes eligible (Japanese, then English)', async () => {
    const baseUrl = server!.baseUrl;
    const staff = await (await newJapaneseContext(browser!)).newPage();
    await signIn(staff, baseUrl, DEMO_STAFF, DEMO_PASSWORD);

    // Staff: the training menu and the list of sessions (the demo's are there).
    const nav = staff.getByRole('navigation', { name: 'メインメニュー' });
    expect(await navigation(staff, () => nav.getByRole('link', { name: '講習会' }).click())).toBe(
      200,
    );
    expect(pathnameOf(staff)).toBe('/training/sessions');
    expect(await heading(staff)).toBe('講習会');
    await checkA11yAtBothSizes(staff, 'training-sessions');

    // A mistake first: no module ticked, end before start.
    const form = staff.locator('form[action="/training/sessions"]');
    const create = form.getByRole('button', { name: '登録する' });
    await form.getByLabel('日付').fill(tokyoDate());
    await form.getByLabel('開始時刻').fill('09:30');
    await form.getByLabel('終了時刻').fill('09:00');
    await form.getByLabel('会場').fill('みどり市民センター 2階 研修室');
    expect(await navigation(staff, () => create.click())).toBe(422);
    expect(await staff.getByRole('alert').innerText()).toContain('入力内容を確認してください。');
    expect(await staff.locator('#field-moduleIds-error').innerText()).toContain(
      '講習の科目を1つ以上選んでください。',
    );
    await checkA11yAtBothSizes(staff, 'training-sessions-errors');

    // Today's session: the whole course (basic modules and first aid), 24 + 3 hours.
    await form.getByLabel('終了時刻').fill('16:30');
    const modules = form.getByRole('group', { name: '講習の科目' });
    const labels = await modules.locator('label').allInnerTexts();
    for (const [i, label] of labels.entries()) {
      if (!/フォローアップ|病児/.test(label)) await modules.locator('input').nth(i).check();
    }
    expect(await navigation(staff, () => create.click())).toBe(200);
    expect(pathnameOf(staff)).toMatch(/^\/training\/sessions\/.+/);
    const sessionUrl = staff.url();
    expect(await staff.getByRole('status').innerText()).toBe('講習会を登録しました。');

    // A first-aid session next week, for the helper to sign up herself.
    await staff.goto(`${baseUrl}/training/sessions`);
    await form.getByLabel('日付').fill(tokyoDate(7));
    await form.getByLabel('開始時刻').fill('13:30');
    await form.getByLabel('終了時刻').fill('16:30');
    await form.getByLabel('会場').fill('みどり市消防本部 講堂');
    await form.getByLabel('定員').fill('2');
    await modules.getByLabel(/^救命講習/).check();
    expect(await navigation(staff, () => create.click())).toBe(200);

    // Staff sign both helpers up for today's session.
    await staff.goto(sessionUrl);
    for (const h of [hanako, grace]) {
      const add = staff.locator('form[action$="/enrollments"]');
      await add.getByLabel('提供会員').selectOption(h.id);
      expect(
        await navigation(staff, () => add.getByRole('button', { name: '申し込む' }).click()),
      ).toBe(200);
      expect(await staff.getByRole('status').innerText()).toBe(`${h.name}さんを申し込みました。`);
    }
    await checkA11yAtBothSizes(staff, 'training-session');

    // Hanako (Japanese): in training, nothing done yet; she signs up for first aid herself.
    const helper = await (await newJapaneseContext(browser!)).newPage();
    await signIn(helper, baseUrl, hanako.email, HELPER_PASSWORD);
    const helperNav = helper.getByRole('navigation', { name: 'メインメニュー' });
    expect(
      await navigation(helper, () => helperNav.getByRole('link', { name: '講習・資格' }).click()),
    ).toBe(200);
    expect(await heading(helper)).toBe('講習と資格');
    expect(await statusCard(helper)).toContain('研修中');
    expect(await statusCard(helper)).toContain('11科目中0科目、27時間中0時間を修了');
    const firstAid = helper.locator('.training-session').filter({ hasText: '消防本部 講堂' });
    expect(await firstAid.innerText()).toContain('残り2席（定員2名）');
    expect(
      await navigation(helper, () =>
        firstAid.getByRole('button', { name: '申し込む', exact: true }).click(),
      ),
    ).toBe(200);
    expect(await helper.getByRole('status').innerText()).toBe('講習会に申し込みました。');
    expect(
      await helper.locator('.training-session').filter({ hasText: '消防本部 講堂' }).innerText(),
    ).toContain('申し込み済みです。');
    await checkA11yAtBothSizes(helper, 'training-helper-ja-in-training');

    // Staff tick every module for Hanako on the attendance sheet and save.
    await staff.goto(sessionUrl);
    const hanakoBoxes = staff.locator(`input[name^="att.${hanako.id}."]`);
    expect(await hanakoBoxes.count()).toBe(11);
    for (const box of await hanakoBoxes.all()) await box.check();
    expect(
      await navigation(staff, () => staff.getByRole('button', { name: '出欠を保存する' }).click()),
    ).toBe(200);
    expect(await staff.getByRole('status').innerText()).toBe(
      '出欠を保存しました（受講した方 1名）。',
    );
    expect(await staff.getByLabel('山田 花子さん：保育の心').isChecked()).toBe(true);
    await checkA11yAtBothSizes(staff, 'training-attendance-saved');

    // Hanako's page now says she can help, and offers her certificate.
    await helper.reload();
    expect(await statusCard(helper)).toContain('活動できます');
    expect(await statusCard(helper)).toContain('11科目中11科目、27時間中27時間を修了');
    expect(await helper.locator('main').innerText()).toContain(
      '受けなければならない講習はありません。',
    );
    await checkA11yAtBothSizes(helper, 'training-helper-ja-eligible');
    expect(
      await navigation(helper, () =>
        helper.getByRole('link', { name: '修了証を表示する（印刷できます）' }).click(),
      ),
    ).toBe(200);
    expect(await heading(helper)).toBe('修了証');
    expect(await helper.locator('.certificate').innerText()).toContain('山田 花子 様');
    await checkA11yAtBothSizes(helper, 'training-certificate');

    // English: staff switch language; Grace attends only part of the course first.
    await staff.getByRole('button', { name: 'English' }).click();
    await staff.waitForLoadState('load');
    expect(await heading(staff)).toMatch(/^Session on /);
    const graceBoxes = staff.locator(`input[name^="att.${grace.id}."]`);
    const all = await graceBoxes.all();
    for (const box of all.slice(0, 5)) await box.check();
    expect(
      await navigation(staff, () => staff.getByRole('button', { name: 'Save attendance' }).click()),
    ).toBe(200);
    expect(await staff.getByRole('status').innerText()).toBe('Attendance saved (2 attended).');
    await checkA11yAtBothSizes(staff, 'training-attendance-partial-en');

    await withPage(async (page) => {
      await signIn(page, baseUrl, grace.email, HELPER_PASSWORD);
      await page.getByRole('button', { name: 'English' }).click();
      await page.waitForLoadState('load');
      await page.goto(`${baseUrl}/training`);
      expect(await heading(page)).toBe('Training and qualifications');
      expect(await statusCard(page)).toContain('In training');
      expect(await statusCard(page)).toMatch(/5 of 11 modules, \d+ of 27 hours completed/);
      expect(await page.locator('main').innerText()).toContain('What to attend next');
      await checkA11yAtBothSizes(page, 'training-helper-en-in-training');

      // The rest of the course: staff tick the remaining modules.
      for (const box of all) await box.check();
      expect(
        await navigation(staff, () =>
          staff.getByRole('button', { name: 'Save attendance' }).click(),
        ),
      ).toBe(200);
      expect(
        await staff.getByLabel(`${grace.name}: Basics of paediatric nursing`).isChecked(),
      ).toBe(true);

      await page.reload();
      expect(await statusCard(page)).toContain('You can help');
      expect(await statusCard(page)).toContain('11 of 11 modules, 27 of 27 hours completed');
      await checkA11yAtBothSizes(page, 'training-helper-en-eligible');
    });

    // Staff overview: both helpers are now eligible.
    await staff.goto(`${baseUrl}/training/helpers?status=eligible`);
    expect(await heading(staff)).toBe('Helper qualifications');
    const table = await staff.getByRole('table').innerText();
    expect(table).toContain(hanako.name);
    expect(table).toContain(grace.name);
    await checkA11yAtBothSizes(staff, 'training-helpers-en');

    await staff.context().close();
    await helper.context().close();
  });

  it('a helper sends in her first-aid card, staff approve it, and an admin sees the curriculum', async () => {
    const baseUrl = server!.baseUrl;
    const michiko = await createApprovedHelper(
      baseUrl,
      '佐々木 美智子',
      'ササキ ミチコ',
      'michiko@example.jp',
    );
    await withPage(async (page) => {
      await signIn(page, baseUrl, michiko.email, HELPER_PASSWORD);
      await page.goto(`${baseUrl}/training`);
      const form = page.locator('form[action="/training/records"]');
      const send = form.getByRole('button', { name: '届け出る' });
      // Forgot the evidence: told next to the field.
      await form.getByLabel('講習の科目').selectOption({ label: '救命講習（心肺蘇生・AED）' });
      await form.getByLabel('受講した日・資格を取った日').fill(tokyoDate(-30));
      expect(await navigation(page, () => send.click())).toBe(422);
      expect(await page.locator('#field-note-error').innerText()).toContain('入力してください。');
      await checkA11yAtBothSizes(page, 'training-submit-errors');
      await form.getByLabel('証明の内容').fill('みどり市消防本部 普通救命講習 修了証 第3456号');
      expect(await navigation(page, () => send.click())).toBe(200);
      expect(await page.getByRole('status').innerText()).toBe(
        '届け出を受け付けました。センターで確認するまでお待ちください。',
      );
      expect(await page.locator('main').innerText()).toContain('センターで確認中');
    });

    // The administrator (staff too) reviews; the first journey left 佐藤 in English.
    await withPage(async (page) => {
      await signIn(page, baseUrl, DEMO_ADMIN, DEMO_PASSWORD);
      await page.goto(`${baseUrl}/training/records/pending`);
      expect(await heading(page)).toBe('届け出の確認');
      await checkA11yAtBothSizes(page, 'training-pending');
      const item = page.locator('li.card').filter({ hasText: '佐々木 美智子' });
      expect(await item.innerText()).toContain('第3456号');
      expect(
        await navigation(page, () => item.getByRole('button', { name: '承認する' }).click()),
      ).toBe(200);
      expect(await page.getByRole('status').innerText()).toBe('承認しました。');
      expect(await page.locator('li.card').filter({ hasText: '佐々木 美智子' }).count()).toBe(0);

      // Her page for staff: first aid recorded, the basic course still to do.
      await page.goto(`${baseUrl}/training/helpers/${michiko.id}`);
      expect(await heading(page)).toBe('佐々木 美智子さんの講習・資格');
      expect(await page.locator('.training-status').innerText()).toContain('研修中');
      expect(await page.getByRole('table').innerText()).toContain('救命講習（心肺蘇生・AED）');
      await checkA11yAtBothSizes(page, 'training-helper-staff');

      await page.goto(`${baseUrl}/training/curriculum`);
      expect(await heading(page)).toBe('講習のカリキュラム');
      expect(await page.locator('main').innerText()).toContain(
        '基礎講習と救命講習：11科目、27時間',
      );
      expect(
        await navigation(page, () =>
          page.getByRole('button', { name: '標準のカリキュラムを読み込む' }).click(),
        ),
      ).toBe(200);
      expect(await page.getByRole('status').innerText()).toBe('標準の科目はすべて登録済みです。');
      await checkA11yAtBothSizes(page, 'training-curriculum');
    });
  });
});
