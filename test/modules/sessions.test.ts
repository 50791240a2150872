import { sql } from 'kysely';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE } from '../../src/lib/clock.js';
import { sha256Hex } from '../../src/lib/ids.js';
import { createMember } from '../helpers/factories.js';
import {
  createUser,
  ORIGIN,
  setupTestApp,
  TestClient,
  TEST_PASSWORD,
  type TestContext,
} from '../helpers/test-app.js';

// QUALITY.md "Security and reliability" 8–10, the cases test/modules/auth.test.ts and
// members.test.ts do not already cover, each group printing its figure. Ends a session:
// the cookie replayed afterwards gets 401 from the API and no page as that user.

let ctx: TestContext;
beforeEach(async () => {
  ctx = await setupTestApp();
});

const COOKIE = 'tsunagu_session';
const figures: string[] = [];
afterAll(() => {
  for (const line of figures) console.log(`${ctx.runtime}: ${line}`);
});

const apiLogin = (client: TestClient, email: string, password: string, headers = {}) =>
  client.json('POST', '/api/v1/auth/login', { email, password }, headers);
const pageLogin = (client: TestClient, email: string, password: string, headers = {}) =>
  client.form('/login', { email, password, next: '' }, headers);

/** Who a raw cookie value signs in as, if anyone (no cookie jar: a replay). */
async function whoIs(token: string): Promise<string | null> {
  const res = await ctx.app.request(`${ORIGIN}/api/v1/me`, {
    headers: { cookie: `${COOKIE}=${token}` },
  });
  if (res.status === 401) return null;
  expect(res.status).toBe(200);
  return ((await res.json()) as { user: { id: string } }).user.id;
}

/** A cookie is dead when neither the API nor a page accepts it. */
async function isDead(token: string): Promise<boolean> {
  const page = await ctx.app.request(`${ORIGIN}/account/password`, {
    headers: { cookie: `${COOKIE}=${token}` },
  });
  return (await whoIs(token)) === null && page.status !== 200;
}

async function countSessions(userId: string): Promise<number> {
  const rows = await ctx.deps.db
    .selectFrom('session')
    .select('id')
    .where('user_id', '=', userId)
    .execute();
  return rows.length;
}

