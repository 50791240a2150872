/**
 * Journey (issue #18, "Done when"): the money trail of one family's month, in Japanese.
 * A helper reports an activity → the parent confirms → staff approve → the parent records the
 * cash and the helper confirms it on her phone (360 px) → the parent prints the month's
 * receipt → staff record the household as ひとり親 (evidence, validity) → the month's claim
 * shows the subsidy with the cap and the exclusions, and the statement the same amount → staff
 * mark the claim submitted, approved and paid → the city ledger CSV opens in Excel (BOM,
 * Japanese headers). Every page is checked with axe at desktop size and at 320 px.
 *
 * Members, training and the request are set up through the JSON API, as in activity.test.ts.
 * A claim is for a month that is over, and a request cannot be entered for the past: the request
 * is entered for tomorrow and then moved to a plain weekday of last month with one UPDATE on the
 * server's database (WAL: safe side by side), standing in for the month passing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { addDaysToDate, fiscalYearOf, previousMonth } from '../../src/lib/dates.js';
import { createNodeDeps } from '../../src/node/deps.js';
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
import { apiJson, DEMO_PASSWORD, heading, tokyoDate } from '../helpers/e2e-setup.js';

const PASSWORD = 'midori no kaze 2026';
const RUN = Date.now().toString(36);
const jst = (date: string, time: string) => `${date}T${time}:00+09:00`;

/** A child aged 4 on April 1 of this fiscal year (年中). */
function childBirthDate(): string {
  return `${fiscalYearOf(tokyoDate(0)) - 5}-06-01`;
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
        ? [{ name: '森 ゆうと', nameKana: 'モリ ユウト', birthDate: childBirthDate() }]
        : [],
    emergencyContacts:
      kind === 'requester'
        ? [
            { name: '森 健', relation: '兄', phone: '090-4444-5555' },
            { name: '森 和子', relation: '母', phone: '042-222-3333' },
          ]
        : [],
    consent: { terms: true, healthData: true },
  };
}

