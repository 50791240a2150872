import { Kysely } from 'kysely';
import { createApp } from './app.js';
import { pbkdf2Hasher } from './auth/password.js';
import { parseConfig } from './config.js';
import type { AppDeps } from './context.js';
import { runScheduledJobs } from './jobs/index.js';
import { createD1Atomic } from './lib/atomic.d1.js';
import { createD1BatchRead } from './lib/batch-read.js';
import { r2FileStore } from './lib/file-store.js';
import { systemClock } from './lib/clock.js';
import { D1Dialect } from './lib/d1-dialect.js';
import { meteredD1, type D1QueryCount } from './lib/d1-query-meter.js';
import { createHttpMailer } from './lib/http-mailer.js';
import { consoleMailer } from './lib/mailer.js';
import type { Database } from '../db/schema.js';

export interface Env {
  DB: D1Database;
  /** Uploaded files (incident attachments): wrangler.toml `[[r2_buckets]]`. */
  FILES?: R2Bucket;
  [key: string]: unknown;
}

/** Plain string bindings (vars and secrets) become the config input; bindings stay out. */
function stringBindings(env: Env): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => typeof v === 'string')) as Record<
    string,
    string
  >;
}

export function createWorkerDeps(env: Env): AppDeps {
  const config = parseConfig({ NODE_ENV: 'production', ...stringBindings(env) });
  return {
    db: new Kysely<Database>({ dialect: new D1Dialect(env.DB) }),
    atomic: createD1Atomic(env.DB),
    batchRead: createD1BatchRead(env.DB),
    clock: systemClock,
    ...(env.FILES ? { files: r2FileStore(env.FILES) } : {}),
    config,
    mailer: config.MAIL_API_KEY
      ? createHttpMailer({
          url: config.MAIL_API_URL,
          apiKey: config.MAIL_API_KEY,
          from: config.MAIL_FROM,
        })
      : consoleMailer,
    passwordHasher: pbkdf2Hasher,
    // Cloudflare sets this header itself; a client cannot spoof it through the edge.
    peerAddress: (c) => c.req.header('cf-connecting-ip'),
  };
}

let cached: { env: Env; app: ReturnType<typeof createApp>; count: D1QueryCount | null } | undefined;

/** The app for these bindings; with `D1_QUERY_METER=1` (dev checks) over a counting D1. */
function appFor(env: Env) {
  if (cached?.env === env) return cached;
  const count = env.D1_QUERY_METER === '1' ? { statements: 0, calls: 0 } : null;
  const deps = createWorkerDeps(count ? { ...env, DB: meteredD1(env.DB, count) } : env);
  cached = { env, app: createApp(deps), count };
  return cached;
}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext) {
    const { app, count } = appFor(env);
    if (!count) return app.fetch(request, env, ctx);
    // src/lib/d1-query-meter.ts: the D1 queries of this request, as a response header.
    const before = { ...count };
    const response = await app.fetch(request, env, ctx);
    const metered = new Response(response.body, response);
    metered.headers.set(
      'x-d1-queries',
      `${count.statements - before.statements}; ${count.calls - before.calls}`,
    );
    return metered;
  },
  // The Cron Trigger of wrangler.toml (every 10 minutes): outbox delivery and the registered jobs.
  // Mail goes through the HTTP mail API when MAIL_API_KEY is set (a secret), else to the log.
  scheduled(_controller: ScheduledController, env: Env, ctx: ExecutionContext) {
    ctx.waitUntil(runScheduledJobs(createWorkerDeps(env)));
  },
} satisfies ExportedHandler<Env>;
