import { sql, type Updateable } from 'kysely';
import type { Db } from '../../lib/db.js';
import type { Role, UserTable } from '../../../db/schema.js';

/**
 * True unless the row is the last enabled admin: the guard inside each conditional UPDATE, so
 * two admins disabling each other at the same moment cannot both succeed (SQLite runs one
 * statement at a time; the second sees the first's change).
 */
const notLastActiveAdmin = sql<boolean>`(role <> 'admin' OR disabled_at IS NOT NULL OR (SELECT count(*) FROM user AS other WHERE other.role = 'admin' AND other.disabled_at IS NULL) > 1)`;

const updateUnlessLastAdmin = (db: Db, userId: string, set: Updateable<UserTable>) =>
  db.updateTable('user').set(set).where('id', '=', userId).where(notLastActiveAdmin);

/** Disables an enabled account unless it is the last enabled admin. */
export function buildDisableAccount(db: Db, userId: string, nowIso: string) {
  return updateUnlessLastAdmin(db, userId, { disabled_at: nowIso, updated_at: nowIso }).where(
    'disabled_at',
    'is',
    null,
  );
}

export function buildEnableAccount(db: Db, userId: string, nowIso: string) {
  return db
    .updateTable('user')
    .set({ disabled_at: null, updated_at: nowIso })
    .where('id', '=', userId)
    .where('disabled_at', 'is not', null);
}

/** Changes the role from `from`, unless that takes away the last enabled admin. */
export function buildChangeRole(
  db: Db,
  userId: string,
  from: Role,
  to: Exclude<Role, 'member'>,
  nowIso: string,
) {
  return updateUnlessLastAdmin(db, userId, { role: to, updated_at: nowIso }).where(
    'role',
    '=',
    from,
  );
}

/** Ends the account's sessions when it is disabled (by an earlier statement of the batch). */
export function buildEndSessionsIfDisabled(db: Db, userId: string) {
  return db
    .deleteFrom('session')
    .where('user_id', '=', userId)
    .where(
      sql<boolean>`EXISTS (SELECT 1 FROM user WHERE id = ${userId} AND disabled_at IS NOT NULL)`,
    );
}

/** Ends the account's sessions when it has the role `role` (set by an earlier statement). */
export function buildEndSessionsIfRole(db: Db, userId: string, role: Role) {
  return db
    .deleteFrom('session')
    .where('user_id', '=', userId)
    .where(sql<boolean>`EXISTS (SELECT 1 FROM user WHERE id = ${userId} AND role = ${role})`);
}
