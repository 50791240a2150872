/**
 * The city-scale benchmark: `npm run bench [-- --db data/bench.db] [-- --quick]`.
 *
 * Generates the data when missing (bench/data.ts), then measures, in one run so that ratios are
 * comparable on a shared, noisy machine: candidate ranking through the DB, the weekly planner,
 * the monthly and fiscal-year reports, HTTP throughput and p99 of API reads and staff pages
 * against a hello-world Hono route, the server's RSS under load, the Workers bundle (gzipped),
 * and the start-up time of `npm start`. Prints one table and writes bench/results/<date>.json.
 * See docs/performance.md.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { DEFAULT_BENCH_DB, generateBenchData, type BenchMeta } from './data.js';
import { httpGet, httpPostJson, runLoad, type LoadResult } from './http-load.js';
import { openBenchDeps, readMeta, summarize, timeIt } from './lib.js';
import { benchRoundTrips } from './round-trips.js';
import { CITY, generateCityInstance } from './planner.bench.js';
import { coverageUpperBound, planWeek } from '../src/modules/planner/planner.js';
import { findCandidates } from '../src/modules/matching/candidates.js';
import { findRequestById, type RequestRow } from '../src/modules/requests/requests.queries.js';
import { sumApprovedActivities } from '../src/modules/reports/reports.queries.js';
import {
  annualReport,
  fiscalYearPeriod,
  instantRange,
  monthlyReport,
  monthPeriod,
} from '../src/modules/reports/reports.service.js';
import { DAY } from '../src/lib/clock.js';
import { isoWeekdayOf, tokyoDateOf, tokyoInstant } from '../src/lib/dates.js';

const argValue = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const QUICK = process.argv.includes('--quick');
const DB = argValue('--db') ?? DEFAULT_BENCH_DB;
const LOAD_MS = QUICK ? 2_000 : 5_000;
const WARMUP_MS = 1_500;
const CONNECTIONS = 50;

interface Row {
  figure: string;
  value: string;
  target: string;
  ok: boolean | null;
}
const rows: Row[] = [];
const add = (figure: string, value: string, target = '', ok: boolean | null = null) =>
  rows.push({ figure, value, target, ok });
const log = (msg: string) => console.error(`[bench] ${msg}`);

// --- in-process: ranking, planner, reports -----------------------------------------------------

async function benchRanking(dbPath: string, meta: BenchMeta) {
  const { deps, sqlite } = openBenchDeps(dbPath, meta);
  const requests = (
    await Promise.all(meta.sampleOpenRequestIds.map((id) => findRequestById(deps.db, id)))
  ).filter((r): r is RequestRow => !!r);
  // The first call loads the eligibility cache (what the first ranking after a training change pays).
  const c0 = performance.now();
  await findCandidates(deps, requests[0]!);
  const cold = performance.now() - c0;
  // 200 requests over next month's dates; one round keeps the whole run under ten minutes.
  const rounds = 1;
  const wall: number[] = [];
  const cpu: number[] = [];
  let candidates = 0;
  for (let r = 0; r < rounds; r++)
    for (const request of requests) {
      const u0 = process.cpuUsage();
      const t0 = performance.now();
      const result = await findCandidates(deps, request);
      wall.push(performance.now() - t0);
      const u = process.cpuUsage(u0);
      cpu.push((u.user + u.system) / 1000);
      if (r === 0) candidates += result.candidates.length;
    }

  // The bare SQL lower bound: the same rows, straight from better-sqlite3 prepared statements.
  const stmts = {
    helpers: sqlite.prepare(
      `SELECT id, name, helper_status, helper_max_children, helper_child_age_min_months,
        helper_child_age_max_months, helper_categories, helper_areas, area FROM member
       WHERE helper_status IS NOT NULL AND withdrawn_at IS NULL AND id <> ?`,
    ),
    slots: sqlite.prepare(
      'SELECT member_id, weekday, start_time, end_time FROM availability_slot WHERE weekday = ?',
    ),
    exceptions: sqlite.prepare(
      'SELECT member_id, date, start_time, end_time FROM availability_exception WHERE date = ?',
    ),
    assignments: sqlite.prepare(
      `SELECT helper_member_id, starts_at, ends_at FROM care_request WHERE status = 'matched'
       AND helper_member_id IS NOT NULL AND starts_at < ? AND ends_at > ?`,
    ),
    pairings: sqlite.prepare('SELECT helper_member_id FROM pairing WHERE requester_member_id = ?'),
    blocked: sqlite.prepare(
      'SELECT helper_member_id FROM blocked_helper WHERE requester_member_id = ?',
    ),
    recent: sqlite.prepare(
      `SELECT helper_member_id, count(*) AS n FROM care_request WHERE status IN ('matched', 'completed')
       AND helper_member_id IS NOT NULL AND starts_at >= ? GROUP BY helper_member_id`,
    ),
    children: sqlite.prepare(
      `SELECT child.id, child.birth_date FROM care_request_child JOIN child ON child.id = care_request_child.child_id
       WHERE care_request_child.request_id = ?`,
    ),
    token: sqlite.prepare('SELECT token FROM qualification_stamp WHERE id = 1'),
  };
  const since = new Date(deps.clock.now().getTime() - 90 * DAY).toISOString();
  const bare = await timeIt(
    (i) => {
      const r = requests[i % requests.length]!;
      const date = tokyoDateOf(r.starts_at);
      stmts.helpers.all(r.requester_member_id);
      stmts.slots.all(isoWeekdayOf(date));
      stmts.exceptions.all(date);
      stmts.assignments.all(r.ends_at, r.starts_at);
      stmts.pairings.all(r.requester_member_id);
      stmts.blocked.all(r.requester_member_id);
      stmts.recent.all(since);
      stmts.children.all(r.id);
      stmts.token.get();
    },
    requests.length,
    5,
  );
  const plan = (s: string, ...p: unknown[]) =>
    (sqlite.prepare(`EXPLAIN QUERY PLAN ${s}`).all(...p) as { detail: string }[])
      .map((x) => x.detail)
      .join('; ');
  const plans = {
    slots: plan('SELECT member_id, start_time, end_time FROM availability_slot WHERE weekday = 3'),
    recent: plan(
      `SELECT helper_member_id, count(*) FROM care_request WHERE status IN ('matched','completed')
       AND helper_member_id IS NOT NULL AND starts_at >= '2026-01-01' GROUP BY helper_member_id`,
    ),
    assignments: plan(
      `SELECT helper_member_id FROM care_request WHERE status = 'matched' AND starts_at < 'b' AND ends_at > 'a'`,
    ),
  };
  sqlite.close();
  return {
    requests: requests.length,
    rounds,
    coldMs: cold,
    wall: summarize(wall),
    cpu: summarize(cpu),
    bareSql: summarize(bare),
    meanCandidates: candidates / requests.length,
    plans,
  };
}

function benchPlanner() {
  const input = generateCityInstance(CITY);
  const t0 = performance.now();
  const result = planWeek(input);
  const ms = performance.now() - t0;
  const bound = coverageUpperBound(input);
  const matched = result.assignments.length;
  return { requests: input.requests.length, helpers: input.helpers.length, ms, matched, bound };
}

async function benchReports(dbPath: string, meta: BenchMeta) {
  const { deps, sqlite } = openBenchDeps(dbPath, meta);
  const month = meta.reportMonth;
  const fy = meta.reportFiscalYear - 1; // the last complete fiscal year
  const monthFrom = tokyoInstant(`${month}-01`).toISOString();
  const [y, m] = month.split('-').map(Number) as [number, number];
  const monthTo = tokyoInstant(
    m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`,
  ).toISOString();
  const fyFrom = tokyoInstant(`${fy}-04-01`).toISOString();
  const fyTo = tokyoInstant(`${fy + 1}-04-01`).toISOString();
  // One hand-written aggregate of the same headline numbers (count, minutes, fees, costs).
  const hand = sqlite.prepare(
    `SELECT count(*) AS n, sum((julianday(ended_at) - julianday(started_at)) * 1440) AS minutes,
       sum(fee_total) AS fees, sum(transport_cost + meal_cost) AS costs
     FROM activity WHERE status = 'approved' AND started_at >= ? AND started_at < ?`,
  );
  const runs = QUICK ? 2 : 3;
  const monthly = await timeIt(() => monthlyReport(deps, month), runs, 1);
  const monthlyHand = await timeIt(() => hand.get(monthFrom, monthTo), runs, 1);
  const annual = await timeIt(() => annualReport(deps, fy), runs, 1);
  const annualHand = await timeIt(() => hand.get(fyFrom, fyTo), runs, 1);
  // The same four numbers as the reports compute them (from the per-day totals of 0011).
  const monthRange = instantRange(monthPeriod(month));
  const fyRange = instantRange(fiscalYearPeriod(fy));
  const monthlyOwn = await timeIt(() => sumApprovedActivities(deps.db, monthRange), runs, 1);
  const annualOwn = await timeIt(() => sumApprovedActivities(deps.db, fyRange), runs, 1);
  const check = (await monthlyReport(deps, month)) as unknown as { activities: { count: number } };
  const handCheck = hand.get(monthFrom, monthTo) as { n: number };
  const fyCheck = await sumApprovedActivities(deps.db, fyRange);
  const fyHandCheck = hand.get(fyFrom, fyTo) as { n: number };
  sqlite.close();
  return {
    month,
    fiscalYear: fy,
    monthly: summarize(monthly),
    monthlyHand: summarize(monthlyHand),
    annual: summarize(annual),
    annualHand: summarize(annualHand),
    monthlyOwn: summarize(monthlyOwn),
    annualOwn: summarize(annualOwn),
    monthlyActivities: check.activities.count,
    handActivities: handCheck.n,
    annualActivities: fyCheck.count,
    annualHandActivities: fyHandCheck.n,
  };
}

// --- processes: HTTP, RSS, start-up ----------------------------------------------------------

function spawnNode(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
}

function stop(child: ChildProcess) {
  // SIGKILL: a graceful shutdown would wait for abandoned slow requests to finish.
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    /* already gone */
  }
}

