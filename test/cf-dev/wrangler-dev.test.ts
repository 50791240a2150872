/**
 * The center on Workers as the README's "Cloudflare Workers + D1" section sets it up, against
 * `wrangler dev` (workerd and a local D1 in a scratch directory, so the operator's own local
 * database is not touched): `npm run cf:migrate:local`, `npm run cf:seed:local`,
 * `npm run cf:admin:create`, then `npm run cf:dev`.
 *
 * 1. Planner "send all" of 50 offers stays within D1's 50 queries per Worker invocation (free
 *    plan). The local simulator does not enforce that limit, so the Worker counts its queries
 *    (`D1_QUERY_METER`, src/lib/d1-query-meter.ts) and this check reads them from the response.
 * 2. In Chromium: the administrator created with `cf:admin:create` signs in and sees the
 *    staff dashboard (test-results/screenshots/cf-dev-dashboard-*.png).
 *
 * `npm run test:cf-dev` (not part of `npm test`: see test/cf-dev/vitest.config.ts).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserAvailable,
  DESKTOP,
  freePort,
  launchBrowser,
  newJapaneseContext,
  pathnameOf,
  SCREENSHOT_DIR,
  signIn,
} from '../helpers/browser.js';
import { DEMO_PASSWORD, DEMO_STAFF, heading, tokyoDate } from '../helpers/e2e-setup.js';

const ADMIN = {
  email: 'first-admin@example.jp',
  password: 'cf-dev-admin-2026!',
  name: '山本 和子',
};
/** D1's queries per Worker invocation on the free plan (developers.cloudflare.com/d1/platform/limits/). */
const D1_FREE_PLAN_QUERIES = 50;
const OFFERS = 50;

/** `npm run <script> -- <args> --persist-to <dir>`, as the README runs it, on the scratch D1. */
function npm(script: string, args: string[], persistTo: string): void {
  const run = spawnSync(
    'npm',
    ['run', '--silent', script, '--', ...args, '--persist-to', persistTo],
    {
      encoding: 'utf8',
      env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false' },
    },
  );
  if (run.status !== 0)
    throw new Error(`npm run ${script}: ${run.status}\n${run.stdout}\n${run.stderr}`);
}

interface Dev {
  baseUrl: string;
  stop(): void;
}

/** `npm run cf:dev` on a free port over the scratch D1, with the query meter on. */
async function startWranglerDev(persistTo: string): Promise<Dev> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    'npm',
    [
      'run',
      'cf:dev',
      '--',
      '--port',
      String(port),
      '--ip',
      '127.0.0.1',
      '--persist-to',
      persistTo,
      '--var',
      'D1_QUERY_METER:1',
      '--show-interactive-dev-session=false',
    ],
    {
      env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group: npm, wrangler and workerd stop together
    },
  );
  let log = '';
  child.stdout?.on('data', (b: Buffer) => (log += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (log += b.toString()));
  const stop = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.once('exit', stop);
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited:\n${log}`);
    try {
      const res = await fetch(`${baseUrl}/api/v1/healthz`, { signal: AbortSignal.timeout(5_000) });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      stop();
      throw new Error(`wrangler dev did not answer within 240 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return { baseUrl, stop };
}

/** A staff session over plain HTTP (cookies by hand, Origin on writes as a browser sends it). */
class Staff {
  private cookie = '';
  constructor(private readonly baseUrl: string) {}

  async signIn(email: string, password: string) {
    const res = await this.send('POST', '/api/v1/auth/login', { json: { email, password } });
    expect(res.status).toBe(200);
    this.cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
  }

  send(
    method: string,
    path: string,
    body: { json?: unknown; form?: [string, string][] } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { cookie: this.cookie };
    let payload: string | undefined;
    if (body.json !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body.json);
    } else if (body.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      payload = new URLSearchParams(body.form).toString();
    }
    if (method !== 'GET') headers.origin = this.baseUrl;
    return fetch(`${this.baseUrl}${path}`, { method, headers, body: payload, redirect: 'manual' });
  }

  async json<T>(path: string): Promise<T> {
    const res = await this.send('GET', path);
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }
}

/** The planner page's proposal: each row's chosen helper (or '') and its hidden basis field. */
function proposalOf(html: string) {
  const rows: { requestId: string; helperId: string; basis: string | null }[] = [];
  for (const m of html.matchAll(
    /<select[^>]*name="assign\.([0-9a-f-]{36})"[^>]*>([\s\S]*?)<\/select>/g,
  )) {
    const chosen = /<option value="([^"]*)" selected/.exec(m[2]!)?.[1] ?? '';
    const basis = new RegExp(`name="basis\\.${m[1]}" value="([^"]*)"`).exec(html)?.[1] ?? null;
    rows.push({ requestId: m[1]!, helperId: chosen, basis });
  }
  return rows;
}

