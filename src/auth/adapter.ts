import type { Adapter, DatabaseSession, DatabaseUser } from 'lucia';
import type { Config } from '../config.js';
import type { Clock } from '../lib/clock.js';
import { MINUTE } from '../lib/clock.js';
import type { Db } from '../lib/db.js';
import { sha256Hex } from '../lib/ids.js';
import { sessionTimeoutsFor } from './session-policy.js';

// Lucia checks `expiresAt` against the real wall clock and extends sessions on its own schedule.
// Our idle and absolute deadlines are per role and use the injected clock, so they are enforced
// here; Lucia is handed an expiry it will neither reject nor try to extend.
export const LUCIA_EXPIRES_IN_MS = 30 * 24 * 60 * MINUTE;
const luciaExpiry = () => new Date(Date.now() + LUCIA_EXPIRES_IN_MS);

// A session's idle deadline is pushed forward at most once a minute, to avoid a write per request.
const TOUCH_INTERVAL_MS = MINUTE;

// Hashing the token is async WebCrypto (a thread-pool round trip on Node) on every request; the
// ids of recently seen tokens are kept per process / isolate. Bounded, and holding nothing the
// request does not already carry.
const RECENT_IDS_MAX = 1_000;
const recentIds = new Map<string, string>();
async function sessionIdOf(token: string): Promise<string> {
  const known = recentIds.get(token);
  if (known) return known;
  const id = await sha256Hex(token);
  if (recentIds.size >= RECENT_IDS_MAX) recentIds.delete(recentIds.keys().next().value!);
  recentIds.set(token, id);
  return id;
}

/** Lucia's adapter over Kysely: one code path for better-sqlite3 and D1. */
export function createSessionAdapter(db: Db, clock: Clock, config: Config): Adapter {
  return {
    async getSessionAndUser(token) {
      // NOTE: only the SHA-256 of the token is stored, so a leaked database holds no live sessions.
      const id = await sessionIdOf(token);
      const row = await db
        .selectFrom('session')
        .innerJoin('user', 'user.id', 'session.user_id')
        .select([
          'session.user_id',
          'session.idle_expires_at',
          'session.absolute_expires_at',
          'session.last_seen_at',
          'user.email',
          'user.name',
          'user.role',
          'user.locale',
          'user.disabled_at',
        ])
        .where('session.id', '=', id)
        .executeTakeFirst();
      if (!row) return [null, null];
      const now = clock.now();
      const nowIso = now.toISOString();
      if (row.idle_expires_at <= nowIso || row.absolute_expires_at <= nowIso || row.disabled_at) {
        await db.deleteFrom('session').where('id', '=', id).execute();
        return [null, null];
      }
      if (now.getTime() - new Date(row.last_seen_at).getTime() >= TOUCH_INTERVAL_MS) {
        const { idleMs } = sessionTimeoutsFor(row.role, config);
        await db
          .updateTable('session')
          .set({
            last_seen_at: nowIso,
            idle_expires_at: new Date(now.getTime() + idleMs).toISOString(),
          })
          .where('id', '=', id)
          .execute();
      }
      const session: DatabaseSession = {
        id: token,
        userId: row.user_id,
        expiresAt: luciaExpiry(),
        attributes: { role: row.role },
      };
      const user: DatabaseUser = {
        id: row.user_id,
        attributes: { email: row.email, name: row.name, role: row.role, locale: row.locale },
      };
      return [session, user];
    },

    async getUserSessions(userId) {
      // The stored ids are hashes: callers can count or end these sessions, not resume them.
      const rows = await db
        .selectFrom('session')
        .select(['id', 'user_id'])
        .where('user_id', '=', userId)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        userId: r.user_id,
        expiresAt: luciaExpiry(),
        attributes: { role: 'member' },
      }));
    },

    async setSession(session) {
      const now = clock.now();
      const { idleMs, absoluteMs } = sessionTimeoutsFor(session.attributes.role, config);
      await db
        .insertInto('session')
        .values({
          id: await sha256Hex(session.id),
          user_id: session.userId,
          created_at: now.toISOString(),
          last_seen_at: now.toISOString(),
          idle_expires_at: new Date(now.getTime() + idleMs).toISOString(),
          absolute_expires_at: new Date(now.getTime() + absoluteMs).toISOString(),
        })
        .execute();
    },

    async updateSessionExpiration() {
      // Never reached: luciaExpiry() keeps Lucia from extending; the idle deadline moves above.
    },

    async deleteSession(token) {
      await db
        .deleteFrom('session')
        .where('id', '=', await sessionIdOf(token))
        .execute();
    },

    async deleteUserSessions(userId) {
      await db.deleteFrom('session').where('user_id', '=', userId).execute();
    },

    async deleteExpiredSessions() {
      const nowIso = clock.now().toISOString();
      await db
        .deleteFrom('session')
        .where((eb) =>
          eb.or([eb('idle_expires_at', '<=', nowIso), eb('absolute_expires_at', '<=', nowIso)]),
        )
        .execute();
    },
  };
}
