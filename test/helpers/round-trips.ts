/**
 * The round-trip table of issue #23: the demo center on the Workers code path over the metered
 * D1 stand-in (test/helpers/d1-meter.ts), and the requests whose chains of D1 calls we budget.
 * Used by test/node/round-trips.test.ts (budgets) and bench/round-trips.ts (`npm run bench`).
 * Node-only and free of the vitest runtime alias, so the bench can import it.
 */
import Database from 'better-sqlite3';
import { Kysely } from 'kysely';
import { createApp } from '../../src/app.js';
import { createSessionAdapter } from '../../src/auth/adapter.js';
import { createScryptHasher } from '../../src/auth/password.node.js';
import { parseConfig } from '../../src/config.js';
import type { AppDeps } from '../../src/context.js';
import { runScheduledJobs } from '../../src/jobs/index.js';
import { createD1Atomic } from '../../src/lib/atomic.d1.js';
import { createD1BatchRead } from '../../src/lib/batch-read.js';
import { ManualClock } from '../../src/lib/clock.js';
import { D1Dialect } from '../../src/lib/d1-dialect.js';
import { newId, randomToken } from '../../src/lib/ids.js';
import { MemoryMailer } from '../../src/lib/mailer.js';
import { findCandidates } from '../../src/modules/matching/candidates.js';
import { defaultRange, loadPlannerInstance } from '../../src/modules/planner/planner.service.js';
import { planWeek } from '../../src/modules/planner/planner.js';
import { findRequestById } from '../../src/modules/requests/requests.queries.js';
import { applyMigrations } from '../../db/migrate.js';
import { DEMO_LOGINS, seedDemoCenter } from '../../db/seed/demo.js';
import type { Database as Schema } from '../../db/schema.js';
import { asD1, MeteredD1, type RoundTrips } from './d1-meter.js';

const ORIGIN = 'http://localhost';
/** 10:00 JST on a Saturday: the planner's default range is the coming week. */
const NOW = '2026-11-21T01:00:00.000Z';

type Login = keyof typeof DEMO_LOGINS;

export interface MeteredCenter {
  deps: AppDeps;
  d1: MeteredD1;
  app: ReturnType<typeof createApp>;
  cookies: Record<Login, string>;
}

/** The demo center (db/seed) on a fresh in-memory database, served through the D1 path. */
export async function openMeteredCenter(): Promise<MeteredCenter> {
  const sqlite = new Database(':memory:');
  sqlite.pragma('foreign_keys = ON');
  applyMigrations(sqlite);
  const d1 = new MeteredD1(sqlite);
  const deps: AppDeps = {
    db: new Kysely<Schema>({ dialect: new D1Dialect(asD1(d1)) }),
    atomic: createD1Atomic(asD1(d1)),
    batchRead: createD1BatchRead(asD1(d1)),
    clock: new ManualClock(NOW),
    config: parseConfig({ NODE_ENV: 'test' }),
    mailer: new MemoryMailer(),
    // Hashing is no round trip; cheap parameters keep the demo seed fast.
    passwordHasher: createScryptHasher({ N: 2 ** 10, r: 8, p: 1 }),
    peerAddress: () => '192.0.2.1',
  };
  await seedDemoCenter(deps);
  const sessions = createSessionAdapter(deps.db, deps.clock, deps.config);
  const cookies = {} as Record<Login, string>;
  for (const login of Object.keys(DEMO_LOGINS) as Login[]) {
    const user = await deps.db
      .selectFrom('user')
      .select(['id', 'role'])
      .where('email', '=', DEMO_LOGINS[login])
      .executeTakeFirstOrThrow();
    const token = randomToken(20);
    await sessions.setSession({
      id: token,
      userId: user.id,
      expiresAt: new Date(deps.clock.now().getTime() + 30 * 86_400_000),
      attributes: { role: user.role },
    });
    cookies[login] = `tsunagu_session=${token}`;
  }
  return { deps, d1, app: createApp(deps), cookies };
}