describe.skipIf(!browserAvailable)('money trail journey (browser)', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'tsunagu-e2e-money-'));
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

  /** Moves a request to `date` (asked for the day before; see the header). */
  async function moveTo(requestId: string, date: string) {
    const { sqlite, deps } = createNodeDeps(
      parseConfig({ NODE_ENV: 'test', DATABASE_PATH: databasePath }),
    );
    try {
      await deps.db
        .updateTable('care_request')
        .set({
          starts_at: new Date(jst(date, '10:00')).toISOString(),
          ends_at: new Date(jst(date, '11:30')).toISOString(),
          created_at: new Date(jst(addDaysToDate(date, -1), '09:00')).toISOString(),
        })
        .where('id', '=', requestId)
        .execute();
    } finally {
      sqlite.close();
    }
  }

  async function signedIn(email: string, password: string): Promise<Page> {
    const page = await (await newJapaneseContext(browser!)).newPage();
    await signIn(page, server!.baseUrl, email, password);
    return page;
  }

  it('report → confirm → approve → cash and receipt → ひとり親 → claim paid → ledger CSV', async () => {
    const baseUrl = server!.baseUrl;
    const parentEmail = `e2e-money-parent-${RUN}@example.jp`;
    const helperEmail = `e2e-money-helper-${RUN}@example.jp`;

    // --- Set-up through the JSON API. ---
    const { request } = await browser!.newContext({ baseURL: baseUrl });
    const login = (email: string) =>
      apiJson(request, 'post', '/api/v1/auth/login', { email, password: DEMO_PASSWORD });
    await login('admin@example.jp');
    await apiJson(request, 'post', '/api/v1/training-modules/load-defaults', {});
    await login('staff@example.jp');
    const { member: parent } = await apiJson<{ member: { id: string } }>(
      request,
      'post',
      '/api/v1/applications',
      application('requester', '森 さやか', 'モリ サヤカ', parentEmail),
    );
    const orientation = await apiJson<{ id: string }>(request, 'post', '/api/v1/orientations', {
      startsAt: jst(tokyoDate(-2), '10:00'),
      endsAt: jst(tokyoDate(-2), '11:00'),
      venue: 'みどり市役所 会議室（E2E お金の流れ）',
      capacity: 10,
    });
    await apiJson(request, 'post', `/api/v1/orientations/${orientation.id}/attendance`, {
      memberIds: [parent.id],
    });
    await apiJson(request, 'post', `/api/v1/members/${parent.id}/approve`, { side: 'requester' });
    const { items: children } = await apiJson<{ items: { id: string }[] }>(
      request,
      'get',
      `/api/v1/members/${parent.id}/children`,
    );
    const { member: helper } = await apiJson<{ member: { id: string } }>(
      request,
      'post',
      '/api/v1/applications',
      application('helper', '石田 ふみ', 'イシダ フミ', helperEmail),
    );
    await apiJson(request, 'post', `/api/v1/members/${helper.id}/approve`, { side: 'helper' });
    const modules = await apiJson<{ items: { id: string; kind: string }[] }>(
      request,
      'get',
      '/api/v1/training-modules',
    );
    for (const m of modules.items.filter((x) => x.kind === 'basic' || x.kind === 'cpr')) {
      await apiJson(request, 'post', `/api/v1/members/${helper.id}/training-records`, {
        moduleId: m.id,
        completedOn: tokyoDate(-3),
        source: 'external',
        note: '修了証（E2E）',
      });
    }
    await apiJson(request, 'put', `/api/v1/members/${helper.id}/availability`, {
      weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '06:00', end: '22:00' })),
    });

    // Last month, the first plain weekday from the 10th: 10:00–11:30 is 3 units × ¥400 = ¥1,200
    // (weekday daytime ¥800 an hour, 30-minute units).
    const month = previousMonth(tokyoDate(0).slice(0, 7));
    let date = `${month}-10`;
    for (;;) {
      const { total } = await apiJson<{ total: number }>(request, 'post', '/api/v1/fees/quote', {
        startsAt: jst(date, '10:00'),
        endsAt: jst(date, '11:30'),
        children: [{ birthDate: childBirthDate() }],
        category: 9,
      });
      if (total === 1200) break;
      date = addDaysToDate(date, 1);
      expect(date.slice(0, 7)).toBe(month);
    }
    const created = await apiJson<{ request: { id: string } }>(
      request,
      'post',
      '/api/v1/requests',
      {
        requesterId: parent.id,
        childIds: children.map((c) => c.id),
        category: 9,
        startsAt: jst(tokyoDate(1), '10:00'),
        endsAt: jst(tokyoDate(1), '11:30'),
        careLocation: 'helper_home',
      },
    );
    await apiJson(request, 'post', `/api/v1/requests/${created.request.id}/assign`, {
      helperId: helper.id,
    });
    await moveTo(created.request.id, date);

    // --- The helper reports on her phone, with a bus fare of ¥240. ---
    const helperPage = await signedIn(helperEmail, PASSWORD);
    await helperPage.setViewportSize({ width: 360, height: 780 });
    await helperPage.goto(`${baseUrl}/activities`);
    expect(
      await navigation(helperPage, () =>
        helperPage.getByRole('link', { name: '報告を書く' }).first().click(),
      ),
    ).toBe(200);
    expect(await helperPage.getByLabel('開始時刻').inputValue()).toBe('10:00');
    await helperPage.getByLabel('交通費（実費）').fill('240');
    await helperPage.getByLabel('様子・連絡事項').fill('絵本を読んで、お昼寝をしました。');
    expect(
      await navigation(helperPage, () =>
        helperPage.getByRole('button', { name: '内容と報酬を確認する' }).click(),
      ),
    ).toBe(200);
    // Due: ¥1,200 + ¥240 = ¥1,440.
    expect(await helperPage.locator('.act-due').innerText()).toContain('￥1,440');
    expect(
      await navigation(helperPage, () =>
        helperPage.getByRole('button', { name: 'この内容で提出する' }).click(),
      ),
    ).toBe(200);
    const activityPath = pathnameOf(helperPage);
    expect(activityPath).toMatch(/^\/activities\/[\w-]+$/);

    // --- The parent confirms. ---
    const parentPage = await signedIn(parentEmail, PASSWORD);
    await parentPage.goto(`${baseUrl}${activityPath}`);
    expect(
      await navigation(parentPage, () =>
        parentPage.getByRole('button', { name: '内容を確認しました' }).click(),
      ),
    ).toBe(200);

    // --- Staff approve. ---
    const staffPage = await signedIn('staff@example.jp', DEMO_PASSWORD);
    await staffPage.goto(`${baseUrl}/activities`);
    const queueItem = staffPage.locator('.act-item', { hasText: '森 さやか' });
    expect(
      await navigation(staffPage, () =>
        queueItem.getByRole('button', { name: '承認する' }).click(),
      ),
    ).toBe(200);
    expect(await staffPage.getByRole('status').first().innerText()).toContain('承認しました');

    // --- The parent records the cash; the helper confirms it on her phone. ---
    await parentPage.goto(`${baseUrl}${activityPath}/payment`);
    await parentPage.locator('select[name="method"]').selectOption('cash');
    expect(
      await navigation(parentPage, () =>
        parentPage.locator(`form[action$="/payment"] button[type="submit"]`).click(),
      ),
    ).toBe(200);
    await expect(parentPage.locator('#payment [data-status]').innerText()).resolves.toBe(
      '受領確認待ち',
    );
    await helperPage.goto(`${baseUrl}${activityPath}`);
    expect(
      await navigation(helperPage, () =>
        helperPage.getByRole('button', { name: '受け取りました' }).click(),
      ),
    ).toBe(200);
    await expect(helperPage.locator('#payment [data-status]').innerText()).resolves.toBe(
      '受領済み',
    );
    await checkA11yAtBothSizes(helperPage, 'money-helper-received');

    // --- The parent prints the month's receipt. ---
    await parentPage.goto(`${baseUrl}/statements/${parent.id}/${month}/receipt`);
    expect(
      await navigation(parentPage, () =>
        parentPage.getByRole('button', { name: '領収書を発行する' }).click(),
      ),
    ).toBe(200);
    const receipt = await parentPage.locator('.receipt').innerText();
    expect(receipt).toMatch(/番号 \d{4}-\d{6}/);
    expect(receipt).toContain('￥1,440');
    await checkA11yAtBothSizes(parentPage, 'money-receipt-month');

    // --- Staff record the household as ひとり親, with the evidence and the validity. ---
    const fiscalYear = fiscalYearOf(date);
    await staffPage.goto(`${baseUrl}/members/${parent.id}/eligibility`);
    await staffPage.locator('select[name="category"]').selectOption('single_parent');
    await staffPage.locator('input[name="evidence"]').fill('児童扶養手当証書');
    await staffPage.locator('input[name="validFrom"]').fill(`${fiscalYear}-04-01`);
    await staffPage.locator('input[name="validTo"]').fill(`${fiscalYear + 1}-03-31`);
    expect(
      await navigation(staffPage, () =>
        staffPage.locator('form[action$="/eligibility"] button[type="submit"]').click(),
      ),
    ).toBe(200);
    await expect(staffPage.locator('#eligibility-title + ul').innerText()).resolves.toContain(
      'ひとり親世帯',
    );

    // --- The month's claim: ¥1,200 × 1/2 = ¥600 (cap ¥15,000 a household); the bus fare is a
    // cost, excluded; no 無償化 without a 施設等利用給付認定. ---
    await staffPage.goto(`${baseUrl}/members/${parent.id}/claims/${month}`);
    expect(await heading(staffPage)).toContain('利用料助成・無償化の申請書');
    const claim = await staffPage.locator('main').innerText();
    expect(claim).toContain('区分：ひとり親世帯（上限 月￥15,000）');
    expect(claim).toContain('計算額 ￥600 → 申請額 ￥600');
    expect(claim).toContain('実費は対象外');
    expect(claim).toContain('施設等利用給付認定がない');
    await checkA11yAtBothSizes(staffPage, 'money-claim');

    // The family's statement says the same: paid, and ¥600 to claim.
    await parentPage.goto(`${baseUrl}/statements/${parent.id}/${month}`);
    const money = await parentPage.locator('.stmt-money').innerText();
    expect(money).toContain('受領済み');
    expect(money).toContain('現金');
    expect(await parentPage.locator('.stmt-money-total').innerText()).toContain('￥600');
    await checkA11yAtBothSizes(parentPage, 'money-statement');

    // --- Staff mark it submitted, approved and paid. ---
    for (const button of ['利用料助成を申請済みにする', '承認を記録する', '支払いを記録する']) {
      expect(
        await navigation(staffPage, () => staffPage.getByRole('button', { name: button }).click()),
      ).toBe(200);
    }
    expect(await staffPage.locator('.card', { hasText: '利用料助成：' }).innerText()).toMatch(
      /^利用料助成：支払済み（￥600・/,
    );

    // --- The city ledger CSV: UTF-8 with a BOM, Japanese headers. ---
    const csv = await staffPage.request.get(`${baseUrl}/claims/ledger.csv?month=${month}`);
    expect(csv.status()).toBe(200);
    const bytes = new Uint8Array(await csv.body());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith('対象月,会員,区分,申請額')).toBe(true);
    expect(text).toContain('森 さやか');
    expect(text).toContain('ひとり親世帯,600,');
  });
});