describe('the center on wrangler dev (README, Workers section)', () => {
  let dir = '';
  let dev: Dev | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tsunagu-cf-dev-'));
    npm('cf:migrate:local', [], dir);
    npm('cf:seed:local', [], dir);
    const { email, password, name } = ADMIN;
    npm('cf:admin:create', ['--email', email, '--password', password, '--name', name], dir);
    dev = await startWranglerDev(dir);
  });

  afterAll(async () => {
    await browser?.close();
    dev?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(`sends a planner week of ${OFFERS} offers within D1's ${D1_FREE_PLAN_QUERIES} queries per invocation`, async () => {
    // The demo's six helpers take about 30 hours a week at the default 3 a day: the created
    // administrator lets them take 8 a day (a center setting), so one week holds 50 offers.
    const admin = new Staff(dev!.baseUrl);
    await admin.signIn(ADMIN.email, ADMIN.password);
    const settings = await admin.json<{ requests: Record<string, unknown> }>('/api/v1/settings');
    const put = await admin.send('PUT', '/api/v1/settings', {
      json: { requests: { ...settings.requests, plannerMaxPerDay: 8 } },
    });
    expect(put.status, await put.text()).toBe(200);

    const staff = new Staff(dev!.baseUrl);
    await staff.signIn(DEMO_STAFF, DEMO_PASSWORD);

    // Hour-long requests of the demo families over the coming week (the planner's default
    // range, Monday to Sunday), more than the helpers can take, so the plan has 50 or more.
    const { items: families } = await staff.json<{ items: { id: string }[] }>(
      '/api/v1/members?kind=requester&pageSize=50',
    );
    const withChild: { id: string; childId: string }[] = [];
    for (const f of families) {
      const { items } = await staff.json<{ items: { id: string }[] }>(
        `/api/v1/members/${f.id}/children`,
      );
      if (items[0]) withChild.push({ id: f.id, childId: items[0].id });
    }
    const weekday = new Date(`${tokyoDate(0)}T12:00:00Z`).getUTCDay() || 7;
    const monday = 8 - weekday;
    let created = 0;
    for (let day = 0; day < 6; day++)
      for (let hour = 8; hour < 19; hour++)
        for (const family of withChild.slice(0, 2)) {
          const date = tokyoDate(monday + day);
          const hh = String(hour).padStart(2, '0');
          const res = await staff.send('POST', '/api/v1/requests', {
            json: {
              requesterId: family.id,
              childIds: [family.childId],
              category: 8,
              startsAt: `${date}T${hh}:00:00+09:00`,
              endsAt: `${date}T${hh}:50:00+09:00`,
              careLocation: 'helper_home',
            },
          });
          // A rule may refuse some (the lead time on Monday, service hours): fine, others go.
          if (res.status === 201) created++;
          else await res.arrayBuffer();
        }
    expect(created).toBeGreaterThan(OFFERS);

    const page = await staff.send('GET', '/staff/planner');
    expect(page.status).toBe(200);
    const rows = proposalOf(await page.text());
    const proposed = rows.filter((r) => r.helperId !== '');
    expect(proposed.length).toBeGreaterThanOrEqual(OFFERS);
    const sending = new Set(proposed.slice(0, OFFERS).map((r) => r.requestId));
    const from = tokyoDate(monday);
    const to = tokyoDate(monday + 6);
    const form: [string, string][] = [
      ['from', from],
      ['to', to],
      ...rows.flatMap((r): [string, string][] => [
        ...(r.basis !== null ? [[`basis.${r.requestId}`, r.basis] as [string, string]] : []),
        [`assign.${r.requestId}`, sending.has(r.requestId) ? r.helperId : ''],
      ]),
    ];
    const sent = await staff.send('POST', '/staff/planner/send', { form });
    const body = await sent.text();
    expect(sent.status, body.slice(0, 2000)).toBe(200);
    const [statements, calls] = (sent.headers.get('x-d1-queries') ?? '')
      .split(';')
      .map((x) => Number(x.trim()));
    console.info(
      `planner send of ${OFFERS} offers on wrangler dev: ${statements} D1 queries in ${calls} calls`,
    );
    expect(statements).toBeGreaterThan(0);
    expect(statements).toBeLessThanOrEqual(D1_FREE_PLAN_QUERIES);

    const offered = await staff.json<{ total: number }>(
      `/api/v1/requests?status=offered&from=${from}&to=${to}&pageSize=1`,
    );
    expect(offered.total).toBe(OFFERS);
  });

  it.skipIf(!browserAvailable)(
    'the administrator made by cf:admin:create signs in and sees the dashboard',
    async () => {
      browser = await launchBrowser();
      const context = await newJapaneseContext(browser);
      try {
        const page = await context.newPage();
        await page.setViewportSize(DESKTOP);
        await signIn(page, dev!.baseUrl, ADMIN.email, ADMIN.password);
        expect(pathnameOf(page)).toBe('/');
        expect(await heading(page)).toMatch(/./);
        // The administrator's menu (only an administrator has the settings).
        expect(await page.locator('nav.site-nav a[href="/settings"]').count()).toBeGreaterThan(0);
        mkdirSync(SCREENSHOT_DIR, { recursive: true });
        for (const [label, size] of [
          ['1280', DESKTOP],
          ['360', { width: 360, height: 800 }],
        ] as const) {
          await page.setViewportSize(size);
          await page.screenshot({
            path: join(SCREENSHOT_DIR, `cf-dev-dashboard-${label}.png`),
            fullPage: true,
          });
        }
      } finally {
        await context.close();
      }
    },
  );
});
