/**
 * Journey: the helper reports an activity on her phone (the form, then the fee line by line on
 * the confirmation step) → the parent confirms → staff approve → the parent's monthly statement
 * shows it. Once in Japanese and once in English, with staff's missing-report, incident and
 * statement pages and the admin fee-table page on the way. Every page visited is checked with
 * axe at desktop size and at 320 px.
 *
 * Members, training and the requests are set up through the JSON API. The server runs on the
 * real clock and a request cannot be entered for the past, so each request is entered for
 * tomorrow and then moved to yesterday (asked for the day before) with one UPDATE on the server's database (WAL: safe side
 * by side), standing in for the day passing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext, Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { createNodeDeps } from '../../src/node/deps.js';
import {
  browserAvailable,
  checkA11yAtBothSizes,
  htmlLang,
  launchBrowser,
  NARROW,
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

/** A Tokyo calendar date `days` from today. */
const jst = (date: string, time: string) => `${date}T${time}:00+09:00`;

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

/** A child in 年中 this fiscal year (4 on April 1): the free-childcare ages. */
function childBirthDate(): string {
  const today = tokyoDate(0);
  const year = Number(today.slice(0, 4));
  const fiscalYear = Number(today.slice(5, 7)) >= 4 ? year : year - 1;
  return `${fiscalYear - 5}-06-01`;
}

function application(kind: 'requester' | 'helper', name: string, kana: string, email: string) {
  return {
    kind,
    name,
    nameKana: kana,
    email,
    password: PASSWORD,
    phone: '090-2222-3333',
    birthDate: kind === 'helper' ? '1970-02-10' : '1990-07-20',
    postalCode: '123-4567',
    address: 'みどり市中央3-4-5',
    area: 'chuo',
    children:
      kind === 'requester'
        ? [{ name: '中村 そうた', nameKana: 'ナカムラ ソウタ', birthDate: childBirthDate() }]
        : [],
    emergencyContacts:
      kind === 'requester'
        ? [
            { name: '中村 健', relation: '夫', phone: '090-4444-5555' },
            { name: '中村 良子', relation: '母', phone: '042-222-3333' },
          ]
        : [],
    consent: { terms: true, healthData: true },
  };
}

async function englishContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ locale: 'en-US', timezoneId: 'Asia/Tokyo' });
}

