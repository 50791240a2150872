/**
 * Journey: a parent asks for help through the form in Japanese (a rule error first, then the
 * confirmation with the expected fee) → staff offer the request to two helpers (set up through
 * the JSON API) → one helper accepts from 依頼の紹介 with one tap, the other sees it closed →
 * the parent sees the helper's name, and reads the page in English. Every page visited is
 * checked with axe at desktop size and at 320 px.
 */
import type { APIRequestContext, Browser } from 'playwright-core';
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
import { DEMO_PASSWORD, heading, tokyoDate } from '../helpers/e2e-setup.js';

const PASSWORD = 'midori no kaze 2026';
const RUN = Date.now().toString(36);

/** A Tokyo calendar date `days` from today (the server runs on the real clock). */

async function api<T>(
  request: APIRequestContext,
  method: 'post' | 'put' | 'get',
  path: string,
  data?: unknown,
): Promise<T> {
  const res = await request.fetch(path, {
    method: method.toUpperCase(),
    ...(data === undefined ? {} : { data, headers: { 'content-type': 'application/json' } }),
  });
  if (!res.ok())
    throw new Error(`${method.toUpperCase()} ${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

function application(kind: 'requester' | 'helper', name: string, kana: string, email: string) {
  return {
    kind,
    name,
    nameKana: kana,
    email,
    password: PASSWORD,
    phone: '090-2222-3333',
    birthDate: kind === 'helper' ? '1972-04-10' : '1991-09-20',
    postalCode: '123-4567',
    address: 'みどり市中央2-3-4',
    area: 'chuo',
    children:
      kind === 'requester'
        ? [
            {
              name: '高橋 ひなた',
              nameKana: 'タカハシ ヒナタ',
              birthDate: '2022-06-01',
              allergies: 'そば',
            },
          ]
        : [],
    emergencyContacts:
      kind === 'requester'
        ? [
            { name: '高橋 大輔', relation: '夫', phone: '090-4444-5555' },
            { name: '佐々木 恵子', relation: '母', phone: '042-222-3333' },
          ]
        : [],
    consent: { terms: true, healthData: true },
  };
}

describe.skipIf(!browserAvailable)('request journey (browser)', () => {
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

  it('a parent requests help, a helper accepts with one tap, the parent sees who', async () => {
    const baseUrl = server!.baseUrl;
    const parentEmail = `e2e-req-parent-${RUN}@example.jp`;
    const helperEmails = [1, 2].map((i) => `e2e-req-helper${i}-${RUN}@example.jp`);
    const helperName = '鈴木 みのり';

    // --- Set-up through the JSON API: staff approve a parent and two qualified helpers. ---
    const apiContext = await browser!.newContext({ baseURL: baseUrl });
    const { request } = apiContext;
    await api(request, 'post', '/api/v1/auth/login', {
      email: 'admin@example.jp',
      password: DEMO_PASSWORD,
    });
    await api(request, 'post', '/api/v1/training-modules/load-defaults', {});
    await api(request, 'post', '/api/v1/auth/login', {
      email: 'staff@example.jp',
      password: DEMO_PASSWORD,
    });
    const { member: parent } = await api<{ member: { id: string } }>(
      request,
      'post',
      '/api/v1/applications',
      application('requester', '高橋 あおい', 'タカハシ アオイ', parentEmail),
    );
    const orientation = await api<{ id: string }>(request, 'post', '/api/v1/orientations', {
      startsAt: `${tokyoDate(-1)}T10:00:00+09:00`,
      endsAt: `${tokyoDate(-1)}T11:00:00+09:00`,
      venue: 'みどり市役所 会議室（E2E）',
      capacity: 10,
    });
    await api(request, 'post', `/api/v1/orientations/${orientation.id}/attendance`, {
      memberIds: [parent.id],
    });
    await api(request, 'post', `/api/v1/members/${parent.id}/approve`, { side: 'requester' });

    const modules = await api<{ items: { id: string; kind: string }[] }>(
      request,
      'get',
      '/api/v1/training-modules',
    );
    const required = modules.items.filter((m) => m.kind === 'basic' || m.kind === 'cpr');
    expect(required.length).toBeGreaterThan(0);
    const helperIds: string[] = [];
    for (const [i, email] of helperEmails.entries()) {
      const { member } = await api<{ member: { id: string } }>(
        request,
        'post',
        '/api/v1/applications',
        application(
          'helper',
          i === 0 ? helperName : '伊藤 まさこ',
          i === 0 ? 'スズキ ミノリ' : 'イトウ マサコ',
          email,
        ),
      );
      await api(request, 'post', `/api/v1/members/${member.id}/approve`, { side: 'helper' });
      for (const m of required) {
        await api(request, 'post', `/api/v1/members/${member.id}/training-records`, {
          moduleId: m.id,
          completedOn: tokyoDate(0),
          source: 'external',
          note: '修了証（E2E）',
        });
      }
      await api(request, 'put', `/api/v1/members/${member.id}/availability`, {
        weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '06:00', end: '22:00' })),
      });
      helperIds.push(member.id);
    }

    // --- The parent asks for help on her phone, in Japanese. ---
    const date = tokyoDate(3);
    const parentContext = await newJapaneseContext(browser!);
    const page = await parentContext.newPage();
    await signIn(page, baseUrl, parentEmail, PASSWORD);
    expect(await htmlLang(page)).toBe('ja');
    await checkA11yAtBothSizes(page, 'request-home');
    expect(
      await navigation(page, () => page.getByRole('link', { name: '援助を申し込む' }).click()),
    ).toBe(200);
    expect(pathnameOf(page)).toBe('/requests/new');
    expect(await heading(page)).toBe('援助の申し込み');
    expect(await page.locator('.req-rules').innerText()).toContain('前日17:00までに');
    // The only child is already chosen.
    expect(await page.getByLabel('高橋 ひなた', { exact: false }).isChecked()).toBe(true);
    await checkA11yAtBothSizes(page, 'request-new');

    await page.getByLabel('買い物等外出・リフレッシュ時の預かり').check();
    await page.getByLabel(/^日付/).fill(date);
    await page.getByLabel('開始時刻').fill('21:00');
    await page.getByLabel('終了時刻').fill('22:30');
    await page.getByLabel('お迎えの場所').fill('みどり保育園');
    await page.getByLabel('提供会員に伝えたいこと').fill('お昼寝のあと、公園で遊ぶのが好きです。');
    expect(
      await navigation(page, () => page.getByRole('button', { name: '確認画面へ進む' }).click()),
    ).toBe(422);
    const alert = page.getByRole('alert');
    expect(await alert.innerText()).toContain(
      '援助活動は、同じ日の6時から22時までの間でお願いします。',
    );
    expect(await page.getByLabel('提供会員に伝えたいこと').inputValue()).toBe(
      'お昼寝のあと、公園で遊ぶのが好きです。',
    );
    await checkA11yAtBothSizes(page, 'request-new-error');

    await page.getByLabel('開始時刻').fill('10:00');
    await page.getByLabel('終了時刻').fill('13:00');
    expect(
      await navigation(page, () => page.getByRole('button', { name: '確認画面へ進む' }).click()),
    ).toBe(200);
    expect(await heading(page)).toBe('申し込み内容の確認');
    const fee = await page.locator('.req-fee__amount').innerText();
    expect(fee).toMatch(/^約 ￥[\d,]+$/);
    await checkA11yAtBothSizes(page, 'request-confirm');

    expect(
      await navigation(page, () =>
        page.getByRole('button', { name: 'この内容で申し込む' }).click(),
      ),
    ).toBe(200);
    const requestPath = pathnameOf(page);
    expect(requestPath).toMatch(/^\/requests\/[\w-]+$/);
    const requestId = requestPath.split('/').pop()!;
    expect(await page.getByRole('status').first().innerText()).toContain(
      '申し込みを受け付けました',
    );
    expect(await page.locator('.req-status-line').innerText()).toContain('受付済み');
    await checkA11yAtBothSizes(page, 'request-detail-open');

    expect(
      await navigation(page, () =>
        page.getByRole('navigation').getByRole('link', { name: '援助の申し込み' }).click(),
      ),
    ).toBe(200);
    expect(await page.locator('.req-card').first().innerText()).toContain('受付済み');
    await checkA11yAtBothSizes(page, 'request-list');

    // --- Staff offer the request to both helpers (the coordination pages are another journey). ---
    await api(request, 'post', `/api/v1/requests/${requestId}/offers`, { helperIds });

    // --- The first helper accepts with one tap. ---
    const helperContext = await newJapaneseContext(browser!);
    const helperPage = await helperContext.newPage();
    await signIn(helperPage, baseUrl, helperEmails[0]!, PASSWORD);
    expect(
      await navigation(helperPage, () =>
        helperPage.getByRole('navigation').getByRole('link', { name: '依頼の紹介' }).click(),
      ),
    ).toBe(200);
    expect(await heading(helperPage)).toBe('届いた依頼');
    const card = helperPage.locator('.offer-card').first();
    expect(await card.innerText()).toContain('3時間');
    expect(await card.innerText()).not.toContain('高橋');
    await checkA11yAtBothSizes(helperPage, 'offers');
    expect(
      await navigation(helperPage, () => card.getByRole('button', { name: '引き受ける' }).click()),
    ).toBe(200);
    expect(pathnameOf(helperPage)).toBe(requestPath);
    expect(await helperPage.getByRole('status').first().innerText()).toContain(
      '引き受けてくださり、ありがとうございます',
    );
    expect(await helperPage.locator('main').innerText()).toContain('高橋 ひなた');
    await checkA11yAtBothSizes(helperPage, 'request-helper');

    expect(
      await navigation(helperPage, () =>
        helperPage.getByRole('link', { name: /高橋 ひなたさん/ }).click(),
      ),
    ).toBe(200);
    expect(await helperPage.locator('.child-allergy').innerText()).toContain('そば');
    await checkA11yAtBothSizes(helperPage, 'child-details');
    await helperContext.close();

    // --- The second helper sees the offer closed. ---
    const otherContext = await newJapaneseContext(browser!);
    const otherPage = await otherContext.newPage();
    await signIn(otherPage, baseUrl, helperEmails[1]!, PASSWORD);
    await otherPage.goto(`${baseUrl}/offers`);
    expect(await otherPage.locator('.offers-muted').innerText()).toContain('締め切り');
    await checkA11yAtBothSizes(otherPage, 'offers-closed');
    await otherContext.close();

    // --- The parent sees who will help, then reads the page in English. ---
    await page.goto(`${baseUrl}${requestPath}`);
    expect(await page.locator('.req-status-line').innerText()).toContain(
      `${helperName}さんが引き受けてくださいました。`,
    );
    expect(await page.locator('main').innerText()).toContain('事前の打ち合わせが必要です');
    await checkA11yAtBothSizes(page, 'request-detail-matched');

    expect(
      await navigation(page, () => page.getByRole('link', { name: 'この援助を取り消す' }).click()),
    ).toBe(200);
    expect(await page.locator('.req-cancel-fee').innerText()).toContain('かかりません');
    await checkA11yAtBothSizes(page, 'request-cancel');
    await page.goto(`${baseUrl}${requestPath}`);

    expect(
      await navigation(page, () => page.getByRole('button', { name: 'English' }).click()),
    ).toBe(200);
    expect(await htmlLang(page)).toBe('en');
    expect(pathnameOf(page)).toBe(requestPath);
    expect(await page.locator('.req-status-line').innerText()).toContain(
      `${helperName} has kindly accepted.`,
    );
    await checkA11yAtBothSizes(page, 'request-detail-en');

    await parentContext.close();
    await apiContext.close();
    // Twelve pages, each checked at two sizes: more than the default two minutes on a busy machine.
  }, 300_000);
});
