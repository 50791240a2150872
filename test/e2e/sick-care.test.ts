/**
 * Journey (issue #20): sick-child care in the 病児・緊急対応強化事業. The center runs the programme;
 * a parent asks for sick-child care in Japanese and answers the exclusion checklist: "yes" to a
 * fever (38.5 ℃) refuses it with the reason; with a clear checklist the request is sent. Staff
 * see only the helper with the sick-child qualification among the candidates and assign her; the
 * parent records the 医師連絡票, and it prints on one A4 page in the center's name. Every page
 * is checked with axe at desktop size and at 320 px (test-results/screenshots/sick-*.png).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
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
import { apiJson, DEMO_PASSWORD, heading, tokyoDate } from '../helpers/e2e-setup.js';
import { DEFAULT_PROGRAMME } from '../../src/modules/settings/settings.schemas.js';

const PASSWORD = 'midori no kaze 2026';
const RUN = Date.now().toString(36);

const api = apiJson;

function application(kind: 'requester' | 'helper', name: string, kana: string, email: string) {
  return {
    kind,
    name,
    nameKana: kana,
    email,
    password: PASSWORD,
    phone: '090-2222-3333',
    birthDate: kind === 'helper' ? '1970-05-10' : '1990-09-20',
    postalCode: '123-4567',
    address: 'みどり市中央2-3-4',
    area: 'chuo',
    children:
      kind === 'requester'
        ? [{ name: '森 はると', nameKana: 'モリ ハルト', birthDate: '2021-10-01' }]
        : [],
    emergencyContacts:
      kind === 'requester'
        ? [
            { name: '森 一郎', relation: '夫', phone: '090-4444-5555' },
            { name: '森 和子', relation: '母', phone: '042-222-3333' },
          ]
        : [],
    consent: { terms: true, healthData: true },
  };
}

describe.skipIf(!browserAvailable)('sick-child journey (browser)', () => {
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

  it('38.5 ℃ refuses with the reason; a clear checklist goes to a qualified helper; the 医師連絡票 prints on one A4 page', async () => {
    const baseUrl = server!.baseUrl;
    const parentEmail = `e2e-sick-parent-${RUN}@example.jp`;

    // --- Set-up through the JSON API: the programme runs; a parent and two helpers. ---
    const apiContext = await browser!.newContext({ baseURL: baseUrl });
    const { request } = apiContext;
    await api(request, 'post', '/api/v1/auth/login', {
      email: 'admin@example.jp',
      password: DEMO_PASSWORD,
    });
    await api(request, 'put', '/api/v1/settings', {
      programme: { ...DEFAULT_PROGRAMME, enabled: true },
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
      application('requester', '森 さやか', 'モリ サヤカ', parentEmail),
    );
    const orientation = await api<{ id: string }>(request, 'post', '/api/v1/orientations', {
      startsAt: `${tokyoDate(-1)}T10:00:00+09:00`,
      endsAt: `${tokyoDate(-1)}T11:00:00+09:00`,
      venue: 'みどり市役所 会議室（E2E 病児）',
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
    const basic = modules.items.filter((m) => m.kind === 'basic' || m.kind === 'cpr');
    const sick = modules.items.filter((m) => m.kind === 'sick_child');
    expect(sick.length).toBeGreaterThan(0);
    const helper = async (i: number, withSickChild: boolean) => {
      const { member } = await api<{ member: { id: string } }>(
        request,
        'post',
        '/api/v1/applications',
        application(
          'helper',
          i === 0 ? '松田 ゆき' : '小林 かおる',
          i === 0 ? 'マツダ ユキ' : 'コバヤシ カオル',
          `e2e-sick-helper${i}-${RUN}@example.jp`,
        ),
      );
      await api(request, 'post', `/api/v1/members/${member.id}/approve`, { side: 'helper' });
      for (const m of withSickChild ? [...basic, ...sick] : basic)
        await api(request, 'post', `/api/v1/members/${member.id}/training-records`, {
          moduleId: m.id,
          completedOn: tokyoDate(0),
          source: 'external',
          note: '修了証（E2E）',
        });
      await api(request, 'put', `/api/v1/members/${member.id}/availability`, {
        weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '06:00', end: '22:00' })),
      });
      return member.id;
    };
    const qualified = await helper(0, true);
    const notQualified = await helper(1, false);

    // --- The parent asks for sick-child care; her child has 38.5 ℃. ---
    const date = tokyoDate(3);
    const context = await newJapaneseContext(browser!);
    const page = await context.newPage();
    await signIn(page, baseUrl, parentEmail, PASSWORD);
    expect(await navigation(page, () => page.goto(`${baseUrl}/requests/new`))).toBe(200);
    await page.getByLabel('病児・病後児の預かり（病児）').check();
    await page.getByLabel(/^日付/).fill(date);
    await page.getByLabel('開始時刻').fill('09:00');
    await page.getByLabel('終了時刻').fill('17:00');
    const answer = async (fever: boolean) => {
      const groups = page.locator('.req-checklist fieldset');
      const count = await groups.count();
      expect(count).toBe(DEFAULT_PROGRAMME.exclusions.length);
      for (let i = 0; i < count; i++) {
        const group = groups.nth(i);
        const isFever = (await group.locator('legend').innerText()).includes('38.0℃以上');
        await group.getByLabel(isFever && fever ? 'はい' : 'いいえ', { exact: true }).check();
      }
    };
    await answer(true);
    await checkA11yAtBothSizes(page, 'sick-request-new');
    expect(
      await navigation(page, () => page.getByRole('button', { name: '確認画面へ進む' }).click()),
    ).toBe(422);
    expect(await page.getByRole('alert').first().innerText()).toContain(
      '次のことに当てはまるため、病児の預かりはできません：38.0℃以上の発熱がある',
    );
    await checkA11yAtBothSizes(page, 'sick-request-refused');

    // --- The fever is gone the next morning: a clear checklist, and the request is sent. ---
    await answer(false);
    expect(
      await navigation(page, () => page.getByRole('button', { name: '確認画面へ進む' }).click()),
    ).toBe(200);
    expect(
      await navigation(page, () =>
        page.getByRole('button', { name: 'この内容で申し込む' }).click(),
      ),
    ).toBe(200);
    const requestId = pathnameOf(page).split('/').pop()!;

    // --- Staff see only the helper with the sick-child qualification, and assign her. ---
    const ranking = await api<{
      items: { helperId: string }[];
      excluded: { helperId: string; reasons: { code: string }[] }[];
    }>(request, 'get', `/api/v1/requests/${requestId}/candidates?include=excluded`);
    const ids = ranking.items.map((c) => c.helperId);
    expect(ids).toContain(qualified);
    expect(ids).not.toContain(notQualified);
    expect(
      ranking.excluded.find((e) => e.helperId === notQualified)?.reasons.map((r) => r.code),
    ).toContain('no_sick_child_qualification');
    await api(request, 'post', `/api/v1/requests/${requestId}/assign`, { helperId: qualified });

    // --- The parent records the doctor's note on the request's record page. ---
    await navigation(page, () => page.reload());
    expect(
      await navigation(page, () =>
        page.getByRole('link', { name: '病児保育の記録（医師連絡票・引き渡し・書類）' }).click(),
      ),
    ).toBe(200);
    expect(await heading(page)).toContain('病児保育の記録');
    await page.getByLabel('医師名').fill('山田 一郎');
    await page.getByLabel('医療機関名').fill('みどり小児科クリニック');
    await page.getByLabel(/^受診日/).fill(tokyoDate(2));
    await page.getByLabel('病名（診断名）').fill('急性胃腸炎（回復期）');
    await page
      .getByLabel('医師の指示（薬・食事・安静・入浴など）')
      .fill('整腸剤を昼食後に1包。水分をこまめにとらせてください。入浴は控える。');
    await page.getByLabel(/代理受診を委任する/).check();
    await page.getByLabel('受診先の医療機関').fill('みどり小児科クリニック');
    await page.getByLabel('委任の理由・受診の内容').fill('夕方に再診の予約あり');
    expect(
      await navigation(page, () =>
        page.getByRole('button', { name: '医師連絡票を記録する' }).click(),
      ),
    ).toBe(200);
    expect(await page.getByRole('status').first().innerText()).toContain(
      '医師連絡票を記録しました',
    );
    await checkA11yAtBothSizes(page, 'sick-care-record');

    // --- The 医師連絡票 prints on one A4 page, in the center's name. ---
    expect(
      await navigation(page, () => page.getByRole('link', { name: '医師連絡票' }).click()),
    ).toBe(200);
    expect(await page.locator('.sick-doc').innerText()).toContain('山田 一郎');
    expect(await page.locator('.sick-doc__issuer').innerText()).toBe(
      'みどり市ファミリー・サポート・センター',
    );
    await checkA11yAtBothSizes(page, 'sick-doctor-note-form');
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({
      path: join(SCREENSHOT_DIR, 'sick-doctor-note-print.png'),
      fullPage: true,
    });
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    const pages = pdf.match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;
    const mediaBox = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)/.exec(pdf);
    expect(Math.round(Number(mediaBox?.[1]))).toBe(595); // A4 in points: 595 × 842
    expect(Math.round(Number(mediaBox?.[2]))).toBe(842);
    expect(pages).toBe(1);
    await page.emulateMedia({ media: 'screen' });

    // The request form and the 委任状 also fit one page each.
    for (const [path, label] of [
      ['request-form', 'sick-request-form'],
      ['proxy-form', 'sick-proxy-form'],
    ] as const) {
      expect(
        await navigation(page, () =>
          page.goto(`${baseUrl}/requests/${requestId}/sick-care/${path}`),
        ),
      ).toBe(200);
      await checkA11yAtBothSizes(page, label);
      await page.emulateMedia({ media: 'print' });
      const printed = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
      expect(printed.match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0).toBe(1);
      await page.emulateMedia({ media: 'screen' });
    }
    await context.close();
    await apiContext.close();
  }, 240_000);
});
