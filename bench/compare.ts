/**
 * Before/after in one process: `npx tsx bench/compare.ts --base <checkout> [--db data/bench.db]`.
 *
 * On a shared machine two `npm run bench` runs, even back to back, see different loads. This
 * loads the candidate ranking and the monthly report from another checkout (`--base`, e.g.
 * `git worktree add --detach /tmp/base main`, with node_modules linked) and from this one, over
 * the same bench database, and alternates them call by call (ABAB…), so both see the same load:
 * their ratio is the figure to quote. Writes bench/results/<time>-compare.json.
 *
 * `--base-db <copy>`: the "before" side reads its own copy of the database, migrated by the base
 * checkout only, when this checkout's migrations would also speed up the base's queries (a new
 * index, say). Both files are read the same way, so the ratio stays fair.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_BENCH_DB } from './data.js';
import { openBenchDeps, readMeta, summarize, type Timing } from './lib.js';
import type * as Lib from './lib.js';
import type * as Candidates from '../src/modules/matching/candidates.js';
import type * as Requests from '../src/modules/requests/requests.queries.js';
import type * as Reports from '../src/modules/reports/reports.service.js';

const argValue = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const BASE = argValue('--base');
const DB = resolve(argValue('--db') ?? DEFAULT_BENCH_DB);
const BASE_DB = resolve(argValue('--base-db') ?? DB);
const ROUNDS = Number(argValue('--rounds') ?? 3);
const REPORTS = Number(argValue('--reports') ?? 7);
if (!BASE) throw new Error('usage: npx tsx bench/compare.ts --base <checkout of the "before">');

interface Side {
  name: string;
  rank(i: number): Promise<unknown>;
  monthly(): Promise<unknown>;
  annual(): Promise<unknown>;
}

/** One side: its own modules (so its own caches) and its own connection to the database. */
async function load(name: string, root: string, dbPath: string): Promise<Side> {
  const lib = (await import(`${root}/bench/lib.ts`)) as typeof Lib;
  const { findCandidates } = (await import(
    `${root}/src/modules/matching/candidates.ts`
  )) as typeof Candidates;
  const { findRequestById } = (await import(
    `${root}/src/modules/requests/requests.queries.ts`
  )) as typeof Requests;
  const { annualReport, monthlyReport } = (await import(
    `${root}/src/modules/reports/reports.service.ts`
  )) as typeof Reports;
  const meta = lib.readMeta(dbPath);
  const { deps } = lib.openBenchDeps(dbPath, meta);
  const requests: Requests.RequestRow[] = [];
  for (const id of meta.sampleOpenRequestIds) {
    const r = await findRequestById(deps.db, id);
    if (r) requests.push(r);
  }
  return {
    name,
    rank: (i) => findCandidates(deps, requests[i % requests.length]!),
    monthly: () => monthlyReport(deps, meta.reportMonth),
    annual: () => annualReport(deps, meta.reportFiscalYear - 1),
  };
}

const withoutGeneratedAt = (key: string, value: unknown) =>
  key === 'generatedAt' ? undefined : value;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function main() {
  const meta = readMeta(DB);
  openBenchDeps(DB, meta).sqlite.close(); // pending migrations, once
  const sides = [
    await load('before', resolve(BASE!), BASE_DB),
    await load('after', resolve('.'), DB),
  ];
  const n = meta.sampleOpenRequestIds.length;
  const ranking: Record<string, { first: number[]; warm: number[] }> = {};
  const monthly: Record<string, number[]> = {};
  const annual: Record<string, number[]> = {};
  const figures: string[] = [];
  for (const s of sides) {
    ranking[s.name] = { first: [], warm: [] };
    monthly[s.name] = [];
    annual[s.name] = [];
    await s.rank(0); // the cache load, as the bench's "first call"
    // Warm-up, as the bench's; and the reports' figures, to compare.
    figures.push(JSON.stringify([await s.monthly(), await s.annual()], withoutGeneratedAt));
  }
  // The same data must give the same reports on both sides (only the generation time differs).
  const identical = figures[0] === figures[1];
  // Round 1 is what `npm run bench` measures (each date met for the first time); later rounds
  // are the steady state. A and B alternate on every request.
  for (let round = 0; round < ROUNDS; round++)
    for (let i = 0; i < n; i++)
      for (const s of round % 2 === 0 ? sides : [...sides].reverse()) {
        const ms = await timed(() => s.rank(i));
        ranking[s.name]![round === 0 ? 'first' : 'warm'].push(ms);
      }
  for (let i = 0; i < REPORTS; i++)
    for (const s of i % 2 === 0 ? sides : [...sides].reverse()) {
      monthly[s.name]!.push(await timed(() => s.monthly()));
      annual[s.name]!.push(await timed(() => s.annual()));
    }

  const sum = (xs: number[]) => summarize(xs);
  const result: Record<string, Record<string, Timing>> = {};
  for (const s of sides)
    result[s.name] = {
      rankingFirstRound: sum(ranking[s.name]!.first),
      rankingLaterRounds: sum(ranking[s.name]!.warm),
      monthly: sum(monthly[s.name]!),
      annual: sum(annual[s.name]!),
    };
  const env = `Node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`;
  const f = (x: number) => x.toFixed(1);
  const line = (label: string, key: string, stat: 'p50' | 'p95') => {
    const b = result.before![key]![stat];
    const a = result.after![key]![stat];
    console.log(
      `${label.padEnd(40)} ${f(b).padStart(8)} → ${f(a).padStart(8)} ms  (${(a / b).toFixed(2)}×)`,
    );
  };
  console.log(`before/after, interleaved (${env})`);
  console.log(`monthly and fiscal-year reports identical before and after: ${identical}`);
  line('ranking, first round p50', 'rankingFirstRound', 'p50');
  line('ranking, first round p95', 'rankingFirstRound', 'p95');
  line('ranking, later rounds p50', 'rankingLaterRounds', 'p50');
  line('ranking, later rounds p95', 'rankingLaterRounds', 'p95');
  line(`monthly report ${meta.reportMonth} p50`, 'monthly', 'p50');
  line(`fiscal-year report ${meta.reportFiscalYear - 1} p50`, 'annual', 'p50');
  mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/${new Date().toISOString().slice(0, 19).replace(/:/g, '')}-compare.json`;
  writeFileSync(
    file,
    JSON.stringify(
      {
        at: new Date().toISOString(),
        env,
        base: BASE,
        baseDb: BASE_DB,
        rounds: ROUNDS,
        identical,
        result,
      },
      null,
      2,
    ),
  );
  console.log(`written ${file}`);
}

await main();