describe.skipIf(!browserAvailable)('activity report journey (browser)', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'tsunagu-e2e-activity-'));
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

  /** Moves a request's planned time to yesterday (the day has passed; see the header). */
  async function moveToYesterday(requestId: string, start: string, end: string) {
    const { sqlite, deps } = createNodeDeps(
      parseConfig({ NODE_ENV: 'test', DATABASE_PATH: databasePath }),
    );
    try {
      const date = tokyoDate(-1);
      await deps.db
        .updateTable('care_request')
        .set({
          starts_at: new Date(jst(date, start)).toISOString(),
          ends_at: new Date(jst(date, end)).toISOString(),
          // Asked for before the help (a report may not start before its request was made).
          created_at: new Date(jst(tokyoDate(-2), '09:00')).toISOString(),
        })
        .where('id', '=', requestId)
        .execute();
    } finally {
      sqlite.close();
    }
  }

  it('helper reports → parent confirms → staff approve → the statement shows it (ja, en)', async () => {
    const baseUrl = server!.baseUrl;
    const parentEmail = `e2e-act-parent-${RUN}@example.jp`;
    const helperEmail = `e2e-act-helper-${RUN}@example.jp`;

    // --- Set-up through the JSON API. ---
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
      application('requester', '中村 まゆみ', 'ナカムラ マユミ', parentEmail),
    );
    const orientation = await api<{ id: string }>(request, 'post', '/api/v1/orientations', {
      startsAt: jst(tokyoDate(-2), '10:00'),
      endsAt: jst(tokyoDate(-2), '11:00'),
      venue: 'みどり市役所 会議室（E2E 活動報告）',
      capacity: 10,
    });
    await api(request, 'post', `/api/v1/orientations/${orientation.id}/attendance`, {
      memberIds: [parent.id],
    });
    await api(request, 'post', `/api/v1/members/${parent.id}/approve`, { side: 'requester' });
    const { items: children } = await api<{ items: { id: string }[] }>(
      request,
      'get',
      `/api/v1/members/${parent.id}/children`,
    );

    const { member: helper } = await api<{ member: { id: string } }>(
      request,
      'post',
      '/api/v1/applications',
      application('helper', '小林 ひろみ', 'コバヤシ ヒロミ', helperEmail),
    );
    await api(request, 'post', `/api/v1/members/${helper.id}/approve`, { side: 'helper' });
    const modules = await api<{ items: { id: string; kind: string }[] }>(
      request,
      'get',
      '/api/v1/training-modules',
    );
    for (const m of modules.items.filter((x) => x.kind === 'basic' || x.kind === 'cpr')) {
      await api(request, 'post', `/api/v1/members/${helper.id}/training-records`, {
        moduleId: m.id,
        completedOn: tokyoDate(-3),
        source: 'external',
        note: '修了証（E2E）',
      });
    }
    await api(request, 'put', `/api/v1/members/${helper.id}/availability`, {
      weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '06:00', end: '22:00' })),
    });

    async function matchedRequest(start: string, end: string) {
      const created = await api<{ request: { id: string } }>(request, 'post', '/api/v1/requests', {
        requesterId: parent.id,
        childIds: children.map((c) => c.id),
        category: 9,
        startsAt: jst(tokyoDate(1), start),
        endsAt: jst(tokyoDate(1), end),
        careLocation: 'helper_home',
      });
      await api(request, 'post', `/api/v1/requests/${created.request.id}/assign`, {
        helperId: helper.id,
      });
      await moveToYesterday(created.request.id, start, end);
      return created.request.id;
    }
    const quote = async (start: string, end: string) =>
      (
        await api<{ total: number }>(request, 'post', '/api/v1/fees/quote', {
          startsAt: jst(tokyoDate(-1), start),
          endsAt: jst(tokyoDate(-1), end),
          children: [{ birthDate: childBirthDate() }],
          category: 9,
        })
      ).total;
    const yen = (n: number) => `￥${n.toLocaleString('en-US')}`;
    const month = tokyoDate(-1).slice(0, 7);

    // ================================ Japanese ================================
    const jaRequest = await matchedRequest('10:00', '11:30');
    const jaFee = await quote('10:00', '11:30');

    // --- The helper, on her phone. ---
    const helperContext = await browser!.newContext({
      viewport: { ...NARROW },
      locale: 'ja-JP',
      timezoneId: 'Asia/Tokyo',
    });
    const helperPage = await helperContext.newPage();
    await signIn(helperPage, baseUrl, helperEmail, PASSWORD);
    expect(await htmlLang(helperPage)).toBe('ja');
    expect(
      await navigation(helperPage, () =>
        helperPage.getByRole('link', { name: '活動報告を書く・提出した報告を見る' }).click(),
      ),
    ).toBe(200);
    expect(await heading(helperPage)).toBe('活動報告');
    await checkA11yAtBothSizes(helperPage, 'activities-helper');
    expect(
      await navigation(helperPage, () =>
        helperPage.getByRole('link', { name: '報告を書く' }).first().click(),
      ),
    ).toBe(200);
    expect(pathnameOf(helperPage)).toBe('/activities/new');
    expect(await helperPage.locator('.act-safety').innerText()).toContain(
      '入浴や水遊びはさせません',
    );
    expect(await helperPage.getByLabel('開始時刻').inputValue()).toBe('10:00');
    expect(await helperPage.getByLabel('終了時刻').inputValue()).toBe('11:30');
    expect(await helperPage.getByLabel('中村 そうた').isChecked()).toBe(true);
    expect(await helperPage.getByLabel('保護者の就労・求職時の預かり').isChecked()).toBe(true);
    await checkA11yAtBothSizes(helperPage, 'activity-form');

    // A mistake first: the end before the start.
    await helperPage.getByLabel('終了時刻').fill('09:00');
    expect(
      await navigation(helperPage, () =>
        helperPage.getByRole('button', { name: '内容と報酬を確認する' }).click(),
      ),
    ).toBe(422);
    expect(await helperPage.locator('.error-summary').innerText()).toContain(
      '終了は開始より後にしてください。',
    );
    await checkA11yAtBothSizes(helperPage, 'activity-form-error');

    await helperPage.getByLabel('終了時刻').fill('11:30');
    await helperPage.getByLabel('交通費（実費）').fill('240');
    await helperPage.getByLabel('様子・連絡事項').fill('公園で砂遊びをして、よく笑っていました。');
    expect(
      await navigation(helperPage, () =>
        helperPage.getByRole('button', { name: '内容と報酬を確認する' }).click(),
      ),
    ).toBe(200);
    expect(await heading(helperPage)).toBe('報告内容の確認');
    const feeTable = await helperPage.locator('.act-fee').innerText();
    expect(feeTable).toContain('1人目');
    expect(feeTable).toContain('10:00–');
    expect(feeTable).toContain(yen(jaFee));
    expect(await helperPage.locator('.act-due').innerText()).toContain(yen(jaFee + 240));
    await checkA11yAtBothSizes(helperPage, 'activity-review');
    expect(
      await navigation(helperPage, () =>
        helperPage.getByRole('button', { name: 'この内容で提出する' }).click(),
      ),
    ).toBe(200);
    const jaPath = pathnameOf(helperPage);
    expect(jaPath).toMatch(/^\/activities\/[\w-]+$/);
    expect(await helperPage.getByRole('status').first().innerText()).toContain(
      '活動報告を提出しました',
    );
    await checkA11yAtBothSizes(helperPage, 'activity-detail-helper');

    // --- The parent confirms. ---
    const parentContext = await newJapaneseContext(browser!);
    const parentPage = await parentContext.newPage();
    await signIn(parentPage, baseUrl, parentEmail, PASSWORD);
    expect(
      await navigation(parentPage, () =>
        parentPage.getByRole('link', { name: '活動報告の確認と利用明細' }).click(),
      ),
    ).toBe(200);
    expect(await parentPage.locator('main').innerText()).toContain('確認をお願いします');
    await checkA11yAtBothSizes(parentPage, 'activities-parent');
    expect(
      await navigation(parentPage, () =>
        parentPage.getByRole('link', { name: '詳しく見る・異議' }).first().click(),
      ),
    ).toBe(200);
    expect(await parentPage.locator('main').innerText()).toContain('公園で砂遊びをして');
    await checkA11yAtBothSizes(parentPage, 'activity-detail-parent');
    expect(
      await navigation(parentPage, () =>
        parentPage.getByRole('button', { name: '内容を確認しました' }).click(),
      ),
    ).toBe(200);
    expect(await parentPage.getByRole('status').first().innerText()).toContain(
      '活動報告を確認しました',
    );

    // --- Staff approve, and look at the other staff pages. ---
    const staffContext = await newJapaneseContext(browser!);
    const staffPage = await staffContext.newPage();
    await signIn(staffPage, baseUrl, 'staff@example.jp', DEMO_PASSWORD);
    expect(
      await navigation(staffPage, () =>
        staffPage.getByRole('navigation').getByRole('link', { name: '活動報告の確認' }).click(),
      ),
    ).toBe(200);
    const queueItem = staffPage.locator('.act-item', { hasText: '中村 まゆみ' });
    expect(await queueItem.locator('.badge').innerText()).toBe('確認済み');
    await checkA11yAtBothSizes(staffPage, 'activities-staff');
    expect(
      await navigation(staffPage, () =>
        queueItem.getByRole('button', { name: '承認する' }).click(),
      ),
    ).toBe(200);
    expect(await staffPage.getByRole('status').first().innerText()).toContain('承認しました');
    for (const [path, label] of [
      ['/activities/missing', 'activities-missing'],
      ['/incidents', 'incidents'],
      [`/statements?month=${month}`, 'statements-staff'],
    ] as const) {
      await staffPage.goto(`${baseUrl}${path}`);
      await checkA11yAtBothSizes(staffPage, label);
    }
    expect(await staffPage.locator('main').innerText()).toContain('中村 まゆみ');

    // --- The parent's statement shows it. ---
    await parentPage.goto(`${baseUrl}/activities`);
    expect(
      await navigation(parentPage, () =>
        parentPage.getByRole('link', { name: '月ごとの利用明細を見る' }).click(),
      ),
    ).toBe(200);
    await checkA11yAtBothSizes(parentPage, 'statements-parent');
    const [y, m] = month.split('-').map(Number) as [number, number];
    expect(
      await navigation(parentPage, () =>
        parentPage.getByRole('link', { name: `${y}年${m}月` }).click(),
      ),
    ).toBe(200);
    expect(pathnameOf(parentPage)).toBe(`/statements/${parent.id}/${month}`);
    const statement = await parentPage.locator('.stmt').innerText();
    expect(statement).toContain('中村 そうた');
    expect(statement).toContain('預かり（無償化の対象）');
    expect(await parentPage.locator('.stmt-claim').innerText()).toContain(yen(jaFee));
    await checkA11yAtBothSizes(parentPage, 'statement-ja');

    // --- The admin's fee tables. ---
    const adminContext = await newJapaneseContext(browser!);
    const adminPage = await adminContext.newPage();
    await signIn(adminPage, baseUrl, 'admin@example.jp', DEMO_PASSWORD);
    expect(
      await navigation(adminPage, () =>
        adminPage.getByRole('link', { name: '報酬基準（料金表）' }).click(),
      ),
    ).toBe(200);
    expect(await adminPage.locator('main').innerText()).toContain('現在適用中');
    await checkA11yAtBothSizes(adminPage, 'fee-tables');
    await adminContext.close();

    // ================================ English ================================
    const enRequest = await matchedRequest('14:00', '15:00');
    expect(enRequest).not.toBe(jaRequest);
    const enFee = await quote('14:00', '15:00');

    const helperEn = await englishContext(browser!);
    const helperEnPage = await helperEn.newPage();
    await helperEnPage.setViewportSize({ ...NARROW });
    await signIn(helperEnPage, baseUrl, helperEmail, PASSWORD);
    expect(await htmlLang(helperEnPage)).toBe('en');
    expect(
      await navigation(helperEnPage, () =>
        helperEnPage
          .getByRole('link', { name: 'Write an activity report, see my reports' })
          .click(),
      ),
    ).toBe(200);
    expect(
      await navigation(helperEnPage, () =>
        helperEnPage.getByRole('link', { name: 'Write the report' }).first().click(),
      ),
    ).toBe(200);
    expect(await heading(helperEnPage)).toBe('Activity report');
    expect(await helperEnPage.getByLabel('Start').inputValue()).toBe('14:00');
    await checkA11yAtBothSizes(helperEnPage, 'activity-form-en');
    expect(
      await navigation(helperEnPage, () =>
        helperEnPage.getByRole('button', { name: 'Check the report and the fee' }).click(),
      ),
    ).toBe(200);
    expect(await helperEnPage.locator('.act-fee').innerText()).toContain('Child 1');
    await checkA11yAtBothSizes(helperEnPage, 'activity-review-en');
    expect(
      await navigation(helperEnPage, () =>
        helperEnPage.getByRole('button', { name: 'Submit the report' }).click(),
      ),
    ).toBe(200);
    expect(await helperEnPage.getByRole('status').first().innerText()).toContain(
      'Report submitted',
    );
    await helperEn.close();

    const parentEn = await englishContext(browser!);
    const parentEnPage = await parentEn.newPage();
    await signIn(parentEnPage, baseUrl, parentEmail, PASSWORD);
    expect(
      await navigation(parentEnPage, () =>
        parentEnPage.getByRole('link', { name: 'Check activity reports and statements' }).click(),
      ),
    ).toBe(200);
    await checkA11yAtBothSizes(parentEnPage, 'activities-parent-en');
    expect(
      await navigation(parentEnPage, () =>
        parentEnPage.getByRole('button', { name: 'I have checked it' }).first().click(),
      ),
    ).toBe(200);
    expect(await parentEnPage.getByRole('status').first().innerText()).toContain(
      'Report confirmed',
    );

    const staffEn = await englishContext(browser!);
    const staffEnPage = await staffEn.newPage();
    await signIn(staffEnPage, baseUrl, 'staff@example.jp', DEMO_PASSWORD);
    expect(
      await navigation(staffEnPage, () =>
        staffEnPage.getByRole('navigation').getByRole('link', { name: 'Review reports' }).click(),
      ),
    ).toBe(200);
    await checkA11yAtBothSizes(staffEnPage, 'activities-staff-en');
    expect(
      await navigation(staffEnPage, () =>
        staffEnPage
          .locator('.act-item', { hasText: '中村 まゆみ' })
          .getByRole('button', { name: 'Approve' })
          .click(),
      ),
    ).toBe(200);
    expect(await staffEnPage.getByRole('status').first().innerText()).toContain('Report approved');
    await staffEn.close();

    await parentEnPage.goto(`${baseUrl}/statements/${parent.id}/${month}`);
    expect(await htmlLang(parentEnPage)).toBe('en');
    const statementEn = await parentEnPage.locator('.stmt').innerText();
    expect(statementEn).toContain('Care (free childcare)');
    expect(await parentEnPage.locator('.stmt-claim').innerText()).toContain(
      `¥${(jaFee + enFee).toLocaleString('en-US')}`,
    );
    await checkA11yAtBothSizes(parentEnPage, 'statement-en');

    await parentEn.close();
    await parentContext.close();
    await staffContext.close();
    await helperContext.close();
    await apiContext.close();
  }, 600_000);
});
