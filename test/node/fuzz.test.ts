import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bodyText,
  formBodies,
  jsonBodies,
  requestInit,
  type FuzzBody,
} from '../helpers/fuzz-bodies.js';
import { DbChecksum, setupFuzzApp } from '../helpers/fuzz-db.js';
import { WRITE_ROUTES, writeRoutesOf } from '../helpers/fuzz-routes.js';
import { Actors, buildWorld, WORLD_NOW, type World } from '../helpers/fuzz-world.js';
import { createUser, ORIGIN } from '../helpers/test-app.js';

// QUALITY.md "Security and reliability" item 12: fast-check bodies on every write route, sent
// by an actor allowed to use it, against a copy of one realistic world per route. Holds: no
// response >= 500, no stack trace or internals in any body, and a rejected request (4xx) leaves
// the database exactly as it was (a SHA-256 over all rows; fuzz-db.ts names the two tables and
// the three audit actions a rejection may legitimately write, and why).
// FUZZ_RUNS (default 200, so `npm test` stays quick; 1000 for the full campaign), FUZZ_SEED
// (default fixed, so CI is repeatable), FUZZ_SHARD=i/n (parallel campaigns) and FUZZ_ONLY can be set.

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
/** A regular expression to fuzz only some routes while debugging. */
const ONLY = process.env.FUZZ_ONLY ? new RegExp(process.env.FUZZ_ONLY) : undefined;
/** `i/n`: this process fuzzes every n-th route from the i-th (0-based), for parallel campaigns. */
const [SHARD, SHARDS] = (process.env.FUZZ_SHARD ?? '0/1').split('/').map(Number) as [
  number,
  number,
];