async function waitFor200(port: number, path: string, timeoutMs: number): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < timeoutMs) {
    try {
      const res = await httpGet(port, path);
      if (res.status === 200) return performance.now() - t0;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no 200 from :${port}${path} within ${timeoutMs} ms`);
}

const rssMb = (pid: number): number => {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
};

async function benchHttp(dbPath: string, meta: BenchMeta) {
  const helloPort = 3991;
  const appPort = 3992;
  const hello = spawnNode(['--import', 'tsx', 'bench/hello.ts'], { PORT: String(helloPort) });
  // The server as `npm start` runs it (same flags as package.json): the bundle, rebuilt when stale.
  const app = spawnNode(['--max-old-space-size=256', 'src/node/start.mjs'], {
    PORT: String(appPort),
    DATABASE_PATH: dbPath,
    SEED_DEMO: '0',
  });
  try {
    await waitFor200(helloPort, '/', 60_000);
    await waitFor200(appPort, '/api/v1/healthz', 60_000);
    const login = await httpPostJson(appPort, '/api/v1/auth/login', meta.staff);
    if (login.status !== 200) throw new Error(`staff login failed: ${login.status}`);
    const cookie = login.cookies.map((c) => c.split(';')[0]).join('; ');
    const headers = { cookie };
    const month = meta.reportMonth;
    const member = meta.sampleMemberIds[0]!;
    const targets: { name: string; path: string; kind: 'hello' | 'api' | 'page' }[] = [
      { name: 'hello-world', path: '/', kind: 'hello' },
      {
        name: 'GET /api/v1/requests?status=open',
        path: '/api/v1/requests?status=open',
        kind: 'api',
      },
      {
        name: `GET /api/v1/activities?month=`,
        path: `/api/v1/activities?month=${month}`,
        kind: 'api',
      },
      { name: 'GET /api/v1/members/:id', path: `/api/v1/members/${member}`, kind: 'api' },
      {
        name: 'GET /api/v1/requests/:id/candidates',
        path: `/api/v1/requests/${meta.sampleOpenRequestIds[0]}/candidates`,
        kind: 'api',
      },
      { name: 'page /board', path: '/board', kind: 'page' },
      { name: 'page /members/:id', path: `/members/${member}`, kind: 'page' },
      { name: 'page /activities?month=', path: `/activities?month=${month}`, kind: 'page' },
      { name: 'page /members', path: '/members', kind: 'page' },
    ];
    const results: (LoadResult & { name: string; kind: string })[] = [];
    let rssMax = 0;
    const firstMs: Record<string, number> = {};
    for (const t of targets) {
      const port = t.kind === 'hello' ? helloPort : appPort;
      // Warm-up: one request alone (it loads per-process caches, such as the eligibility cache
      // on the first ranking), then load on all connections (JIT, page cache, sockets open) just
      // before the measured window.
      const first = performance.now();
      await httpGet(port, t.path, headers);
      firstMs[t.name] = performance.now() - first;
      const sampler = setInterval(() => {
        rssMax = Math.max(rssMax, rssMb(app.pid!));
      }, 100);
      const r = await runLoad(port, t.path, {
        connections: CONNECTIONS,
        durationMs: LOAD_MS,
        warmupMs: WARMUP_MS,
        headers,
      });
      clearInterval(sampler);
      results.push({ ...r, name: t.name, kind: t.kind });
      // Let the server finish what was abandoned before the next target is measured.
      if (port === appPort) await waitFor200(appPort, '/api/v1/healthz', 120_000);
      log(
        `${t.name}: ${r.rps.toFixed(0)} req/s, p99 ${r.latency.p99.toFixed(1)} ms ${JSON.stringify(r.statuses)}`,
      );
    }
    // The unfiltered staff list (ten years of requests, with a total count): one request, timed.
    const u0 = performance.now();
    const unfiltered = await httpGet(appPort, '/api/v1/requests', headers);
    const unfilteredMs = performance.now() - u0;
    return {
      results,
      firstMs,
      rssMaxMb: rssMax,
      rssIdleMb: rssMb(app.pid!),
      unfilteredRequests: { status: unfiltered.status, ms: unfilteredMs },
    };
  } finally {
    stop(hello);
    stop(app);
  }
}

/** `npm start` as an operator runs it, on the generated DB, until the first 200. */
async function startOnce(dbPath: string, port: number) {
  const t0 = performance.now();
  const child = spawn('npm', ['start'], {
    env: { ...process.env, PORT: String(port), DATABASE_PATH: dbPath, SEED_DEMO: '0' },
    stdio: 'ignore',
    detached: true,
  });
  try {
    await waitFor200(port, '/api/v1/healthz', 60_000);
    return performance.now() - t0;
  } finally {
    stop(child);
  }
}

/**
 * Start-up twice over: right after a source change (no up-to-date bundle: start.mjs rebuilds it
 * first), then the usual case, the median of three starts with the bundle up to date.
 */
async function benchStartup(dbPath: string) {
  rmSync(resolve('dist/server.mjs'), { force: true });
  const rebuildMs = await startOnce(dbPath, 3993);
  const warm = [];
  for (let i = 0; i < 3; i++) warm.push(await startOnce(dbPath, 3994 + i));
  return { rebuildMs, ms: summarize(warm).p50 };
}

function benchBundle() {
  const out = join(tmpdir(), `tsunagu-bench-bundle-${process.pid}`);
  rmSync(out, { recursive: true, force: true });
  const r = spawnSync('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', out], {
    encoding: 'utf8',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
  });
  if (r.status !== 0) throw new Error(`wrangler dry-run failed: ${r.stderr}`);
  let raw = 0;
  let gz = 0;
  for (const f of readdirSync(out, { recursive: true }) as string[]) {
    const p = join(out, f);
    if (!statSync(p).isFile() || !/\.(m?js|wasm)$/.test(f)) continue;
    const buf = readFileSync(p);
    raw += buf.length;
    gz += gzipSync(buf, { level: 9 }).length;
  }
  rmSync(out, { recursive: true, force: true });
  return { rawBytes: raw, gzipBytes: gz };
}

// --- main --------------------------------------------------------------------------------------

async function main() {
  const started = performance.now();
  const dbPath = resolve(DB);
  let generatedMs: number | null = null;
  if (!existsSync(dbPath) || !existsSync(`${dbPath}.json`)) {
    log(`generating ${dbPath}`);
    const t0 = performance.now();
    await generateBenchData(dbPath);
    generatedMs = performance.now() - t0;
  }
  const meta = readMeta(dbPath);
  log('ranking');
  const ranking = await benchRanking(dbPath, meta);
  log('planner');
  const planner = benchPlanner();
  log('reports');
  const reports = await benchReports(dbPath, meta);
  log('http');
  const http = await benchHttp(dbPath, meta);
  log('start-up');
  const startup = await benchStartup(dbPath);
  log('bundle');
  const bundle = benchBundle();
  log('D1 round trips');
  const roundTrips = await benchRoundTrips();

  const f = (x: number, d = 1) => x.toFixed(d);
  add(
    'ranking p50 / p95 (wall, ms)',
    `${f(ranking.wall.p50)} / ${f(ranking.wall.p95)}`,
    'p95 ≤ 20',
    ranking.wall.p95 <= 20,
  );
  add('ranking p50 / p95 (CPU, ms)', `${f(ranking.cpu.p50)} / ${f(ranking.cpu.p95)}`);
  add(
    'ranking ÷ bare SQL (p50)',
    `${f(ranking.wall.p50 / ranking.bareSql.p50, 2)}× (SQL ${f(ranking.bareSql.p50)} ms)`,
  );
  add('ranking first call (cache load, ms)', f(ranking.coldMs));
  add(
    'planner, city week (ms; matched / bound)',
    `${f(planner.ms)}; ${planner.matched} / ${planner.bound}`,
  );
  const mRatio = reports.monthly.p50 / reports.monthlyHand.p50;
  const aRatio = reports.annual.p50 / reports.annualHand.p50;
  add(
    `monthly report ${reports.month} (ms; ÷ hand SQL)`,
    `${f(reports.monthly.p50)}; ${f(mRatio, 2)}×`,
    '≤ 150, ≤ 2×',
    reports.monthly.p50 <= 150 && mRatio <= 2,
  );
  add(
    `fiscal-year report ${reports.fiscalYear} (ms; ÷ hand SQL)`,
    `${f(reports.annual.p50)}; ${f(aRatio, 2)}×`,
    '≤ 600, ≤ 2×',
    reports.annual.p50 <= 600 && aRatio <= 2,
  );
  // The hand SQL computes four activity figures; the reports' own code for those four (the
  // per-day totals) against it, same numbers on both sides (checked below).
  const sameCounts =
    reports.monthlyActivities === reports.handActivities &&
    reports.annualActivities === reports.annualHandActivities;
  add(
    'report activity totals, month / year (ms; ÷ hand SQL)',
    `${f(reports.monthlyOwn.p50, 2)} / ${f(reports.annualOwn.p50, 2)}; ` +
      `${f(reports.monthlyOwn.p50 / reports.monthlyHand.p50, 2)}× / ` +
      `${f(reports.annualOwn.p50 / reports.annualHand.p50, 2)}×` +
      (sameCounts ? '' : ' COUNTS DIFFER'),
    '≤ 2×',
    sameCounts &&
      reports.monthlyOwn.p50 <= 2 * reports.monthlyHand.p50 &&
      reports.annualOwn.p50 <= 2 * reports.annualHand.p50,
  );
  const helloRps = http.results.find((r) => r.kind === 'hello')!.rps;
  for (const r of http.results) {
    const ok200 = (r.statuses['200'] ?? 0) === r.requests && r.errors === 0;
    const ratio = r.rps / helloRps;
    add(
      `HTTP ${r.name} (req/s; ratio; p99 ms)`,
      `${f(r.rps, 0)}; ${f(ratio * 100, 0)}%; ${f(r.latency.p99)}${ok200 ? '' : ' NOT ALL 200'}`,
      r.kind === 'api' ? '≥ 35%, p99 ≤ 50' : '',
      r.kind === 'api'
        ? ok200 && ratio >= 0.35 && r.latency.p99 <= 50
        : r.kind === 'page'
          ? ok200
          : null,
    );
  }
  add(
    'GET /api/v1/requests unfiltered, one call (ms)',
    f(http.unfilteredRequests.ms, 0) + (http.unfilteredRequests.status === 200 ? '' : ' NOT 200'),
  );
  add('server RSS under load (max MB)', f(http.rssMaxMb, 0), '≤ 300', http.rssMaxMb <= 300);
  add(
    'Workers bundle (gzip KiB)',
    `${f(bundle.gzipBytes / 1024, 0)} (raw ${f(bundle.rawBytes / 1024, 0)})`,
    '≤ 1024',
    bundle.gzipBytes <= 1024 * 1024,
  );
  add(
    'npm start → first 200 (ms; after a source change)',
    `${f(startup.ms, 0)}; ${f(startup.rebuildMs, 0)}`,
    '≤ 1500',
    startup.ms <= 1500,
  );
  // D1 round trips on the Workers path (sequential / total; the target is #23's budget).
  for (const r of roundTrips)
    add(`D1 round trips: ${r.request}`, `${r.sequential} / ${r.total}`, r.target, r.ok);
  const totalMs = performance.now() - started;
  add(
    'bench wall time (s)',
    `${f(totalMs / 1000, 0)}${generatedMs ? ` incl. generation ${f(generatedMs / 1000, 0)}` : ''}`,
    '< 600',
    totalMs < 600_000,
  );

  const env = `Node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`;
  const w1 = Math.max(...rows.map((r) => r.figure.length));
  const w2 = Math.max(...rows.map((r) => r.value.length));
  const w3 = Math.max(...rows.map((r) => r.target.length));
  console.log(`Tsunagu benchmark, ${new Date().toISOString()} (${env})`);
  console.log(`${'figure'.padEnd(w1)}  ${'value'.padEnd(w2)}  ${'target'.padEnd(w3)}  ok`);
  for (const r of rows)
    console.log(
      `${r.figure.padEnd(w1)}  ${r.value.padEnd(w2)}  ${r.target.padEnd(w3)}  ${r.ok === null ? '' : r.ok ? 'yes' : 'NO'}`,
    );

  mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/${new Date().toISOString().slice(0, 19).replace(/:/g, '')}.json`;
  const result = {
    at: new Date().toISOString(),
    env,
    quick: QUICK,
    db: {
      path: DB,
      meta: { ...meta, sampleOpenRequestIds: undefined, sampleMemberIds: undefined },
    },
    generatedMs,
    table: rows,
    ranking,
    planner,
    reports,
    http: { ...http, connections: CONNECTIONS, durationMs: LOAD_MS },
    startup,
    bundle,
    roundTrips,
    totalMs,
  };
  writeFileSync(file, JSON.stringify(result, null, 2));
  console.log(`written ${file}`);
}

await main();
