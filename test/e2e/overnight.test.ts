/**
 * Journey (issue #20, "Done when"): overnight emergency care in the 病児・緊急対応強化事業, in
 * Japanese and in English. A parent asks, in the browser, for emergency care 22:00–07:00 from a
 * weekday into a national holiday → staff see only the helper with the programme's (sick-child)
 * training among the candidates and offer it to her → she accepts on her offers page → she reports
 * the night (the form takes the end on the next day) → the fee lines split across bands and days
 * as computed by hand below.
 *
 * Dates are real, from @holiday-jp (src/lib/holidays.ts): the request is entered for the next
 * "weekday before a national holiday" to come (a request cannot be entered for the past), then,
 * once accepted, moved to the latest such pair already past with one UPDATE on the server's
 * database (WAL: safe side by side), standing in for the night passing, as the activity journey
 * does. Each language takes its own pair.
 *
 * Hand-computed fixture, the default programme rates (fee table `programme` block, per
 * 30-minute unit per child: overnight ¥600 from 22:00 and before 05:00, early ¥550 05:00–07:00,
 * the same on any day), one child:
 *   weekday  22:00–24:00  overnight  4 units × ¥600 = ¥2,400
 *   holiday  00:00–05:00  overnight 10 units × ¥600 = ¥6,000
 *   holiday  05:00–07:00  early      4 units × ¥550 = ¥2,200
 *   total                                            ¥10,600
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { createNodeDeps } from '../../src/node/deps.js';
import { addDaysToDate, isoWeekdayOf } from '../../src/lib/dates.js';
import { isNationalHoliday } from '../../src/lib/holidays.js';
import { DEFAULT_PROGRAMME } from '../../src/modules/settings/settings.schemas.js';
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
import { apiJson, DEMO_PASSWORD, heading, tokyoDate } from '../helpers/e2e-setup.js';

const PASSWORD = 'midori no kaze 2026';
const RUN = Date.now().toString(36);
const api = apiJson;
const jst = (date: string, time: string) => `${date}T${time}:00+09:00`;

/** A working weekday (Mon–Fri, not a holiday) whose next day is a national holiday. */
const weekdayBeforeHoliday = (d: string) =>
  isoWeekdayOf(d) <= 5 && !isNationalHoliday(d) && isNationalHoliday(addDaysToDate(d, 1));

/** The first `count` such weekdays from `from` on (step +1) or before it (step −1). */
function weekdaysBeforeHolidays(from: string, step: 1 | -1, count: number): string[] {
  const out: string[] = [];
  for (let d = from; out.length < count; d = addDaysToDate(d, step))
    if (weekdayBeforeHoliday(d)) out.push(d);
  return out;
}

function application(kind: 'requester' | 'helper', name: string, kana: string, email: string) {
  return {
    kind,
    name,
    nameKana: kana,
    email,
    password: PASSWORD,
    phone: '090-2222-3333',
    birthDate: kind === 'helper' ? '1968-04-12' : '1991-02-14',
    postalCode: '123-4567',
    address: 'みどり市中央5-6-7',
    area: 'chuo',
    children:
      kind === 'requester'
        ? [{ name: '青木 そら', nameKana: 'アオキ ソラ', birthDate: '2020-08-08' }]
        : [],
    emergencyContacts:
      kind === 'requester'
        ? [
            { name: '青木 大輔', relation: '夫', phone: '090-4444-5555' },
            { name: '青木 久美', relation: '母', phone: '042-222-3333' },
          ]
        : [],
    consent: { terms: true, healthData: true },
  };
}

const LABELS = {
  ja: {
    emergency: '早朝・夜間・宿泊の緊急預かり（緊急）',
    date: /^日付/,
    start: /^開始時刻/,
    end: /^終了時刻/,
    endDate: /^終了日（日をまたぐとき）/,
    toConfirm: '確認画面へ進む',
    send: 'この内容で申し込む',
    accept: '引き受ける',
    reportStart: /^開始時刻/,
    reportEnd: /^終了時刻/,
    reportEndDate: /^終了日（日をまたいだとき）/,
    toReview: '内容と報酬を確認する',
    submit: 'この内容で提出する',
    lines: (w: string, h: string) => [
      `1人目 宿泊（深夜） ${w} 22:00–24:00`,
      `1人目 宿泊（深夜） ${h} 00:00–05:00`,
      `1人目 早朝 ${h} 05:00–07:00`,
    ],
    total: '￥10,600',
  },
  en: {
    emergency: 'Early, late or overnight emergency care (emergency)',
    date: /^Date/,
    start: /^Start time/,
    end: /^End time/,
    endDate: /^End date \(overnight\)/,
    toConfirm: 'Continue to check',
    send: 'Send this request',
    accept: 'Accept',
    reportStart: /^Start/,
    reportEnd: /^End(?! date)/,
    reportEndDate: /^End date \(if it ended the next day\)/,
    toReview: 'Check the report and the fee',
    submit: 'Submit the report',
    lines: () => [],
    total: '¥10,600',
  },
} as const;

