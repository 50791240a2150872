/**
 * Journey: an adviser of the demo center signs in and lands on the staff dashboard, opens 統計・報告
 * from the menu (the monthly report of the last complete month), sees the activity charts as SVG
 * images with their text alternative (the data table behind 「グラフの数値を表で見る」), downloads the
 * CSV (UTF-8 with a BOM, Japanese headers), picks another month, checks that a bad month gets a
 * clear 400 page, and opens the fiscal-year report with its three charts. Every page is checked
 * with axe at desktop size and at 320 px; the report is also captured in print media
 * (test-results/screenshots/reports-*.png).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserAvailable,
  checkA11y,
  checkA11yAtBothSizes,
  DESKTOP,
  launchBrowser,
  navigation,
  newJapaneseContext,
  pathnameOf,
  SCREENSHOT_DIR,
  signIn,
  startServer,
  type RunningServer,
} from '../helpers/browser.js';
import { DEMO_PASSWORD, heading } from '../helpers/e2e-setup.js';

/** The Tokyo month before the current one, as YYYY-MM (the report's default). */
function lastCompleteMonth(): string {
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date());
  const [y, m] = today.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

function previousMonthOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

const monthJa = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;
const fiscalYearOf = (month: string) =>
  Number(month.slice(5, 7)) >= 4 ? Number(month.slice(0, 4)) : Number(month.slice(0, 4)) - 1;

describe.skipIf(!browserAvailable)('reports journey (browser)', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('dashboard → monthly report with charts → CSV → another month → fiscal year', async () => {
    const baseUrl = server!.baseUrl;
    context = await newJapaneseContext(browser!);
    const page = await context.newPage();
    await signIn(page, baseUrl, 'staff@example.jp', DEMO_PASSWORD);

    // --- The staff dashboard is the staff home page. ---
    expect(pathnameOf(page)).toBe('/');
    expect(await page.getByRole('heading', { name: '対応が必要なこと' }).count()).toBe(1);
    expect(await page.locator('.dash-tile').count()).toBe(7);
    expect(await page.getByRole('link', { name: /入会申込の承認待ち/ }).getAttribute('href')).toBe(
      '/members?status=applied',
    );
    await checkA11yAtBothSizes(page, 'reports-dashboard');

    // --- 統計・報告 in the menu: the last complete month. ---
    const month = lastCompleteMonth();
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    expect(
      await navigation(page, () => nav.getByRole('link', { name: '統計・報告' }).click()),
    ).toBe(200);
    expect(pathnameOf(page)).toBe('/staff/reports/monthly');
    expect(await heading(page)).toBe(`月報 ${monthJa(month)}`);
    expect(await page.getByRole('heading', { name: '前年同期との比較' }).count()).toBe(1);

    // The charts are images with a name and a description, and their numbers are in a table.
    const fy = fiscalYearOf(month);
    const monthsChart = page.getByRole('img', {
      name: `月別の活動件数（${fy}年度と前年度）`,
    });
    expect(await monthsChart.count()).toBe(1);
    expect(await monthsChart.evaluate((svg) => svg.tagName.toLowerCase())).toBe('svg');
    expect(await monthsChart.locator('desc').textContent()).toMatch(
      new RegExp(`^棒グラフ。${fy}年度の活動は合計[\\d,]+件、${fy - 1}年度は合計[\\d,]+件です。$`),
    );
    const box = await monthsChart.boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    const figure = page.locator('#chart-months');
    const table = figure.getByRole('table');
    expect(await table.isVisible()).toBe(false);
    await figure.getByText('グラフの数値を表で見る').click();
    expect(await table.isVisible()).toBe(true);
    expect(await table.getByRole('row').count()).toBe(13); // header + 12 months
    expect(await table.getByRole('rowheader', { name: monthJa(month) }).count()).toBe(1);
    expect(await page.getByRole('img', { name: '活動内容別の件数' }).count()).toBe(1);
    await checkA11yAtBothSizes(page, 'reports-monthly');

    // Printed: no menu, no tools, the charts stay.
    await page.emulateMedia({ media: 'print' });
    expect(await nav.isVisible()).toBe(false);
    expect(await page.locator('.report-tools').isVisible()).toBe(false);
    expect(await monthsChart.isVisible()).toBe(true);
    await page.screenshot({
      path: join(SCREENSHOT_DIR, 'reports-monthly-print.png'),
      fullPage: true,
    });
    // On A4 paper (the stylesheet's @page): a few pages, not one per table.
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    const pages = pdf.match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;
    const mediaBox = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)/.exec(pdf);
    console.log(`monthly report printed: ${pages} A4 pages`);
    expect(Math.round(Number(mediaBox?.[1]))).toBe(595); // A4 in points: 595 × 842
    expect(Math.round(Number(mediaBox?.[2]))).toBe(842);
    expect(pages).toBeGreaterThan(1);
    expect(pages).toBeLessThanOrEqual(10);
    await page.emulateMedia({ media: 'screen' });

    // --- The CSV: UTF-8 with a BOM and Japanese headers, named after the month. ---
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'CSVをダウンロード（Excel用）' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`tsunagu-monthly-${month}.csv`);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('区分,項目,値,前年同期');
    expect(lines.some((l) => l.startsWith('援助活動,活動件数,'))).toBe(true);

    // --- Another month from the picker. ---
    const earlier = previousMonthOf(month);
    await page.getByLabel('表示する月').fill(earlier);
    expect(
      await navigation(page, () => page.getByRole('button', { name: '表示する' }).click()),
    ).toBe(200);
    expect(await heading(page)).toBe(`月報 ${monthJa(earlier)}`);
    expect(new URL(page.url()).searchParams.get('month')).toBe(earlier);

    // --- A month that does not exist: a clear 400 page. ---
    const bad = await page.goto(`${baseUrl}/staff/reports/monthly?month=2026-13`);
    expect(bad!.status()).toBe(400);
    expect(await page.locator('main').innerText()).toContain(
      '月は YYYY-MM の形式で指定してください（例: 2026-04）。',
    );
    await checkA11y(page, 'reports-400');

    // --- The fiscal-year report: three charts. ---
    await page.goto(`${baseUrl}/staff/reports/monthly?month=${month}`);
    expect(
      await navigation(page, () => page.getByRole('link', { name: `${fy}年度の報告` }).click()),
    ).toBe(200);
    expect(pathnameOf(page)).toBe('/staff/reports/annual');
    expect(await heading(page)).toBe(`${fy}年度 年度報告`);
    expect(await page.locator('figure.chart svg[role="img"]').count()).toBe(3);
    expect(await page.getByRole('img', { name: '会員数の推移（月末）' }).count()).toBe(1);
    await checkA11yAtBothSizes(page, 'reports-annual');
    await page.setViewportSize({ ...DESKTOP });
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({
      path: join(SCREENSHOT_DIR, 'reports-annual-print.png'),
      fullPage: true,
    });
    await page.emulateMedia({ media: 'screen' });
  });
});
