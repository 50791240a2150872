/**
 * Journeys of center life, in Japanese:
 * 1. staff publish a 会員交流会 for helpers (a mistake first), print its flyer; the demo helper
 *    finds it on her home page and signs up with one child for childcare; staff take attendance
 *    on the one-page sheet; a parent (another audience) gets 404 for it.
 * 2. staff write news (preview, publish) and upload a newsletter PDF; the parent reads the news
 *    from her home page and downloads the newsletter.
 * 3. the demo parent finds a group near her by area and by her child's age, and prints the list.
 * Every page visited is checked with axe at desktop size and at 320 px (screenshots in
 * test-results/screenshots/events-*, announcements-*, newsletters-*, directory-*).
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
import { DEMO_PASSWORD, DEMO_STAFF, heading, tokyoDate } from '../helpers/e2e-setup.js';

const HELPER = 'helper@example.jp'; // 鈴木 恵子
const PARENT = 'parent@example.jp'; // 田中 さくら, 中央地区, children はると and ゆい

/** A Tokyo calendar date, `days` from today. */
/** Whole years between a birth date and today in Tokyo. */
function ageToday(birthDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = tokyoDate().split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

describe.skipIf(!browserAvailable)('center life journeys (browser)', () => {
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

  it('staff publish an exchange meeting for helpers, a helper signs up from home, staff take attendance', async () => {
    const baseUrl = server!.baseUrl;
    const staff = await signedIn(DEMO_STAFF);

    // The events of the demo center, from the menu.
    const nav = staff.getByRole('navigation', { name: 'メインメニュー' });
    expect(await navigation(staff, () => nav.getByRole('link', { name: 'イベント' }).click())).toBe(
      200,
    );
    expect(await heading(staff)).toBe('イベント');
    expect(await staff.locator('main').innerText()).toContain('提供会員 交流会（秋のお茶会）');
    await checkA11yAtBothSizes(staff, 'events-list-staff');

    // Publish: a mistake first (no venue, the end before the start).
    expect(
      await navigation(staff, () =>
        staff.getByRole('link', { name: 'イベントを登録する' }).click(),
      ),
    ).toBe(200);
    const form = staff.locator('form[action="/events"]');
    await form.getByLabel('会員交流会').check();
    await form.getByLabel('イベント名').fill('冬の提供会員交流会');
    await form.getByLabel('日付').fill(tokyoDate(1));
    await form.getByLabel('開始時刻').fill('10:00');
    await form.getByLabel('終了時刻').fill('09:00');
    await form.getByLabel('定員').fill('12');
    await form.getByLabel('提供会員の方').check();
    await form.getByLabel('あり', { exact: true }).check();
    await form
      .getByLabel('内容')
      .fill('## 内容\n- 先輩会員のお話\n- **お茶とお菓子**があります\n\n<script>alert(1)</script>');
    const publish = form.getByRole('button', { name: '登録して公開する' });
    expect(await navigation(staff, () => publish.click())).toBe(422);
    expect(await staff.getByRole('alert').innerText()).toContain('入力内容を確認してください。');
    expect(await staff.locator('#field-endTime-error').innerText()).toContain(
      '終了は開始より後にしてください。',
    );
    expect(await form.getByLabel('イベント名').inputValue()).toBe('冬の提供会員交流会');
    await checkA11yAtBothSizes(staff, 'events-new-errors');

    await form.getByLabel('終了時刻').fill('12:00');
    await form.getByLabel('会場').fill('みどり市民センター 3階 和室');
    expect(await navigation(staff, () => publish.click())).toBe(200);
    expect(pathnameOf(staff)).toMatch(/^\/events\/[0-9a-f-]{36}$/);
    const eventPath = pathnameOf(staff);
    expect(await staff.getByRole('status').innerText()).toContain('イベントを登録しました。');
    expect(await heading(staff)).toBe('冬の提供会員交流会');
    const about = await staff.locator('.markdown').innerHTML();
    expect(about).toContain('<strong>お茶とお菓子</strong>');
    expect(about).toContain('&lt;script&gt;');
    await checkA11yAtBothSizes(staff, 'events-detail-staff');

    // The flyer: one A4 sheet when printed.
    expect(
      await navigation(staff, () =>
        staff.getByRole('link', { name: '印刷用のチラシを開く' }).click(),
      ),
    ).toBe(200);
    expect(await staff.locator('.cl-flyer').innerText()).toContain('みどり市民センター 3階 和室');
    await checkA11yAtBothSizes(staff, 'events-flyer');
    const pdf = await staff.pdf({ format: 'A4', printBackground: true });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);

    // The demo helper: the meeting is on her home page; she signs up with one child.
    const helper = await signedIn(HELPER);
    expect(pathnameOf(helper)).toBe('/');
    const coming = helper.getByRole('region', { name: 'これからのイベント' });
    await checkA11yAtBothSizes(helper, 'events-home-helper');
    expect(
      await navigation(helper, () =>
        coming.getByRole('link', { name: '冬の提供会員交流会' }).click(),
      ),
    ).toBe(200);
    expect(pathnameOf(helper)).toBe(eventPath);
    await helper.getByLabel('託児を希望するお子さんの人数').selectOption('1');
    await checkA11yAtBothSizes(helper, 'events-detail-helper');
    expect(
      await navigation(helper, () =>
        helper.getByRole('button', { name: '申し込む', exact: true }).click(),
      ),
    ).toBe(200);
    expect(await helper.getByRole('status').innerText()).toBe(
      '申し込みました。当日お待ちしています。',
    );
    const apply = helper.getByRole('region', { name: '申し込み' });
    expect(await apply.innerText()).toContain('このイベントに申し込み済みです。');
    expect(await apply.innerText()).toContain('託児：1人');
    await checkA11yAtBothSizes(helper, 'events-detail-helper-registered');
    await helper.goto(baseUrl);
    expect(await coming.innerText()).toContain('申し込み済み');

    // A parent is not in the audience: the event does not exist for her.
    const parent = await signedIn(PARENT);
    const missing = await parent.goto(`${baseUrl}${eventPath}`);
    expect(missing?.status()).toBe(404);
    await parent.context().close();

    // Staff take attendance on one page.
    await staff.goto(`${baseUrl}${eventPath}`);
    expect(
      await navigation(staff, () =>
        staff.getByRole('link', { name: '出欠と申し込み' }).first().click(),
      ),
    ).toBe(200);
    expect(await heading(staff)).toBe('出欠と申し込み：冬の提供会員交流会');
    expect(await staff.locator('main').innerText()).toContain('託児の申し込み：お子さん 1人');
    await checkA11yAtBothSizes(staff, 'events-attendance');
    await staff.getByLabel('鈴木 恵子さんが出席').check();
    expect(
      await navigation(staff, () => staff.getByRole('button', { name: '出欠を保存する' }).click()),
    ).toBe(200);
    expect(await staff.getByRole('status').innerText()).toBe('出欠を保存しました（出席 1人）。');
    expect(await staff.getByLabel('鈴木 恵子さんが出席').isChecked()).toBe(true);
    expect(await staff.locator('main').innerText()).toContain('出席：1人');
    await checkA11yAtBothSizes(staff, 'events-attendance-saved');

    // The calendar file downloads for the helper.
    const ics = await helper.request.get(`${baseUrl}${eventPath}.ics`);
    expect(ics.status()).toBe(200);
    expect(await ics.text()).toContain('SUMMARY:冬の提供会員交流会');

    await staff.context().close();
    await helper.context().close();
  });

  it('staff publish news (with a preview), upload a newsletter PDF; a parent reads both', async () => {
    const baseUrl = server!.baseUrl;
    const staff = await signedIn(DEMO_STAFF);
    const nav = staff.getByRole('navigation', { name: 'メインメニュー' });
    expect(
      await navigation(staff, () =>
        nav.getByRole('link', { name: 'センターからのお知らせ' }).click(),
      ),
    ).toBe(200);
    expect(await heading(staff)).toBe('センターからのお知らせ');
    await checkA11yAtBothSizes(staff, 'announcements-list-staff');
    expect(
      await navigation(staff, () => staff.getByRole('link', { name: 'お知らせを書く' }).click()),
    ).toBe(200);
    const form = staff.locator('form[action="/announcements"]');
    await form.getByLabel('件名').fill('インフルエンザの流行について');
    await form.getByLabel('すべての会員').check();
    await form
      .getByLabel('本文')
      .fill(
        '市内でインフルエンザが流行しています。\n\n## お願い\n- 熱があるときは**援助をお休み**してください\n- 詳しくは https://city.example.jp/flu をご覧ください\n\n<img src=x onerror=alert(1)>',
      );
    expect(
      await navigation(staff, () => form.getByRole('button', { name: 'プレビューを見る' }).click()),
    ).toBe(200);
    const preview = staff.getByRole('region', {
      name: 'プレビュー（読む人にはこのように表示されます）',
    });
    expect(await preview.locator('strong').innerText()).toBe('援助をお休み');
    expect(await preview.locator('img').count()).toBe(0);
    await checkA11yAtBothSizes(staff, 'announcements-preview');
    expect(
      await navigation(staff, () => form.getByRole('button', { name: '公開して知らせる' }).click()),
    ).toBe(200);
    expect(await staff.getByRole('status').innerText()).toMatch(
      /^お知らせを公開しました（\d+人にお知らせしました）。$/,
    );
    await checkA11yAtBothSizes(staff, 'announcements-detail-staff');

    // A newsletter PDF, uploaded through the form.
    await staff.goto(`${baseUrl}/newsletters/new`);
    await checkA11yAtBothSizes(staff, 'newsletters-new');
    const upload = staff.locator('form[action="/newsletters/pdf"]');
    await upload.getByLabel('題名').fill('つなぐ通信 第25号（冬号）');
    await upload.getByLabel('発行日').fill(tokyoDate());
    await upload.getByLabel('PDFファイル').setInputFiles({
      name: 'tsunagu-25.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    });
    expect(
      await navigation(staff, () => upload.getByRole('button', { name: 'PDFを載せる' }).click()),
    ).toBe(200);
    expect(await staff.getByRole('status').innerText()).toBe('広報誌を追加しました。');
    await staff.context().close();

    // The parent: the news is on her home page; the newsletters are one tab away.
    const parent = await signedIn(PARENT);
    const news = parent.getByRole('region', { name: 'センターからのお知らせ' });
    expect(
      await navigation(parent, () =>
        news.getByRole('link', { name: 'インフルエンザの流行について' }).click(),
      ),
    ).toBe(200);
    const article = parent.locator('article');
    expect(await article.locator('h2').innerText()).toBe('お願い');
    expect(
      await article.getByRole('link', { name: 'https://city.example.jp/flu' }).getAttribute('rel'),
    ).toBe('noopener noreferrer');
    expect(await article.innerText()).toContain('<img src=x onerror=alert(1)>');
    await checkA11yAtBothSizes(parent, 'announcements-detail-parent');
    await parent.goto(`${baseUrl}/announcements`);
    expect(
      await navigation(parent, () => parent.getByRole('link', { name: '広報誌' }).click()),
    ).toBe(200);
    expect(await heading(parent)).toBe('広報誌');
    await checkA11yAtBothSizes(parent, 'newsletters-list');
    const [download] = await Promise.all([
      parent.waitForEvent('download'),
      parent.getByRole('link', { name: /つなぐ通信 第25号（冬号）/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('tsunagu-25.pdf');
    expect(
      await navigation(parent, () =>
        parent.getByRole('link', { name: 'つなぐ通信 第24号（秋号）' }).click(),
      ),
    ).toBe(200);
    expect(await heading(parent)).toBe('つなぐ通信 第24号（秋号）');
    await checkA11yAtBothSizes(parent, 'newsletters-page');
    await parent.context().close();
  });

  it('a parent finds a group near her by area and child age, and prints the list', async () => {
    const page = await signedIn(PARENT);
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    expect(
      await navigation(page, () => nav.getByRole('link', { name: '地域の子育て情報' }).click()),
    ).toBe(200);
    expect(await heading(page)).toBe('地域の子育て情報');
    const haruto = ageToday('2022-08-15');
    expect(await page.getByRole('region', { name: 'あなたに合わせて探す' }).innerText()).toContain(
      `田中 はるとさん（${haruto}歳）に合う中央地区の情報`,
    );
    await checkA11yAtBothSizes(page, 'directory-parent');

    // The search form: her area and her son's age.
    const search = page.getByRole('search', { name: '地域の子育て情報を探す' });
    await search.getByLabel('地区').selectOption({ label: '中央地区' });
    await search.getByLabel('お子さんの年齢').selectOption({ label: `${haruto}歳` });
    expect(await navigation(page, () => search.getByRole('button', { name: '探す' }).click())).toBe(
      200,
    );
    expect(new URL(page.url()).searchParams.get('area')).toBe('chuo');
    const cards = page.locator('.cl-card');
    expect(await cards.count()).toBeGreaterThan(0);
    for (const text of await cards.allInnerTexts()) {
      expect(text).toContain('中央地区');
      expect(text).not.toContain('北地区');
    }
    const results = await page.locator('main').innerText();
    expect(results).toContain('みどり中央こども食堂「ひだまり」');
    expect(results).not.toContain('みどり川プレーパーク'); // 川辺地区
    await checkA11yAtBothSizes(page, 'directory-parent-results');

    // The printable list keeps the conditions.
    expect(
      await navigation(page, () => page.getByRole('link', { name: 'この一覧を印刷する' }).click()),
    ).toBe(200);
    expect(await heading(page)).toBe('地域の子育て情報 一覧');
    expect(await page.locator('main').innerText()).toContain(`条件：中央地区・${haruto}歳`);
    await checkA11yAtBothSizes(page, 'directory-print');
    await page.context().close();
  });
});