describe.skipIf(!browserAvailable)('overnight emergency journey (browser)', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'tsunagu-e2e-overnight-'));
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

  /** The night has passed: the request moves to a past weekday → holiday night. */
  async function moveTo(requestId: string, weekday: string) {
    const { sqlite, deps } = createNodeDeps(
      parseConfig({ NODE_ENV: 'test', DATABASE_PATH: databasePath }),
    );
    try {
      await deps.db
        .updateTable('care_request')
        .set({
          starts_at: new Date(jst(weekday, '22:00')).toISOString(),
          ends_at: new Date(jst(addDaysToDate(weekday, 1), '07:00')).toISOString(),
          created_at: new Date(jst(addDaysToDate(weekday, -2), '09:00')).toISOString(),
        })
        .where('id', '=', requestId)
        .execute();
    } finally {
      sqlite.close();
    }
  }

  it('a weekday night into a holiday: only trained helpers, accepted, reported, fee split by band and day (ja, en)', async () => {
    const baseUrl = server!.baseUrl;
    const future = weekdaysBeforeHolidays(tokyoDate(3), 1, 2);
    const past = weekdaysBeforeHolidays(tokyoDate(-3), -1, 2);

    // --- Set-up through the JSON API: the programme runs; two parents and two helpers. ---
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
    const orientation = await api<{ id: string }>(request, 'post', '/api/v1/orientations', {
      startsAt: `${tokyoDate(-1)}T10:00:00+09:00`,
      endsAt: `${tokyoDate(-1)}T11:00:00+09:00`,
      venue: 'みどり市役所 会議室（E2E 宿泊）',
      capacity: 10,
    });
    const parent = async (lang: 'ja' | 'en') => {
      const email = `e2e-night-parent-${lang}-${RUN}@example.jp`;
      const { member } = await api<{ member: { id: string } }>(
        request,
        'post',
        '/api/v1/applications',
        application('requester', lang === 'ja' ? '青木 まい' : '青木 りな', 'アオキ マイ', email),
      );
      await api(request, 'post', `/api/v1/orientations/${orientation.id}/attendance`, {
        memberIds: [member.id],
      });
      await api(request, 'post', `/api/v1/members/${member.id}/approve`, { side: 'requester' });
      return email;
    };
    const modules = await api<{ items: { id: string; kind: string }[] }>(
      request,
      'get',
      '/api/v1/training-modules',
    );
    const basic = modules.items.filter((m) => m.kind === 'basic' || m.kind === 'cpr');
    const sick = modules.items.filter((m) => m.kind === 'sick_child');
    const helper = async (i: number, trained: boolean) => {
      const email = `e2e-night-helper${i}-${RUN}@example.jp`;
      const { member } = await api<{ member: { id: string } }>(
        request,
        'post',
        '/api/v1/applications',
        application('helper', i === 0 ? '石井 のぞみ' : '岡田 ちはる', 'イシイ ノゾミ', email),
      );
      await api(request, 'post', `/api/v1/members/${member.id}/approve`, { side: 'helper' });
      for (const m of trained ? [...basic, ...sick] : basic)
        await api(request, 'post', `/api/v1/members/${member.id}/training-records`, {
          moduleId: m.id,
          completedOn: tokyoDate(0),
          source: 'external',
          note: '修了証（E2E）',
        });
      await api(request, 'put', `/api/v1/members/${member.id}/availability`, {
        weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })),
      });
      return { id: member.id, email };
    };
    const trained = await helper(0, true);
    const untrained = await helper(1, false);

    const contextFor = (lang: 'ja' | 'en'): Promise<BrowserContext> =>
      lang === 'ja'
        ? newJapaneseContext(browser!)
        : browser!.newContext({ locale: 'en-US', timezoneId: 'Asia/Tokyo' });

    for (const [i, lang] of (['ja', 'en'] as const).entries()) {
      const L = LABELS[lang];
      const night = future[i]!;
      const holiday = addDaysToDate(night, 1);

      // --- The parent asks for the night in the browser. ---
      const parentContext = await contextFor(lang);
      const page: Page = await parentContext.newPage();
      await signIn(page, baseUrl, await parent(lang), PASSWORD);
      expect(await htmlLang(page)).toBe(lang);
      expect(await navigation(page, () => page.goto(`${baseUrl}/requests/new`))).toBe(200);
      await page.getByLabel(L.emergency).check();
      await page.getByLabel(L.date).fill(night);
      await page.getByLabel(L.start).fill('22:00');
      await page.getByLabel(L.end).fill('07:00');
      await page.getByLabel(L.endDate).fill(holiday);
      await checkA11yAtBothSizes(page, `overnight-request-${lang}`);
      expect(
        await navigation(page, () => page.getByRole('button', { name: L.toConfirm }).click()),
      ).toBe(200);
      expect(await navigation(page, () => page.getByRole('button', { name: L.send }).click())).toBe(
        200,
      );
      const requestId = pathnameOf(page).split('/').pop()!;
      await parentContext.close();

      // --- Staff see only the trained helper, and offer her the night. ---
      const ranking = await api<{
        items: { helperId: string }[];
        excluded: { helperId: string; reasons: { code: string }[] }[];
      }>(request, 'get', `/api/v1/requests/${requestId}/candidates?include=excluded`);
      const ids = ranking.items.map((c) => c.helperId);
      expect(ids).toContain(trained.id);
      expect(ids).not.toContain(untrained.id);
      expect(
        ranking.excluded.find((e) => e.helperId === untrained.id)?.reasons.map((r) => r.code),
      ).toContain('no_sick_child_qualification');
      await api(request, 'post', `/api/v1/requests/${requestId}/offers`, {
        helperIds: [trained.id],
      });

      // --- She accepts on her offers page. ---
      const helperContext = await contextFor(lang);
      const helperPage = await helperContext.newPage();
      await signIn(helperPage, baseUrl, trained.email, PASSWORD);
      expect(await navigation(helperPage, () => helperPage.goto(`${baseUrl}/offers`))).toBe(200);
      const card = helperPage.locator('.offer-card').first();
      expect(
        await navigation(helperPage, () => card.getByRole('button', { name: L.accept }).click()),
      ).toBe(200);
      expect(pathnameOf(helperPage)).toBe(`/requests/${requestId}`);

      // --- The night passes; she reports it. ---
      const pastNight = past[i]!;
      const pastHoliday = addDaysToDate(pastNight, 1);
      await moveTo(requestId, pastNight);
      expect(
        await navigation(helperPage, () =>
          helperPage.goto(`${baseUrl}/activities/new?request=${requestId}`),
        ),
      ).toBe(200);
      expect(await helperPage.getByLabel(L.reportStart).inputValue()).toBe('22:00');
      expect(await helperPage.getByLabel(L.reportEnd).inputValue()).toBe('07:00');
      expect(await helperPage.getByLabel(L.reportEndDate).inputValue()).toBe(pastHoliday);
      await checkA11yAtBothSizes(helperPage, `overnight-report-${lang}`);
      expect(
        await navigation(helperPage, () =>
          helperPage.getByRole('button', { name: L.toReview }).click(),
        ),
      ).toBe(200);
      const review = await helperPage.locator('main').innerText();
      for (const line of L.lines(pastNight, pastHoliday)) expect(review).toContain(line);
      expect(review).toContain(L.total);
      await checkA11yAtBothSizes(helperPage, `overnight-review-${lang}`);
      expect(
        await navigation(helperPage, () =>
          helperPage.getByRole('button', { name: L.submit }).click(),
        ),
      ).toBe(200);
      const activityId = pathnameOf(helperPage).split('/').pop()!;
      expect(await heading(helperPage)).toBeTruthy();
      await helperContext.close();

      // --- The stored fee: the hand-computed lines (header comment). ---
      const activity = await api<{
        fee: {
          total: number;
          lines: { band: string; from: string; to: string; minutes: number; amount: number }[];
        };
      }>(request, 'get', `/api/v1/activities/${activityId}`);
      expect(activity.fee.lines.map((l) => [l.band, l.from, l.to, l.minutes, l.amount])).toEqual([
        ['programme_overnight', jst(pastNight, '22:00'), jst(pastHoliday, '00:00'), 120, 2400],
        ['programme_overnight', jst(pastHoliday, '00:00'), jst(pastHoliday, '05:00'), 300, 6000],
        ['programme_early', jst(pastHoliday, '05:00'), jst(pastHoliday, '07:00'), 120, 2200],
      ]);
      expect(activity.fee.total).toBe(10_600);
    }
    await apiContext.close();
  }, 300_000);
});
