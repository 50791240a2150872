/**
 * Browser test harness: a real server process (as `npm start` runs it) on a temporary database,
 * Debian's Chromium driven by playwright-core, and axe-core accessibility checks at desktop and 320 px.
 *
 * - `startServer()` spawns the server on a free loopback port and waits until it answers.
 * - `launchBrowser()` starts /usr/bin/chromium headless (skipped locally when it is missing,
 *   a failure in CI: see `browserAvailable`).
 * - `checkA11y()` / `checkA11yAtBothSizes()` fail on any serious or critical axe violation and
 *   save full-page screenshots to test-results/screenshots/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AxeResults, NodeResult, Result } from 'axe-core';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots');

export const CHROMIUM_PATH = '/usr/bin/chromium';
const JAPANESE_FONT_DIR = '/usr/share/fonts/opentype/ipafont-gothic';
const IN_CI = process.env.CI === 'true';
const chromiumInstalled = existsSync(CHROMIUM_PATH);

/**
 * Whether the browser suites run. In CI they always run, so a missing Chromium makes
 * `launchBrowser()` throw (a failure); locally they are skipped with a loud message.
 */
export const browserAvailable = chromiumInstalled || IN_CI;

if (!chromiumInstalled && !IN_CI) {
  console.warn(
    [
      '',
      '#'.repeat(78),
      `#  BROWSER TESTS SKIPPED: ${CHROMIUM_PATH} was not found.`,
      '#  Install it with: sudo apt-get install -y chromium fonts-ipafont-gothic',
      '#  (In CI, with CI=true, a missing browser is a failure, not a skip.)',
      '#'.repeat(78),
      '',
    ].join('\n'),
  );
} else if (chromiumInstalled && !existsSync(JAPANESE_FONT_DIR)) {
  console.warn(
    `\n!! fonts-ipafont-gothic is not installed: Japanese text in screenshots will be boxes.\n` +
      `!! Install it with: sudo apt-get install -y fonts-ipafont-gothic\n`,
  );
}

// ---------------------------------------------------------------------------------------------
// Server

export interface RunningServer {
  baseUrl: string;
  /** Everything the server printed so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

// A fresh checkout on a busy 2-core machine compiles and seeds the demo center on first start.
const READY_TIMEOUT_MS = 240_000;
const POLL_INTERVAL_MS = 100;
const STOP_GRACE_MS = 5_000;

/** A port that was free on 127.0.0.1 a moment ago (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not determine a free port'));
      });
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

function within<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Starts the server as `npm start` does (src/node/start.mjs: the bundle, rebuilt when a source
 * changed), on a new temporary database seeded with the demo center, and resolves once
 * `/api/v1/healthz` answers 200.
 */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'tsunagu-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATABASE_PATH: join(dir, 'tsunagu.db'),
    SEED_DEMO: '1',
    NODE_ENV: 'test',
    ...extraEnv,
  };
  // Run node itself (not npx): signals then reach the server, not a wrapper.
  const child = spawn(process.execPath, ['src/node/start.mjs'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exit = exited(child);
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));

  // If the test process itself goes away without stop(), do not leave a server behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      if ((await within(exit, STOP_GRACE_MS)) === 'timeout') {
        child.kill('SIGKILL');
        await within(exit, STOP_GRACE_MS);
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };

  // Wait for readiness: poll the health check until it answers, the process dies, or time is up.
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`The server exited before it was ready (code ${child.exitCode}):\n${log}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/v1/healthz`, {
        signal: AbortSignal.timeout(2_000),
      });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The server did not answer within ${READY_TIMEOUT_MS} ms:\n${log}`);
    }
    await within(exit, POLL_INTERVAL_MS);
  }
  return { baseUrl, output: () => log, stop };
}

// ---------------------------------------------------------------------------------------------
// Browser

export const DESKTOP = { width: 1280, height: 900 } as const;
export const NARROW = { width: 320, height: 640 } as const;

export async function launchBrowser(): Promise<Browser> {
  if (!chromiumInstalled) {
    throw new Error(
      `Chromium is required for the browser tests but ${CHROMIUM_PATH} does not exist ` +
        `(CI=true makes this a failure). Install: apt-get install -y chromium fonts-ipafont-gothic`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** A fresh browser context (own cookies) as a Japanese user in Tokyo would have it. */
export async function newJapaneseContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { ...DESKTOP },
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
  });
}

/**
 * Runs `action` (a click, a form submit…) and waits for the page it causes to load.
 * Returns the HTTP status of the final document (after redirects), e.g. 200 or 422.
 */
export async function navigation(page: Page, action: () => Promise<unknown>): Promise<number> {
  await Promise.all([page.waitForEvent('load'), action()]);
  return documentStatus(page);
}

/** The HTTP status of the document currently shown. */
export async function documentStatus(page: Page): Promise<number> {
  return page.evaluate(() => {
    const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return entry?.responseStatus ?? 0;
  });
}

/** The pathname of the page currently shown. */
export function pathnameOf(page: Page): string {
  return new URL(page.url()).pathname;
}

export async function htmlLang(page: Page): Promise<string | null> {
  return page.locator('html').getAttribute('lang');
}

/** Signs in through the real form (by field names, so it works in either language). */
export async function signIn(
  page: Page,
  baseUrl: string,
  email: string,
  password: string,
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  const status = await navigation(page, () =>
    page.locator('form[action="/login"] button[type="submit"]').click(),
  );
  if (status !== 200 || pathnameOf(page) === '/login') {
    throw new Error(`Sign-in as ${email} failed: status ${status} at ${page.url()}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Accessibility

