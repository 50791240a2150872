import { expect, it } from 'vitest';
import { DEMO_LOGINS, seedDemoCenter } from '../../db/seed/demo.js';
import { createApp } from '../../src/app.js';
import type { Clock } from '../../src/lib/clock.js';
import {
  createSessionFor,
  ORIGIN,
  setupTestApp,
  TestClient,
  type TestContext,
} from '../helpers/test-app.js';

// QUALITY.md "Security and reliability" 11: every GET route the app registers (read from
// app.routes, so new routes are covered without editing this file), as anonymous, a parent and
// staff, with real ids from the demo center, plus the error responses: CSP with frame-ancestors,
// HSTS, nosniff and Referrer-Policy on every response; no-store on every signed-in one.

/** The table holding the ids for a path parameter, by the path segment before it. */
const TABLE_BY_SEGMENT: Record<string, string> = {
  members: 'member',
  helpers: 'member',
  statements: 'member',
  children: 'child',
  orientations: 'orientation',
  'training-sessions': 'training_session',
  sessions: 'training_session',
  requests: 'care_request',
  activities: 'activity',
  incidents: 'incident',
  events: 'event',
  announcements: 'announcement',
  newsletters: 'newsletter',
  directory: 'local_group',
};
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

/** Fills `:param{pattern}` placeholders; unknown or empty tables give an id that is not found. */
async function concretePath(ctx: TestContext, path: string, memberId: string): Promise<string> {
  const segments = path.split('/');
  const out: string[] = [];
  for (const [i, segment] of segments.entries()) {
    if (!segment.startsWith(':')) {
      out.push(segment);
      continue;
    }
    const name = segment.slice(1).split('{')[0]!;
    if (name === 'month') {
      out.push('2026-11');
      continue;
    }
    const table = TABLE_BY_SEGMENT[segments[i - 1] ?? ''];
    let id = NO_SUCH_ID;
    // Member routes use the demo parent's own record, so the parent and staff both see it.
    if (table === 'member') id = memberId;
    else if (table) {
      const row = (await ctx.deps.db
        .selectFrom(table as 'member')
        .select('id')
        .orderBy('id')
        .executeTakeFirst()) as { id: string } | undefined;
      id = row?.id ?? NO_SUCH_ID;
    }
    out.push(segment.includes('.ics') || name === 'file' ? `${id}.ics` : id);
  }
  return out.join('/');
}

interface Checked {
  what: string;
  res: Response;
  signedIn: boolean;
}

function missingHeaders({ res, signedIn }: Checked): string[] {
  const missing: string[] = [];
  const csp = res.headers.get('content-security-policy') ?? '';
  if (!/frame-ancestors 'none'/.test(csp) || !/default-src 'self'/.test(csp))
    missing.push('content-security-policy');
  const hsts = /max-age=(\d+)/.exec(res.headers.get('strict-transport-security') ?? '');
  if (!hsts || Number(hsts[1]) < 31_536_000) missing.push('strict-transport-security');
  if (res.headers.get('x-content-type-options') !== 'nosniff')
    missing.push('x-content-type-options');
  if (!res.headers.get('referrer-policy')) missing.push('referrer-policy');
  if (signedIn && !/\bno-store\b/.test(res.headers.get('cache-control') ?? ''))
    missing.push('cache-control: no-store');
  return missing;
}

it('sends the security headers on every route and every error', { timeout: 300_000 }, async () => {
  const ctx = await setupTestApp();
  await seedDemoCenter(ctx.deps);
  const userByEmail = async (email: string) =>
    ctx.deps.db
      .selectFrom('user')
      .select(['id', 'role'])
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
  const roles = [
    { name: 'anonymous', client: new TestClient(ctx) },
    {
      name: 'parent',
      client: await TestClient.signedInAs(ctx, await userByEmail(DEMO_LOGINS.parent)),
    },
    {
      name: 'staff',
      client: await TestClient.signedInAs(ctx, await userByEmail(DEMO_LOGINS.staff)),
    },
  ];

  const parentMember = await ctx.deps.db
    .selectFrom('member')
    .select('id')
    .where('user_id', '=', (await userByEmail(DEMO_LOGINS.parent)).id)
    .executeTakeFirstOrThrow();

  const paths = [
    ...new Set(ctx.app.routes.filter((r) => r.method === 'GET').map((r) => r.path)),
  ].filter((p) => !p.includes('*'));
  expect(paths.length).toBeGreaterThan(50);

  const checked: Checked[] = [];
  for (const path of paths) {
    const concrete = await concretePath(ctx, path, parentMember.id);
    for (const { name, client } of roles) {
      const res = await client.get(concrete);
      checked.push({ what: `${name} GET ${concrete}`, res, signedIn: name !== 'anonymous' });
      await res.arrayBuffer(); // drain, so no body stream is left open
    }
  }
  const byClass = new Map<string, number>();
  for (const { res } of checked) {
    const cls = `${String(res.status)[0]}xx`;
    byClass.set(cls, (byClass.get(cls) ?? 0) + 1);
  }
  const serverErrors = checked.filter((c) => c.res.status >= 500).map((c) => c.what);

  // Errors: not found (page and API), unsupported media type, too large, cross-site form, 500.
  const staff = roles[2]!.client;
  const errors: [string, () => Promise<Response>][] = [
    ['404 page', () => staff.get('/no-such-page')],
    ['404 API', () => staff.get('/api/v1/no-such-thing')],
    ['415 API', () => staff.request('/api/v1/directory', { method: 'POST', body: 'x' })],
    ['413 API', () => staff.json('POST', '/api/v1/directory', { name: 'x'.repeat(1_100_000) })],
    [
      '403 cross-site form',
      () => staff.form('/directory', { name: 'x' }, { origin: 'https://evil.example' }),
    ],
  ];
  for (const [what, send] of errors) {
    const res = await send();
    expect(res.status, what).toBe(Number(what.slice(0, 3)));
    checked.push({ what, res, signedIn: true });
  }
  // A 500: the same app over a clock that fails, for a signed-in request (session lookup).
  const broken: Clock = {
    now: () => {
      throw new Error('clock failure (deliberate)');
    },
  };
  const brokenApp = createApp({ ...ctx.deps, clock: broken });
  const token = await createSessionFor(ctx.deps, await userByEmail(DEMO_LOGINS.staff));
  for (const path of ['/', '/api/v1/me']) {
    const res = await brokenApp.request(`${ORIGIN}${path}`, {
      headers: { cookie: `tsunagu_session=${token}` },
    });
    expect(res.status, `500 ${path}`).toBe(500);
    expect(await res.text()).not.toContain('clock failure');
    checked.push({ what: `500 ${path}`, res, signedIn: true });
  }

  const problems = checked.flatMap((c) => missingHeaders(c).map((h) => `${c.what}: ${h}`));
  const classes = [...byClass].map(([k, n]) => `${n}×${k}`).join(', ');
  console.log(
    `${ctx.runtime}: security headers: ${checked.length} responses checked, ${problems.length} missing ` +
      `(${paths.length} GET routes × ${roles.length} roles: ${classes}; ` +
      `${errors.length + 2} error responses incl. 500)`,
  );
  expect(problems).toEqual([]);
  expect(serverErrors).toEqual([]);
});
