import type { AppDeps } from '../context.js';
import { deliverOutbox } from '../modules/notifications/outbox.service.js';

/**
 * A job run by the scheduler: every 10 minutes on both runtimes (a timer in src/server.ts, a Cron
 * Trigger for src/worker.ts), both from the one list in src/jobs/index.ts. Jobs MUST be idempotent: a "daily" job runs many times a day and
 * may run twice at once, so it acts only on what is due at `now` and guards its effects (e.g.
 * `notify` with a `dedupeKey` per subject and date, conditional UPDATEs).
 */
export type ScheduledJob = (deps: AppDeps, now: Date) => Promise<unknown>;

/** A named job; src/jobs/index.ts lists every job the scheduler runs. */
export type NamedJob = readonly [name: string, job: ScheduledJob];

export interface JobOutcome {
  name: string;
  ok: boolean;
  error?: string;
}

async function runIsolated(name: string, run: () => Promise<unknown>): Promise<JobOutcome> {
  const started = Date.now();
  try {
    const result = await run();
    const detail = result && typeof result === 'object' ? ` ${JSON.stringify(result)}` : '';
    console.info(`[jobs] ${name} ok in ${Date.now() - started} ms${detail}`);
    return { name, ok: true };
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    console.error(`[jobs] ${name} failed after ${Date.now() - started} ms:`, err);
    return { name, ok: false, error };
  }
}

/**
 * Runs the jobs side by side (they act on different things, and on D1 each query is a round
 * trip: one after another, their chains would add up), then delivers the outbox (so mail the
 * jobs queued goes out in the same run). Each runs on its own: one failing job is logged and the
 * others still run. Outcomes in the order of the list.
 */
export async function runJobs(deps: AppDeps, jobs: readonly NamedJob[]): Promise<JobOutcome[]> {
  const now = deps.clock.now();
  const outcomes = await Promise.all(
    jobs.map(([name, job]) => runIsolated(name, () => job(deps, now))),
  );
  outcomes.push(await runIsolated('outbox', () => deliverOutbox(deps, { limit: 100 })));
  return outcomes;
}