let axeSource: string | undefined;
function readAxeSource(): string {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const FAILING_IMPACTS = new Set(['serious', 'critical']);

interface AxeWindow {
  axe?: { run: (context: Document, options: object) => Promise<AxeResults> };
}

function describeNode(node: NodeResult): string {
  const summary = (node.failureSummary ?? '').replace(/\s*\n\s*/g, ' ').trim();
  return `    at ${node.target.join(' ')}\n      ${node.html.slice(0, 200)}\n      ${summary}`;
}

function describeViolation(v: Result): string {
  return [
    `  [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} element(s))`,
    `    ${v.helpUrl}`,
    ...v.nodes.slice(0, 5).map(describeNode),
  ].join('\n');
}

/**
 * Runs axe-core (WCAG 2.x A and AA rules) on the current page and throws on any serious or
 * critical violation. Lesser ones are printed so that they are seen.
 */
export async function checkA11y(page: Page, label: string): Promise<void> {
  // NOTE: evaluate() runs through the DevTools protocol, which the page's CSP does not govern;
  // the app's CSP (rightly) forbids injected <script> tags.
  const loaded = await page.evaluate(
    () => typeof (window as unknown as AxeWindow).axe !== 'undefined',
  );
  if (!loaded) {
    await page.evaluate(readAxeSource());
  }
  const results = await page.evaluate(
    (tags) =>
      (window as unknown as AxeWindow).axe!.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      }),
    WCAG_TAGS,
  );
  const failing = results.violations.filter((v) => FAILING_IMPACTS.has(v.impact ?? ''));
  const other = results.violations.filter((v) => !FAILING_IMPACTS.has(v.impact ?? ''));
  if (other.length) {
    console.warn(
      `axe (${label}, ${page.url()}): minor/moderate issues:\n${other.map(describeViolation).join('\n')}`,
    );
  }
  if (failing.length) {
    throw new Error(
      `axe found ${failing.length} serious/critical violation(s) on "${label}" (${page.url()}):\n` +
        failing.map(describeViolation).join('\n'),
    );
  }
}

/** Fails when the page scrolls sideways (WCAG 1.4.10 reflow), naming the widest elements. */
export async function checkNoHorizontalScroll(page: Page, label: string): Promise<void> {
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return null;
    const culprits = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.className ? '.' + el.className : ''}`);
    return { scrollWidth: document.documentElement.scrollWidth, width, culprits };
  });
  if (overflow) {
    throw new Error(
      `"${label}" scrolls sideways at ${overflow.width} px (content is ${overflow.scrollWidth} px ` +
        `wide): ${overflow.culprits.join(', ')}`,
    );
  }
}

/** Controls that must be at least 44×44 px (inline links in running text are exempt). */
const TARGET_SELECTOR = [
  'button',
  'input:not([type="hidden"])',
  'select',
  'textarea',
  '.button',
  '.brand',
  '.site-nav a',
  '.action-list__link',
].join(', ');
const MIN_TARGET_PX = 44;

/** Fails when a visible control is smaller than 44×44 px. */
export async function checkTargetSizes(page: Page, label: string): Promise<void> {
  const small = await page.evaluate(
    ({ selector, min }) =>
      [...document.querySelectorAll<HTMLElement>(selector)]
        .filter((el) => el.checkVisibility())
        .map((el) => ({ el, box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.height < min - 0.5 || box.width < min - 0.5)
        .map(
          ({ el, box }) =>
            `${el.outerHTML.slice(0, 80)} is ${Math.round(box.width)}×${Math.round(box.height)}`,
        ),
    { selector: TARGET_SELECTOR, min: MIN_TARGET_PX },
  );
  if (small.length) {
    throw new Error(`"${label}": controls under ${MIN_TARGET_PX} px:\n  ${small.join('\n  ')}`);
  }
}

/**
 * Presses Tab until `target` has the keyboard focus (at most `maxTabs` times), then fails unless
 * the focus is clearly drawn (an outline of 2 px or more).
 */
export async function checkKeyboardFocus(page: Page, target: Locator, maxTabs = 30): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) {
      const style = await target.evaluate((el) => {
        const s = getComputedStyle(el);
        return { outline: s.outlineStyle, width: parseFloat(s.outlineWidth) };
      });
      if (style.outline === 'none' || style.width < 2) {
        throw new Error(`Keyboard focus is not visible: outline ${style.outline} ${style.width}px`);
      }
      return;
    }
  }
  throw new Error(`Could not reach the element with ${maxTabs} presses of Tab`);
}

/**
 * Checks the current page at desktop size (1280×900) and on a 320 px phone (320×640): axe,
 * 44 px targets, no sideways scrolling at 320 px, and full-page screenshots
 * test-results/screenshots/<label>-desktop.png and <label>-320.png. Restores the viewport.
 */
export async function checkA11yAtBothSizes(page: Page, label: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const original = page.viewportSize();
  try {
    for (const [suffix, size] of [
      ['desktop', DESKTOP],
      ['320', NARROW],
    ] as const) {
      await page.setViewportSize({ ...size });
      await page.screenshot({
        path: join(SCREENSHOT_DIR, `${label}-${suffix}.png`),
        fullPage: true,
      });
      await checkA11y(page, `${label} @${suffix}`);
      await checkTargetSizes(page, `${label} @${suffix}`);
      if (suffix === '320') await checkNoHorizontalScroll(page, `${label} @320`);
    }
  } finally {
    if (original) await page.setViewportSize(original);
  }
}
