import { beforeAll, describe, expect, it } from 'vitest';
import {
  AUTHORIZATION_TABLE,
  AUTHZ_ROLES,
  registeredRouteKeys,
  type AuthzRole,
} from '../security/authorization-table.js';
import { buildSecurityWorld, clientFor, type SecurityWorld } from '../helpers/security-fixture.js';

/**
 * QUALITY.md security item 3: children's health fields (allergies, health notes, family doctor:
 * 要配慮個人情報) reach only staff, the parent and the helper with a live match, on every page
 * and API read; every read by someone other than the parent writes exactly one audit row per
 * child shown; the audit table cannot be changed through the app.
 *
 * The parent's own reads are not audited: children.access.ts logs reads "by someone other than
 * the parent" (DOMAIN.md: show only to staff and the matched helper, and log every read).
 */

let world: SecurityWorld;
const MARK = { child: 'HX-CHILD-A', otherChild: 'HX-CHILD-B' } as const;
type ChildKey = keyof typeof MARK;

beforeAll(async () => {
  world = await buildSecurityWorld();
  // Distinct markers in every health field, so a response can be searched for each child.
  for (const key of ['child', 'otherChild'] as const)
    await world.ctx.deps.db
      .updateTable('child')
      .set({
        allergies: `${MARK[key]}-allergies`,
        health_notes: `${MARK[key]}-notes`,
        family_doctor: `${MARK[key]}-doctor`,
      })
      .where('id', '=', world.ids[key])
      .execute();
}, 120_000);

async function healthReads(childKey: ChildKey) {
  const rows = await world.ctx.deps.db
    .selectFrom('audit_log')
    .select(['actor_user_id', 'subject_type', 'action'])
    .where('subject_id', '=', world.ids[childKey])
    .where('action', '=', 'child_health_read')
    .execute();
  return rows;
}

/** The number of health-read audit rows per child, in total and per actor (one query). */
async function healthReadCounts() {
  const rows = await world.ctx.deps.db
    .selectFrom('audit_log')
    .select(['subject_id', 'actor_user_id'])
    .where('subject_id', 'in', [world.ids.child, world.ids.otherChild])
    .where('action', '=', 'child_health_read')
    .execute();
  const count = (key: ChildKey) => {
    const mine = rows.filter((r) => r.subject_id === world.ids[key]);
    const byActor = new Map<string, number>();
    for (const r of mine)
      byActor.set(r.actor_user_id ?? '', (byActor.get(r.actor_user_id ?? '') ?? 0) + 1);
    return { total: mine.length, byActor };
  };
  return { child: count('child'), otherChild: count('otherChild') };
}

/** Which health fields of a child a response body shows (0–3). */
const fieldsShown = (body: string, key: ChildKey) =>
  ['allergies', 'notes', 'doctor'].filter((f) => body.includes(`${MARK[key]}-${f}`)).length;

/** Who may see each child's health fields: its parent, staff, and the live match's helper. */
const MAY_SEE: Record<ChildKey, readonly AuthzRole[]> = {
  child: ['requester', 'helper', 'staff', 'admin'],
  otherChild: ['otherRequester', 'staff', 'admin'],
};
const PARENT: Record<ChildKey, AuthzRole> = { child: 'requester', otherChild: 'otherRequester' };

/**
 * Private objects and who may see their ids at all: a list or page that shows one to anyone
 * else is a scoping leak (ids are UUIDs, so a match is never a coincidence).
 */
const ID_VISIBLE_TO: Partial<Record<keyof SecurityWorld['ids'], readonly AuthzRole[]>> = {
  child: ['requester', 'helper', 'staff', 'admin'],
  otherChild: ['otherRequester', 'staff', 'admin'],
  liveRequest: ['requester', 'helper', 'staff', 'admin'],
  offeredRequest: ['requester', 'helper', 'staff', 'admin'],
  offer: ['helper', 'staff', 'admin'],
  activity: ['requester', 'helper', 'staff', 'admin'],
  incident: ['requester', 'helper', 'staff', 'admin'],
  contact: ['requester', 'staff', 'admin'],
  pickup: ['requester', 'staff', 'admin'],
  notification: ['requester'],
  trainingRecord: ['helper', 'staff', 'admin'],
  exception: ['helper', 'staff', 'admin'],
  calendarFile: [],
  // Audiences: the event is for helpers, the announcement for requesters.
  event: ['helper', 'otherHelper', 'staff', 'admin'],
  announcement: ['requester', 'otherRequester', 'staff', 'admin'],
};