async function send(
  center: MeteredCenter,
  cookie: string,
  path: string,
  form?: [string, string][],
): Promise<Response> {
  const headers: Record<string, string> = { cookie };
  if (form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    headers.origin = ORIGIN;
  }
  const res = await center.app.request(`${ORIGIN}${path}`, {
    method: form ? 'POST' : 'GET',
    headers,
    body: form ? new URLSearchParams(form).toString() : undefined,
  });
  await res.arrayBuffer();
  if (res.status >= 400) throw new Error(`${form ? 'POST' : 'GET'} ${path}: ${res.status}`);
  return res;
}

/** The links of the signed-in menu (the layout's site nav), in order. */
async function menuOf(center: MeteredCenter, login: Login): Promise<string[]> {
  const res = await center.app.request(`${ORIGIN}/`, {
    headers: { cookie: center.cookies[login] },
  });
  const html = await res.text();
  const nav = /<nav class="site-nav"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
  return [...nav.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
}

const demoRequester = (deps: AppDeps) =>
  deps.db
    .selectFrom('member')
    .innerJoin('user', 'user.id', 'member.user_id')
    .innerJoin('child', 'child.member_id', 'member.id')
    .select(['member.id as memberId', 'child.id as childId'])
    .where('user.email', '=', DEMO_LOGINS.parent)
    .executeTakeFirstOrThrow();

/** Open requests of the demo parent, created as staff through the API (not metered). */
async function openRequests(center: MeteredCenter, starts: string[]): Promise<string[]> {
  const { memberId, childId } = await demoRequester(center.deps);
  const ids: string[] = [];
  for (const startsAt of starts) {
    const res = await center.app.request(`${ORIGIN}/api/v1/requests`, {
      method: 'POST',
      headers: { cookie: center.cookies.staff, 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify({
        requesterId: memberId,
        childIds: [childId],
        category: 8,
        startsAt,
        endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString(),
      }),
    });
    if (res.status !== 201) throw new Error(`request at ${startsAt}: ${await res.text()}`);
    ids.push(((await res.json()) as { request: { id: string } }).request.id);
  }
  return ids;
}

/** Hourly slots from 09:00 JST on the coming Monday, a day after another. */
function comingSlots(count: number, firstHour = 9): string[] {
  return Array.from({ length: count }, (_, i) => {
    const day = 23 + (i % 7);
    const hour = firstHour + Math.floor(i / 7);
    return `2026-11-${day}T${String(hour).padStart(2, '0')}:00:00+09:00`;
  });
}

async function rankedHelpers(deps: AppDeps, requestId: string): Promise<string[]> {
  const request = await findRequestById(deps.db, requestId);
  const { candidates } = await findCandidates(deps, request!);
  return candidates.map((c) => c.helperId);
}

async function userCookieOfMember(center: MeteredCenter, memberId: string): Promise<string> {
  const { user_id } = await center.deps.db
    .selectFrom('member')
    .select('user_id')
    .where('id', '=', memberId)
    .executeTakeFirstOrThrow();
  const token = randomToken(20);
  await createSessionAdapter(center.deps.db, center.deps.clock, center.deps.config).setSession({
    id: token,
    userId: user_id,
    expiresAt: new Date(center.deps.clock.now().getTime() + 86_400_000),
    attributes: { role: 'member' },
  });
  return `tsunagu_session=${token}`;
}

export interface Measured extends RoundTrips {
  request: string;
  /** The row's budget key (see BUDGETS in test/node/round-trips.test.ts), if budgeted. */
  budget?: BudgetKey;
}

export type BudgetKey =
  'page' | 'offers' | 'accept' | 'plannerSend' | 'plannerSend50' | 'monthlyReport' | 'cron';

/** Measures every request of the table, in order. Each row runs once on a shared center. */
export async function measureRoundTrips(): Promise<Measured[]> {
  const center = await openMeteredCenter();
  const { d1, deps } = center;
  const rows: Measured[] = [];
  const meter = async (
    request: string,
    budget: BudgetKey | undefined,
    work: () => Promise<unknown>,
  ) => rows.push({ request, budget, ...(await d1.measure(work)) });

  // Every page of every role's menu (GET, as the browser loads it).
  const seen = new Set<string>();
  for (const login of ['staff', 'admin', 'parent', 'helper'] as const) {
    const role = login === 'parent' ? 'requester' : login;
    for (const href of await menuOf(center, login)) {
      const key = `${role} ${href}`;
      if (seen.has(key)) continue;
      seen.add(key);
      await meter(`GET ${href} (${role})`, 'page', () => send(center, center.cookies[login], href));
    }
  }

  // POST offers: one helper, then two (the cost per extra helper).
  const [one, two] = await openRequests(center, comingSlots(2, 8));
  for (const [requestId, n] of [
    [one!, 1],
    [two!, 2],
  ] as const) {
    const helpers = (await rankedHelpers(deps, requestId)).slice(0, n);
    if (helpers.length < n) throw new Error(`only ${helpers.length} ranked helpers`);
    await meter(`POST offers (${n} helper${n > 1 ? 's' : ''})`, 'offers', () =>
      send(center, center.cookies.staff, `/coordination/requests/${requestId}/offers`, [
        ...helpers.map((h): [string, string] => ['helperIds', h]),
      ]),
    );
  }

  // POST accept: the first helper accepts the offer of the one-helper request.
  const offer = await deps.db
    .selectFrom('offer')
    .select(['id', 'helper_member_id'])
    .where('request_id', '=', one!)
    .executeTakeFirstOrThrow();
  const helperCookie = await userCookieOfMember(center, offer.helper_member_id);
  await meter('POST accept an offer', 'accept', () =>
    send(center, helperCookie, `/offers/${offer.id}/accept`, []),
  );

  // Planner "send all": the planner's own proposal for the coming week, as the page posts it.
  for (const [count, budget] of [
    [5, 'plannerSend'],
    [50, 'plannerSend50'],
  ] as const) {
    // The previous round is withdrawn, so its requests and offers take nobody's time.
    await deps.db
      .updateTable('offer')
      .set({ status: 'withdrawn' })
      .where('status', '=', 'offered')
      .execute();
    await deps.db
      .updateTable('care_request')
      .set({ status: 'cancelled', cancelled_at: NOW })
      .where('status', 'in', ['open', 'offered'])
      .execute();
    await openRequests(center, comingSlots(count));
    const range = defaultRange(deps.clock.now());
    const instance = await loadPlannerInstance(deps, range);
    const { assignments } = planWeek(instance.input);
    const form: [string, string][] = [
      ['from', range.from],
      ['to', range.to],
      ...assignments.map((a): [string, string] => [`assign.${a.requestId}`, a.helperId]),
    ];
    await meter(`POST planner send (${assignments.length} offers)`, budget, () =>
      send(center, center.cookies.staff, '/staff/planner/send', form),
    );
  }

  await meter('GET /staff/reports/monthly', 'monthlyReport', () =>
    send(center, center.cookies.staff, '/staff/reports/monthly'),
  );

  // A cron beat with 100 mails due in the outbox.
  await deps.db.deleteFrom('outbox').execute();
  await deps.db
    .insertInto('outbox')
    .values(
      Array.from({ length: 100 }, (_, i) => ({
        id: newId(),
        notification_id: null,
        to_email: `member${i}@example.jp`,
        subject: 'お知らせ',
        body: '本文',
        locale: 'ja' as const,
        created_at: NOW,
        sent_at: null,
        next_attempt_at: NOW, // due now
      })),
    )
    .execute();
  await meter('cron run (100 mails)', 'cron', () => runScheduledJobs(deps));
  return rows;
}

export function formatRoundTrips(rows: readonly Measured[]): string {
  const width = Math.max(...rows.map((r) => r.request.length), 7);
  const lines = [`${'request'.padEnd(width)}  sequential  total  statements`];
  for (const r of rows)
    lines.push(
      `${r.request.padEnd(width)}  ${String(r.sequential).padStart(10)}  ${String(r.total).padStart(5)}  ${String(r.statements).padStart(10)}`,
    );
  return lines.join('\n');
}
