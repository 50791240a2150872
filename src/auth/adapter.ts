import type { Adapter, DatabaseSession, DatabaseUser } from 'lucia';
import type { Config } from '../config.js';
import type { Clock } from '../lib/clock.js';
import { MINUTE } from '../lib/clock.js';
import type { Db } from '../lib/db.js';
import { sha256Hex } from '../lib/ids.js';
import { readSessionContext, sessionIdOf } from './request-context.js';
import { sessionTimeoutsFor } from './session-policy.js';

// Lucia checks `expiresAt` against the real wall clock and extends sessions on its own schedule.
// Our idle and absolute deadlines are per role and use the injected clock, so they are enforced
// here; Lucia is handed an expiry it will neither reject nor try to extend.
export const LUCIA_EXPIRES_IN_MS = 30 * 24 * 60 * MINUTE;
const luciaExpiry = () => new Date(Date.now() + LUCIA_EXPIRES_IN_MS);

/** Lucia's adapter over Kysely: one code path for better-sqlite3 and D1. */
export function createSessionAdapter(db: Db, clock: Clock, config: Config): Adapter {
  return {
    async getSessionAndUser(token) {
      const context = await readSessionContext({ db, clock, config }, token, { unread: false });
      if (!context) return [null, null];
      await context.touch?.();
      const session: DatabaseSession = {
        id: token,
        userId: context.userId,
        expiresAt: luciaExpiry(),
        attributes: { role: context.role },
      };
      const { email, name, role, locale } = context;
      const user: DatabaseUser = { id: context.userId, attributes: { email, name, role, locale } };
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