function fill(path: string, params: Record<string, string> | undefined, query?: object) {
  const filled = path.replace(/:(\w+)(\{[^}]*\})?/g, (_, name: string) =>
    encodeURIComponent(world.ids[params![name] as keyof SecurityWorld['ids']]),
  );
  const q = Object.entries(query ?? {}).map(([k, v]) => [
    k,
    world.ids[v as keyof SecurityWorld['ids']],
  ]);
  return q.length ? `${filled}?${new URLSearchParams(q).toString()}` : filled;
}

describe('child health fields (QUALITY.md security item 3)', () => {
  it('every page and API read: health fields only to staff, the parent and the live-match helper, one audit row per read by others; private ids only to those who may see them', async () => {
    const shown: string[] = [];
    const leaks: string[] = [];
    const auditMismatches: string[] = [];
    const idLeaks: string[] = [];
    const idsSeen = new Set<string>();
    let reads = 0;
    // Reads write nothing but audit rows, so one count after a read is the next one's before.
    let healthBefore: Awaited<ReturnType<typeof healthReadCounts>> | undefined;
    for (const row of AUTHORIZATION_TABLE.filter((r) => r.method === 'GET')) {
      for (const role of AUTHZ_ROLES) {
        const client = await clientFor(world, role);
        const path = fill(row.path, row.params, row.query);
        const before = healthBefore ?? (await healthReadCounts());
        const res = await client.get(path);
        const body = await res.text();
        reads += 1;
        const after = await healthReadCounts();
        healthBefore = after;
        // An id the caller put in the URL is not news to them (error pages echo the URL), and
        // the calendar feed's token is the helper's own credential for her schedule.
        for (const [key, roles] of Object.entries(ID_VISIBLE_TO)) {
          const id = world.ids[key as keyof SecurityWorld['ids']];
          if (roles.includes(role) && body.includes(id)) idsSeen.add(key);
          if (
            row.scope !== 'token' &&
            !roles.includes(role) &&
            !path.includes(id) &&
            body.includes(id)
          )
            idLeaks.push(`${row.path} as ${role} (${res.status}): ${key}`);
        }
        for (const key of ['child', 'otherChild'] as const) {
          const fields = fieldsShown(body, key);
          const added = after[key].total - before[key].total;
          const actor = role === 'anonymous' ? '' : world.users[role].id;
          const byActor =
            (after[key].byActor.get(actor) ?? 0) - (before[key].byActor.get(actor) ?? 0) === added;
          if (fields > 0) {
            shown.push(`${row.path} ${role} ${key}`);
            if (!MAY_SEE[key].includes(role)) leaks.push(`${row.path} as ${role}: ${key}`);
            // The parent reads without a log; anyone else leaves exactly one row per read.
            const want = role === PARENT[key] ? 0 : 1;
            if (added !== want || !byActor)
              auditMismatches.push(`${row.path} as ${role}: ${key} +${added}, want +${want}`);
          } else if (added !== 0) {
            auditMismatches.push(`${row.path} as ${role}: ${key} audited +${added} but not shown`);
          }
        }
      }
    }
    console.log(
      `health fields: ${reads} GET reads over ${AUTHORIZATION_TABLE.filter((r) => r.method === 'GET').length} routes × 7 roles; ` +
        `${shown.length} showed health data, ${leaks.length} to someone not allowed, ` +
        `${auditMismatches.length} audit mismatches`,
    );
    console.log(`health fields shown: ${shown.join(', ')}`);
    console.log(`private object ids shown to someone else: ${idLeaks.length}`);
    for (const leak of idLeaks) console.log(`id leak: ${leak}`);
    console.log(`private ids seen by those allowed: ${[...idsSeen].sort().join(', ')}`);
    // Not vacuous: every private object does show up for someone allowed to see it.
    expect([...idsSeen].sort()).toEqual(
      Object.entries(ID_VISIBLE_TO)
        .filter(([, roles]) => roles.length > 0)
        .map(([key]) => key)
        .sort(),
    );
    expect({ leaks, auditMismatches, idLeaks }).toEqual({
      leaks: [],
      auditMismatches: [],
      idLeaks: [],
    });
    // The sweep is not vacuous: these reads do show the fields (computed by hand from the
    // routes: the API child and household, the helper's child page, staff's member page, the
    // parent's own pages and data export).
    for (const expected of [
      '/api/v1/children/:id requester child',
      '/api/v1/children/:id helper child',
      '/api/v1/children/:id staff child',
      '/api/v1/children/:id admin child',
      '/api/v1/members/:id/children requester child',
      '/api/v1/members/:id/children staff child',
      '/children/:id helper child',
      '/members/:id{uuid} staff child',
      '/members/:id{uuid} admin child',
      '/my/children requester child',
      '/my/children otherRequester otherChild',
      '/my/children/:id/edit requester child',
      '/my/data.json requester child',
    ])
      expect(shown, expected).toContain(expected);
  }, 300_000);

  it('a helper who only holds an offer, or whose matches have ended, gets a 404 and no audit row', async () => {
    const staff = await clientFor(world, 'staff');
    const offered = await staff.json(
      'POST',
      `/api/v1/requests/${world.ids.offeredRequest}/offers`,
      {
        helperIds: [world.ids.otherHelperMember],
      },
    );
    expect(offered.status).toBe(201);
    const before = (await healthReads('child')).length;
    const other = await clientFor(world, 'otherHelper');
    expect((await other.get(`/api/v1/children/${world.ids.child}`)).status).toBe(404);
    expect((await other.get(`/children/${world.ids.child}`)).status).toBe(404);

    const helper = await clientFor(world, 'helper');
    const live = await helper.get(`/api/v1/children/${world.ids.child}`);
    expect(live.status).toBe(200);
    expect(await live.json()).toMatchObject({ allergies: `${MARK.child}-allergies` });
    expect((await healthReads('child')).length).toBe(before + 1);

    // Both matches end: the past one when its report is confirmed and approved (until then
    // the helper may still correct it), the future one by cancellation.
    const parent = await clientFor(world, 'requester');
    const activity = `/api/v1/activities/${world.ids.activity}`;
    expect((await parent.json('POST', `${activity}/confirm`, {})).status).toBe(200);
    expect((await helper.get(`/api/v1/children/${world.ids.child}`)).status).toBe(200);
    expect((await staff.json('POST', `${activity}/approve`, {})).status).toBe(200);
    expect((await helper.get(`/api/v1/children/${world.ids.child}`)).status).toBe(200);
    const cancelled = await staff.json('POST', `/api/v1/requests/${world.ids.liveRequest}/cancel`, {
      reason: 'センター都合',
    });
    expect(cancelled.status).toBe(200);
    expect((await helper.get(`/api/v1/children/${world.ids.child}`)).status).toBe(404);
    expect((await helper.get(`/children/${world.ids.child}`)).status).toBe(404);
    // Three reads while a match was live (before, after confirming, after approving).
    expect((await healthReads('child')).length).toBe(before + 3);
  });
});