/** Traces and internals that must never reach a client. */
const LEAKS: RegExp[] = [
  /\n\s+at [^\n]*\(?[^\n]*:\d+:\d+\)?/, // a stack frame
  /\bat (?:async )?[\w$.<>[\] ]+ \((?:file:|node:|\/)/, // "at fn (/path" on one line
  /(?:file:\/\/|\/)(?:[\w.@-]+\/)+[\w.@-]+\.(?:ts|tsx|js|mjs|cjs)(?::\d+)?/, // a source path
  /node_modules/,
  /\b(?:Type|Reference|Range|Syntax|Sqlite|Zod|Eval|URI|Aggregate)Error\b/,
  /SQLITE_[A-Z_]+/,
  /\bError: /,
];

function leakIn(text: string, sent: string): string | undefined {
  for (const pattern of LEAKS) {
    const m = pattern.exec(text);
    // A page may show back what was typed into it: only what we did not send is a leak.
    if (m && !sent.includes(m[0].trim()) && !sent.includes(m[0].trim().replace(/\n\s*/g, '')))
      return m[0];
  }
  return undefined;
}

/** A stable per-route seed, so one route's runs do not depend on the order of the others. */
function seedFor(key: string) {
  let h = SEED;
  for (const ch of key) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

function worldIds(w: World): string[] {
  const ids = new Set<string>();
  const visit = (v: unknown) => {
    if (typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-/.test(v)) ids.add(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  visit(w);
  return [...ids];
}

interface Finding {
  route: string;
  status: number;
  problem: string;
  body: string;
}

describe('fuzzing every write route', () => {
  it('the checks can fail: a trace is seen, and any row change outside the exclusions too', async () => {
    expect(leakIn(`<pre>${new Error('boom').stack}</pre>`, '')).toBeDefined();
    expect(
      leakIn('{"error":{"code":"x","message":"SqliteError: no such table"}}', ''),
    ).toBeDefined();
    expect(leakIn('<p>Error: at home (my notes)</p>', 'Error: at home (my notes)')).toBeUndefined();
    const ctx = setupFuzzApp();
    const checksum = new DbChecksum(ctx.sqlite);
    const empty = checksum.current();
    await createUser(ctx.deps, { role: 'staff' });
    const withUser = checksum.current();
    expect(withUser).not.toBe(empty);
    await ctx.deps.db
      .insertInto('login_attempt')
      .values({
        id: 'x',
        email: 'a@example.jp',
        client_address: '192.0.2.1',
        succeeded: 0,
        attempted_at: WORLD_NOW,
      })
      .execute();
    expect(checksum.current()).toBe(withUser);
    ctx.sqlite.close();
  });

  it(
    `sends ~${RUNS} generated bodies to each write route: 0 ≥500, 0 traces, 0 rejected writes`,
    async () => {
      const started = performance.now();
      const seed = setupFuzzApp();
      const world = await buildWorld(seed);
      const image = seed.sqlite.serialize();
      const ids = worldIds(world);

      const registered = writeRoutesOf(seed.app);
      const unmapped = registered.filter((k) => !WRITE_ROUTES[k]);
      const stale = Object.keys(WRITE_ROUTES).filter((k) => !registered.includes(k));

      const findings: Finding[] = [];
      const statuses = new Map<number, number>();
      let requests = 0;
      let rejected = 0;
      let fullHashes = 0;
      const timings: [string, number][] = [];
      const cpu = process.cpuUsage();
      const selected = registered
        .filter((k) => WRITE_ROUTES[k] && (!ONLY || ONLY.test(k)))
        .filter((_, i) => i % SHARDS === SHARD);
      for (const key of selected) {
        const spec = WRITE_ROUTES[key]!;
        const method = key.split(' ')[0]!;
        const ctx = setupFuzzApp(WORLD_NOW, image);
        const actors = new Actors(ctx, world);
        const checksum = new DbChecksum(ctx.sqlite);
        const auditMax = ctx.sqlite.prepare('SELECT max(rowid) FROM audit_log').pluck();
        const path = spec.path(world);
        const arb: fc.Arbitrary<FuzzBody> =
          spec.kind === 'json'
            ? jsonBodies(spec.body(world), ids)
            : formBodies(spec.body(world), ids);
        const bodies = fc.sample(arb, { numRuns: RUNS, seed: seedFor(key) });
        let routeFindings = 0;
        const routeStarted = performance.now();
        for (const body of bodies) {
          const client = await actors.get(spec.actor);
          const before = checksum.current();
          const auditMark = auditMax.get() ?? 0;
          const res = await client.request(path, requestInit(method, body, ORIGIN));
          const text = await res.text();
          requests += 1;
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          const sent = bodyText(body);
          const problems: string[] = [];
          if (res.status >= 500) problems.push('status ≥ 500');
          const leak = leakIn(text, sent);
          if (leak) problems.push(`leak: ${leak.slice(0, 120)}`);
          if (res.status >= 400 && res.status < 500) {
            rejected += 1;
            if (checksum.current() !== before) {
              const audits = ctx.sqlite
                .prepare('SELECT action FROM audit_log WHERE rowid > ? ORDER BY rowid')
                .pluck()
                .all(auditMark);
              problems.push(
                `rejected request changed the database (${checksum.changedTables().join(', ')}${audits.length ? `: ${audits.join(', ')}` : ''})`,
              );
            }
          }
          // Every finding counts; the first three of a route are shown with their body.
          if (problems.length)
            findings.push({
              route: key,
              status: res.status,
              problem: problems.join('; '),
              body: routeFindings++ < 3 ? sent.slice(0, 300) : '(not shown)',
            });
          // The route ended the actor's session (logout, password change, withdrawal): sign in
          // again so the remaining bodies still reach the handler.
          const location = res.headers.get('location') ?? '';
          if (res.status === 401 || location.startsWith('/login')) actors.reset(spec.actor);
        }
        fullHashes += checksum.fullHashes;
        timings.push([key, performance.now() - routeStarted]);
        if (process.env.FUZZ_VERBOSE)
          console.log(`fuzz: ${key}: ${bodies.length} bodies, ${routeFindings} findings`);
        ctx.sqlite.close();
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const used = process.cpuUsage(cpu);
      const cpuSeconds = ((used.user + used.system) / 1e6).toFixed(1);
      const count = (p: string) => findings.filter((f) => f.problem.includes(p)).length;
      console.log(
        `fuzz: ${selected.length} write routes × ${RUNS} bodies (${requests} requests, ${rejected} rejected, seed ${SEED}, ${seconds} s, ${cpuSeconds} s CPU), ` +
          `${count('≥ 500')} ≥500, ${count('leak')} stack traces, ${count('changed the database')} rejected writes changed the database`,
      );
      console.log(
        `fuzz: statuses ${[...statuses]
          .sort(([a], [b]) => a - b)
          .map(([s, n]) => `${s}×${n}`)
          .join(' ')}; full checksums ${fullHashes}`,
      );
      if (process.env.FUZZ_VERBOSE)
        console.log(
          timings
            .sort((a, b) => b[1] - a[1])
            .slice(0, 25)
            .map(([k, ms]) => `${ms.toFixed(0)} ms ${k}`)
            .join('\n'),
        );
      if (findings.length)
        console.log(
          findings
            .filter((f) => f.body !== '(not shown)')
            .map((f) => JSON.stringify(f))
            .join('\n'),
        );
      expect({
        atLeast500: count('≥ 500'),
        stackTraces: count('leak'),
        rejectedWritesThatChangedTheDatabase: count('changed the database'),
      }).toEqual({ atLeast500: 0, stackTraces: 0, rejectedWritesThatChangedTheDatabase: 0 });
      // Every write route is fuzzed: a new one needs its entry in test/helpers/fuzz-routes.ts.
      expect({ unmapped, stale }).toEqual({ unmapped: [], stale: [] });
    },
    600_000 + RUNS * 3_000,
  );
});