/** A checksum of every table's rows: a request that changes nothing leaves it equal. */
async function databaseChecksum(): Promise<string> {
  const tables = await sql<{ name: string }>`
    SELECT name FROM sqlite_master
    WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'
      AND name NOT LIKE 'd1_%' ORDER BY name`.execute(ctx.deps.db);
  const parts: string[] = [];
  for (const { name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(name)}`.execute(
      ctx.deps.db,
    );
    parts.push(name, ...rows.rows.map((r) => JSON.stringify(r)).sort());
  }
  return sha256Hex(parts.join('\n'));
}

describe('a new session at every sign-in (no fixation)', () => {
  it(
    'never adopts a cookie the browser brought, on the API and on the login page',
    { timeout: 60_000 },
    async () => {
      const victim = await createUser(ctx.deps, { role: 'staff' });
      const attacker = await createUser(ctx.deps);
      const attackerClient = new TestClient(ctx);
      await apiLogin(attackerClient, attacker.email, attacker.password);
      const attackerToken = attackerClient.cookies.get(COOKIE)!;
      const seen = new Set<string>([attackerToken]);
      let checks = 0;
      // A value the attacker made up, and the attacker's own live session planted in the browser.
      for (const planted of ['planted-by-attacker-0123456789', attackerToken]) {
        for (const login of [apiLogin, pageLogin]) {
          const browser = new TestClient(ctx);
          browser.cookies.set(COOKIE, planted);
          const res = await login(browser, victim.email, victim.password);
          expect(res.status).toBeLessThan(400);
          const issued = browser.cookies.get(COOKIE)!;
          seen.add(issued);
          expect(issued).not.toBe(planted);
          expect(await whoIs(issued)).toBe(victim.id);
          // The planted value still signs in as nobody, or only as the attacker.
          expect(await whoIs(planted)).toBe(planted === attackerToken ? attacker.id : null);
          checks += 1;
        }
      }
      // Session ids are stored hashed: the database never holds a cookie value.
      const rows = await ctx.deps.db.selectFrom('session').select('id').execute();
      const hashes = new Set(await Promise.all([...seen].map((t) => sha256Hex(t))));
      expect(rows.length).toBe(seen.size);
      expect(rows.filter((r) => seen.has(r.id))).toEqual([]);
      expect(rows.every((r) => hashes.has(r.id))).toBe(true);
      figures.push(
        `session fixation: ${checks}/${checks} sign-ins issued a fresh cookie; ` +
          `${rows.length} sessions stored, 0 hold a cookie value`,
      );
    },
  );
});

describe('the old cookie dies', () => {
  it(
    'after logout, password change, suspension, withdrawal and disabling, for members and staff',
    { timeout: 60_000 },
    async () => {
      const staff = await createUser(ctx.deps, { role: 'staff' });
      const staffClient = await TestClient.signedInAs(ctx, staff);

      /** Signs `email` in twice (two devices) through the real login; returns both clients. */
      const twoDevices = async (email: string) => {
        const devices = [new TestClient(ctx), new TestClient(ctx)];
        for (const d of devices) expect((await apiLogin(d, email, TEST_PASSWORD)).status).toBe(200);
        return devices as [TestClient, TestClient];
      };
      const newPassword = 'a fresh passphrase for 2027';
      const changePasswordOnPage = (client: TestClient) =>
        client.form('/account/password', {
          currentPassword: TEST_PASSWORD,
          newPassword,
          confirmPassword: newPassword,
        });

      const events: {
        name: string;
        victim: () => Promise<{ id: string; email: string; memberId?: string }>;
        act: (
          devices: [TestClient, TestClient],
          victim: { id: string; memberId?: string },
        ) => Promise<Response | void>;
        /** The device that acted keeps (a new) session; the other device's cookie must die. */
        keepsActor?: boolean;
        /** Logout ends this device's session only; the other device stays signed in. */
        thisDeviceOnly?: boolean;
      }[] = [
        {
          name: 'member logout (page)',
          victim: async () => (await createMember(ctx.deps)).user,
          act: ([a]) => a.form('/logout', {}),
          thisDeviceOnly: true,
        },
        {
          name: 'member password change (page)',
          victim: async () => (await createMember(ctx.deps)).user,
          act: ([a]) => changePasswordOnPage(a),
          keepsActor: true,
        },
        {
          name: 'member suspension by staff',
          victim: async () => {
            const { user, member } = await createMember(ctx.deps);
            return { ...user, memberId: member.id };
          },
          act: (_, v) =>
            staffClient.json('POST', `/api/v1/members/${v.memberId}/suspend`, {
              side: 'requester',
              reason: '利用規約違反の確認中',
            }),
        },
        {
          name: 'member withdrawal by staff',
          victim: async () => {
            const { user, member } = await createMember(ctx.deps, { kind: 'both' });
            return { ...user, memberId: member.id };
          },
          act: (_, v) =>
            staffClient.json('POST', `/api/v1/members/${v.memberId}/withdraw`, { reason: '転居' }),
        },
        {
          name: 'staff logout (page)',
          victim: () => createUser(ctx.deps, { role: 'staff' }),
          act: ([a]) => a.form('/logout', {}),
          thisDeviceOnly: true,
        },
        {
          name: 'staff password change (page)',
          victim: () => createUser(ctx.deps, { role: 'admin' }),
          act: ([a]) => changePasswordOnPage(a),
          keepsActor: true,
        },
        {
          name: 'staff account disabled',
          victim: () => createUser(ctx.deps, { role: 'staff' }),
          act: async (_, v) => {
            // No page disables a staff login yet; the session layer must refuse it regardless.
            await ctx.deps.db
              .updateTable('user')
              .set({ disabled_at: ctx.clock.now().toISOString() })
              .where('id', '=', v.id)
              .execute();
          },
        },
      ];

      let dead = 0;
      for (const event of events) {
        const victim = await event.victim();
        const devices = await twoDevices(victim.email);
        const oldTokens = devices.map((d) => d.cookies.get(COOKIE)!);
        for (const t of oldTokens) expect(await whoIs(t)).toBe(victim.id);
        const res = await event.act(devices, victim);
        if (res) expect(res.status, event.name).toBeLessThan(400);
        if (event.thisDeviceOnly) {
          expect(await isDead(oldTokens[0]!), event.name).toBe(true);
          expect(await whoIs(oldTokens[1]!), event.name).toBe(victim.id);
          expect(await countSessions(victim.id)).toBe(1);
          dead += 1;
          continue;
        }
        for (const t of oldTokens) expect(await isDead(t), event.name).toBe(true);
        const remaining = await ctx.deps.db
          .selectFrom('session')
          .select('id')
          .where('user_id', '=', victim.id)
          .execute();
        if (event.keepsActor) {
          // The device that changed the password got a new cookie; it is the only session left.
          const renewed = devices[0].cookies.get(COOKIE)!;
          expect(oldTokens).not.toContain(renewed);
          expect(await whoIs(renewed)).toBe(victim.id);
          expect(remaining).toEqual([{ id: await sha256Hex(renewed) }]);
        } else {
          expect(remaining, event.name).toEqual([]);
        }
        dead += 1;
      }
      figures.push(
        `session end: old cookies dead after ${dead}/${events.length} events (2 devices each)`,
      );
    },
  );
});

describe('idle and absolute timeouts (ManualClock)', () => {
  it(
    'every role keeps its session until exactly its deadlines, and not a minute longer',
    { timeout: 60_000 },
    async () => {
      const limits = [
        { role: 'member', idle: 7 * DAY, absolute: 30 * DAY },
        { role: 'staff', idle: 30 * MINUTE, absolute: 12 * HOUR },
        { role: 'admin', idle: 30 * MINUTE, absolute: 12 * HOUR },
      ] as const;
      let deadlines = 0;
      for (const { role, idle, absolute } of limits) {
        ctx = await setupTestApp();
        const user = await createUser(ctx.deps, { role });
        // Idle: one session is used a minute before its idle deadline, the other never.
        const used = await TestClient.signedInAs(ctx, user);
        const untouched = await TestClient.signedInAs(ctx, user);
        ctx.clock.advance(idle - MINUTE);
        expect((await used.get('/api/v1/me')).status, `${role} idle`).toBe(200);
        ctx.clock.advance(MINUTE);
        expect((await untouched.get('/api/v1/me')).status, `${role} idle`).toBe(401);
        expect((await used.get('/api/v1/me')).status, `${role} touched`).toBe(200);
        deadlines += 1;

        // Absolute: activity every (idle − 1 min) does not carry a session past its lifetime.
        ctx = await setupTestApp();
        const again = await createUser(ctx.deps, { role });
        const active = await TestClient.signedInAs(ctx, again);
        const start = ctx.clock.now().getTime();
        const step = idle - MINUTE;
        while (ctx.clock.now().getTime() - start + step < absolute - MINUTE) {
          ctx.clock.advance(step);
          expect((await active.get('/api/v1/me')).status, `${role} active`).toBe(200);
        }
        ctx.clock.set(new Date(start + absolute - MINUTE));
        expect((await active.get('/account/password')).status, `${role} last minute`).toBe(200);
        ctx.clock.set(new Date(start + absolute));
        expect((await active.get('/api/v1/me')).status, `${role} absolute`).toBe(401);
        deadlines += 1;
      }
      figures.push(
        `session timeouts: ${deadlines}/${limits.length * 2} deadlines hold ` +
          `(${limits.map((l) => l.role).join(', ')} × idle, absolute; alive 1 minute before, dead at it)`,
      );
    },
  );
});

describe('login throttling ignores client-supplied forwarding headers', () => {
  it(
    'the 11th failed login gets 429 on the API and the login page, whatever the headers say',
    { timeout: 60_000 },
    async () => {
      const spoof = (i: number) => ({
        'x-forwarded-for': `203.0.113.${i}`,
        'x-real-ip': `198.51.100.${i}`,
        forwarded: `for=192.0.2.${i};proto=https`,
        'cf-connecting-ip': `2001:db8::${i}`,
        'true-client-ip': `233.252.0.${i}`,
      });
      let surfaces = 0;
      let attempts = 0;
      for (const [name, login, failed] of [
        ['api', apiLogin, 401],
        ['page', pageLogin, 422],
      ] as const) {
        const user = await createUser(ctx.deps);
        // One real peer per surface, so the two surfaces do not share an address budget.
        const client = new TestClient(ctx, { 'x-test-peer-address': `192.0.2.${100 + surfaces}` });
        for (let i = 0; i < 10; i++) {
          const res = await login(client, user.email, `wrong password ${i}`, spoof(i));
          expect(res.status, `${name} attempt ${i + 1}`).toBe(failed);
          attempts += 1;
        }
        // Even the right password is refused now, with yet another set of forwarding headers.
        const eleventh = await login(client, user.email, user.password, spoof(99));
        attempts += 1;
        expect(eleventh.status, name).toBe(429);
        expect(client.cookies.has(COOKIE)).toBe(false);
        surfaces += 1;
      }

      // Per address: ten different accounts from one peer, headers changing, block the peer.
      const victim = await createUser(ctx.deps);
      const peer = new TestClient(ctx, { 'x-test-peer-address': '192.0.2.200' });
      for (let i = 0; i < 10; i++) {
        await apiLogin(peer, `nobody${i}@example.jp`, 'wrong password here', spoof(i));
        attempts += 1;
      }
      expect((await apiLogin(peer, victim.email, victim.password, spoof(42))).status).toBe(429);
      figures.push(
        `throttling: 11th failed login → 429 on ${surfaces}/2 surfaces and per address, ` +
          `${attempts + 1} attempts with 5 forwarding headers changed every time`,
      );
    },
  );
});

describe('CSRF: cross-site writes change nothing', () => {
  it(
    'rejects every cross-site variant on page forms and API writes with 0 state changes',
    { timeout: 60_000 },
    async () => {
      const staff = await createUser(ctx.deps, { role: 'staff' });
      const member = await createUser(ctx.deps);
      const staffClient = await TestClient.signedInAs(ctx, staff);
      const memberClient = await TestClient.signedInAs(ctx, member);
      const evil = 'https://evil.example';
      const group = { name: '偽の子育てサークル', kind: 'play', area: 'chuo' };
      const password = {
        currentPassword: TEST_PASSWORD,
        newPassword: 'chosen by the attacker',
        confirmPassword: 'chosen by the attacker',
      };
      const apiPassword = { currentPassword: TEST_PASSWORD, newPassword: 'chosen by the attacker' };

      const targets = [
        { kind: 'page', path: '/directory', client: staffClient, fields: group },
        { kind: 'page', path: '/account/password', client: memberClient, fields: password },
        { kind: 'page', path: '/logout', client: memberClient, fields: {} },
        { kind: 'api', path: '/api/v1/directory', client: staffClient, fields: group },
        { kind: 'api', path: '/api/v1/me/password', client: memberClient, fields: apiPassword },
        { kind: 'api', path: '/api/v1/auth/logout', client: memberClient, fields: {} },
      ] as const;

      type Variant = {
        name: string;
        api?: true;
        init: (fields: Record<string, string>) => RequestInit;
      };
      const form = (f: Record<string, string>) => new URLSearchParams(f).toString();
      const multipart = (f: Record<string, string>) => {
        const data = new FormData();
        for (const [k, v] of Object.entries(f)) data.set(k, v);
        return data;
      };
      const variants: Variant[] = [
        {
          name: 'cross-origin form',
          init: (f) => ({
            headers: { 'content-type': 'application/x-www-form-urlencoded', origin: evil },
            body: form(f),
          }),
        },
        {
          name: 'cross-origin multipart',
          init: (f) => ({ headers: { origin: evil }, body: multipart(f) }),
        },
        {
          name: 'text/plain from another site',
          init: (f) => ({ headers: { 'content-type': 'text/plain', origin: evil }, body: form(f) }),
        },
        {
          name: 'text/plain without Origin',
          init: (f) => ({ headers: { 'content-type': 'text/plain' }, body: form(f) }),
        },
        // A byte body gets no default content type, unlike a string body.
        { name: 'no content type', init: (f) => ({ body: new TextEncoder().encode(form(f)) }) },
        {
          name: 'no content type from another site',
          init: (f) => ({ headers: { origin: evil }, body: new TextEncoder().encode(form(f)) }),
        },
        {
          name: 'Sec-Fetch-Site: cross-site',
          init: (f) => ({
            headers: {
              'content-type': 'application/x-www-form-urlencoded',
              'sec-fetch-site': 'cross-site',
            },
            body: form(f),
          }),
        },
        {
          name: 'Origin: null',
          init: (f) => ({
            headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'null' },
            body: form(f),
          }),
        },
        {
          name: 'look-alike origin',
          init: (f) => ({
            headers: {
              'content-type': 'application/x-www-form-urlencoded',
              origin: 'http://localhost.evil.example',
            },
            body: form(f),
          }),
        },
        {
          name: 'JSON from another site',
          api: true,
          init: (f) => ({
            headers: { 'content-type': 'application/json', origin: evil },
            body: JSON.stringify(f),
          }),
        },
        {
          name: 'JSON with Sec-Fetch-Site: cross-site',
          api: true,
          init: (f) => ({
            headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
            body: JSON.stringify(f),
          }),
        },
      ];

      const before = await databaseChecksum();
      let rejected = 0;
      let attempts = 0;
      const statuses = new Map<number, number>();
      for (const target of targets) {
        for (const variant of variants) {
          if (variant.api && target.kind !== 'api') continue;
          const res = await target.client.request(target.path, {
            method: 'POST',
            ...variant.init(target.fields),
          });
          attempts += 1;
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          expect([403, 415], `${variant.name} → ${target.path}`).toContain(res.status);
          rejected += 1;
        }
        // Checked per target (not per attempt) to keep the D1 run short.
        expect(await databaseChecksum(), target.path).toBe(before);
      }

      // The same requests from our own origin do change state: the targets are live.
      const controls = [
        () => staffClient.form('/directory', group),
        () => staffClient.json('POST', '/api/v1/directory', group),
        () => memberClient.form('/account/password', password),
        () =>
          memberClient.json('POST', '/api/v1/me/password', {
            currentPassword: password.newPassword,
            newPassword: 'yet another fine passphrase',
          }),
        () => memberClient.form('/logout', {}),
      ];
      let last = before;
      for (const control of controls) {
        expect((await control()).status).toBeLessThan(400);
        const now = await databaseChecksum();
        expect(now).not.toBe(last);
        last = now;
      }
      const summary = [...statuses].map(([s, n]) => `${n}×${s}`).join(', ');
      figures.push(
        `csrf: ${rejected}/${attempts} cross-site writes rejected (${summary}) on ` +
          `${targets.length} targets (3 page forms, 3 API writes; ${variants.length} variants), ` +
          `0 state changes (checksum equal); ` +
          `${controls.length}/${controls.length} same-origin controls changed state`,
      );
    },
  );
});