describe('health fields in write responses', () => {
  it('a staff correction answers with the child, health fields included, and writes exactly one audit row', async () => {
    const staff = await clientFor(world, 'staff');
    const audit = () =>
      world.ctx.deps.db
        .selectFrom('audit_log')
        .select(['action', 'actor_user_id'])
        .where('subject_id', '=', world.ids.otherChild)
        .execute();
    const before = await audit();
    const res = await staff.json('PATCH', `/api/v1/children/${world.ids.otherChild}`, {
      school: 'みどり第二小学校',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ allergies: `${MARK.otherChild}-allergies` });
    expect((await audit()).slice(before.length)).toEqual([
      { action: 'child_updated', actor_user_id: world.users.staff.id },
    ]);
    // The helper of a live match only reads: a correction from her is a 404 and changes nothing.
    const helper = await clientFor(world, 'helper');
    const attempt = await helper.json('PATCH', `/api/v1/children/${world.ids.child}`, {
      school: 'x',
    });
    expect(attempt.status).toBe(404);
  });
});

describe('the audit log is append-only', () => {
  it('no route reads or writes it, and the database refuses updates and deletes', async () => {
    const routes = registeredRouteKeys(world.ctx.app.routes);
    expect(routes.filter((key) => /audit/i.test(key))).toEqual([]);

    const db = world.ctx.deps.db;
    const count = async () =>
      Number(
        (
          await db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const rows = await count();
    expect(rows).toBeGreaterThan(0);
    await expect(db.updateTable('audit_log').set({ action: 'tampered' }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    expect(await count()).toBe(rows);
    expect(
      await db.selectFrom('audit_log').select('id').where('action', '=', 'tampered').execute(),
    ).toEqual([]);
  });
});
