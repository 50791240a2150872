/**
 * Small helpers shared by the benchmark scripts (Node-only): opening the generated database
 * with the app's own dependencies, timing, percentiles.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { applyMigrations } from '../db/migrate.js';
import { parseConfig } from '../src/config.js';
import { ManualClock } from '../src/lib/clock.js';
import { createNodeDeps } from '../src/node/deps.js';
import type { BenchMeta } from './data.js';

export function readMeta(dbPath: string): BenchMeta {
  return JSON.parse(readFileSync(`${dbPath}.json`, 'utf8')) as BenchMeta;
}

/**
 * The app's Node dependencies over the generated database, the clock fixed at 09:00 Tokyo on the
 * generated "today" (so the figures do not drift with the real date). Pending migrations (such as
 * new indexes) are applied first, as `npm start` would.
 */
export function openBenchDeps(dbPath: string, meta: BenchMeta) {
  const config = parseConfig({ DATABASE_PATH: dbPath, SEED_DEMO: '0' });
  const clock = new ManualClock(`${meta.today}T00:00:00.000Z`);
  const { sqlite, deps } = createNodeDeps(config, clock);
  applyMigrations(sqlite);
  return { sqlite, deps };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

export interface Timing {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarize(samples: readonly number[]): Timing {
  const s = [...samples].sort((a, b) => a - b);
  return {
    n: s.length,
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    max: s[s.length - 1] ?? NaN,
    mean: s.reduce((a, b) => a + b, 0) / (s.length || 1),
  };
}

/** Runs `fn` `warmup` times unmeasured, then `rounds` times measured (ms each). */
export async function timeIt(
  fn: (i: number) => unknown,
  rounds: number,
  warmup = 3,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const out: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
  }
  return out;
}

export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
