import { describe, expect, it } from 'vitest';
import {
  AUTHORIZATION_TABLE,
  AUTHZ_ROLES,
  type AuthzRole,
  type AuthzRow,
} from '../security/authorization-table.js';
import {
  buildSecurityWorld,
  clientFor,
  databaseChecksum,
  restoreWorld,
  snapshotWorld,
  type SecurityWorld,
} from '../helpers/security-fixture.js';

/**
 * QUALITY.md security item 2: every route × seven roles against real objects. Each request is
 * classified (allowed / denied) and compared with the authorization table; every denied write
 * is bracketed by a checksum of the whole database, which must not change.
 *
 * A write that succeeds may change what later requests see (a withdrawn member, an accepted
 * offer), so the world is restored from a snapshot after a row that changed the database.
 * Within a row, the roles expected to be denied go first.
 */

type Outcome = 'allowed' | 'denied' | 'error';

function classify(res: Response, row: AuthzRow): Outcome {
  if (res.status >= 500) return 'error';
  if (res.status === 401 || res.status === 403 || res.status === 404) return 'denied';
  if (res.status >= 300 && res.status < 400) {
    const location = res.headers.get('location') ?? '';
    const toLogin = /^(https?:\/\/[^/]+)?\/login\b/.test(location);
    return toLogin && !row.loginRedirectIsSuccess ? 'denied' : 'allowed';
  }
  // 2xx, or a 4xx only validation or a business rule gives (400, 409, 413, 415, 422).
  return 'allowed';
}

function fillPath(row: AuthzRow, world: SecurityWorld): string {
  const path = row.path.replace(/:(\w+)(\{[^}]*\})?/g, (_, name: string) => {
    const key = row.params?.[name];
    if (!key) throw new Error(`${row.method} ${row.path}: no fixture for :${name}`);
    return encodeURIComponent(world.ids[key]);
  });
  const query = Object.entries(row.query ?? {}).map(([name, key]) => [name, world.ids[key]]);
  return query.length ? `${path}?${new URLSearchParams(query).toString()}` : path;
}

function send(
  client: Awaited<ReturnType<typeof clientFor>>,
  row: AuthzRow,
  path: string,
  world: SecurityWorld,
) {
  if (row.method === 'GET') return client.get(path);
  // Without a row body, API writes carry an empty JSON object and page writes an empty form.
  const body = row.body?.(world.ids) ?? {};
  if (path.startsWith('/api/')) return client.json(row.method, path, body);
  return client.form(
    path,
    Object.fromEntries(Object.entries(body).map(([k, v]) => [k, String(v)])),
  );
}

interface Mismatch {
  route: string;
  role: AuthzRole;
  expected: 'allowed' | 'denied';
  status: number;
  location?: string | null;
}

describe('authorization matrix (QUALITY.md security item 2)', () => {
  it('every route × role: 0 unexpected allows, 0 unexpected denies, 0 rows changed by denied writes', async () => {
    const started = Date.now();
    const world = await buildSecurityWorld();
    const snapshot = await snapshotWorld(world);
    let rebuilds = 0;
    let retries = 0;
    let requests = 0;
    let deniedWrites = 0;
    /** The checksum of the database as it is now, when known (GETs may write audit rows). */
    let checksum: string | undefined;
    const unexpectedAllows: Mismatch[] = [];
    const unexpectedDenies: Mismatch[] = [];
    const errors: Mismatch[] = [];
    const deniedWritesThatChanged: string[] = [];

    // Signed-in clients are reused for reads; a write may end its own session (logout,
    // password change), so the role signs in afresh after each write.
    let clients = new Map<AuthzRole, Awaited<ReturnType<typeof clientFor>>>();
    const rebuild = async () => {
      await restoreWorld(world, snapshot);
      clients = new Map();
      checksum = undefined;
      rebuilds += 1;
    };
    const attempt = async (row: AuthzRow, role: AuthzRole, mustNotChange: boolean) => {
      const isWrite = row.method !== 'GET';
      const client = clients.get(role) ?? (await clientFor(world, role));
      if (isWrite) clients.delete(role);
      else clients.set(role, client);
      const path = fillPath(row, world);
      const before = isWrite ? (checksum ?? (await databaseChecksum(world.ctx.deps))) : '';
      const res = await send(client, row, path, world);
      requests += 1;
      await res.body?.cancel();
      // Writes that must change nothing are always checked. An allowed write that was refused
      // (4xx) is taken to have changed nothing (the fuzzing test proves rejected requests change
      // nothing); other writes are checked, to know whether later requests need a fresh world.
      const check = isWrite && (mustNotChange || res.status < 400);
      checksum = check ? await databaseChecksum(world.ctx.deps) : undefined;
      return { res, path, outcome: classify(res, row), changed: check && checksum !== before };
    };

    for (const row of AUTHORIZATION_TABLE) {
      const noop = new Set<AuthzRole>(row.noop ?? []);
      const allowed = new Set<AuthzRole>([...row.allow, ...noop]);
      // Denied roles first, then the no-op ones: neither may change anything, so the objects
      // are still intact for the roles that are allowed.
      const rank = (role: AuthzRole) => (!allowed.has(role) ? 0 : noop.has(role) ? 1 : 2);
      const roles = [...AUTHZ_ROLES].sort((a, b) => rank(a) - rank(b));
      let changedInRow = false;
      for (const role of roles) {
        const expected = allowed.has(role) ? 'allowed' : 'denied';
        const mustNotChange = rank(role) < 2;
        let result = await attempt(row, role, mustNotChange);
        // An earlier success in this row (a deletion, a withdrawal) may hide the object from
        // the next allowed role: ask again on a fresh world.
        if (expected === 'allowed' && result.outcome === 'denied' && changedInRow) {
          await rebuild();
          retries += 1;
          changedInRow = false;
          result = await attempt(row, role, mustNotChange);
        }
        changedInRow ||= result.changed;
        if (row.method !== 'GET' && mustNotChange) {
          deniedWrites += 1;
          if (result.changed)
            deniedWritesThatChanged.push(`${row.method} ${result.path} as ${role}`);
        }
        const mismatch: Mismatch = {
          route: `${row.method} ${row.path}`,
          role,
          expected,
          status: result.res.status,
          location: result.res.headers.get('location'),
        };
        if (result.outcome === 'error') errors.push(mismatch);
        else if (result.outcome !== expected)
          (result.outcome === 'allowed' ? unexpectedAllows : unexpectedDenies).push(mismatch);
      }
      // Later rows start from an intact world.
      if (changedInRow) await rebuild();
    }

    console.log(
      `authorization matrix (${world.ctx.runtime}): ${AUTHORIZATION_TABLE.length} routes × ` +
        `${AUTHZ_ROLES.length} roles = ${requests} requests; ` +
        `${unexpectedAllows.length} unexpected allows, ${unexpectedDenies.length} unexpected denies, ` +
        `${deniedWritesThatChanged.length} of ${deniedWrites} denied writes changed rows, ` +
        `${errors.length} errors ≥ 500; ${rebuilds} world restores (${retries} retries), ` +
        `${Date.now() - started} ms`,
    );
    for (const [label, list] of [
      ['unexpected allow', unexpectedAllows],
      ['unexpected deny', unexpectedDenies],
      ['error ≥ 500', errors],
    ] as const)
      for (const m of list)
        console.log(`${label}: ${m.route} as ${m.role} → ${m.status} ${m.location ?? ''}`);
    expect({ unexpectedAllows, unexpectedDenies, errors, deniedWritesThatChanged }).toEqual({
      unexpectedAllows: [],
      unexpectedDenies: [],
      errors: [],
      deniedWritesThatChanged: [],
    });
    // Under a minute on Node; D1 in workerd is several times slower, more so on a busy machine.
  }, 900_000);
});
