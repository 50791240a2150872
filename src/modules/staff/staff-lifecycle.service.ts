import { sql } from 'kysely';
import type { AppDeps, CurrentUser } from '../../context.js';
import { AppError, notFound } from '../../lib/errors.js';
import type { Role, User } from '../../../db/schema.js';
import { buildAuditIfPreviousChanged } from '../audit/audit.queries.js';
import { findUserById } from '../auth/users.queries.js';

export const lastActiveAdmin = () =>
  new AppError(409, 'last_active_admin', 'staffAccounts.lastAdmin');

/**
 * True unless the row is the last enabled admin: the guard inside each conditional UPDATE, so
 * two admins disabling each other at the same moment cannot both succeed (SQLite runs one
 * statement at a time; the second sees the first's change).
 */
const notLastActiveAdmin = sql<boolean>`(role <> 'admin' OR disabled_at IS NOT NULL OR (SELECT count(*) FROM user AS other WHERE other.role = 'admin' AND other.disabled_at IS NULL) > 1)`;

type StaffAccount = Pick<User, 'id' | 'role' | 'disabled_at'>;

/** A staff or admin account; members are managed through their member record. */
async function findStaffAccount(deps: AppDeps, id: string): Promise<StaffAccount> {
  const user = await findUserById(deps.db, id);
  if (!user || user.role === 'member') throw notFound();
  return user;
}

interface Change {
  admin: CurrentUser;
  userId: string;
  clientAddress?: string;
}

/**
 * Disables a staff account: sign-in is refused, its sessions end in the same batch, and its
 * open pages are refused at the next request (the session check reads `disabled_at`).
 */
export async function disableStaffAccount(deps: AppDeps, { admin, userId, clientAddress }: Change) {
  const target = await findStaffAccount(deps, userId);
  if (target.disabled_at) return; // already disabled: nothing changes, nothing is audited
  const now = deps.clock.now();
  const [updated] = await deps.atomic([
    deps.db
      .updateTable('user')
      .set({ disabled_at: now.toISOString(), updated_at: now.toISOString() })
      .where('id', '=', userId)
      .where('disabled_at', 'is', null)
      .where(notLastActiveAdmin),
    buildAuditIfPreviousChanged(deps.db, {
      at: now,
      actorUserId: admin.id,
      action: 'staff_account_disabled',
      subjectType: 'user',
      subjectId: userId,
      clientAddress,
    }),
    deps.db
      .deleteFrom('session')
      .where('user_id', '=', userId)
      .where(
        sql<boolean>`EXISTS (SELECT 1 FROM user WHERE id = ${userId} AND disabled_at IS NOT NULL)`,
      ),
  ]);
  if (updated!.numAffectedRows !== 1) throw lastActiveAdmin();
}

export async function enableStaffAccount(deps: AppDeps, { admin, userId, clientAddress }: Change) {
  const target = await findStaffAccount(deps, userId);
  if (!target.disabled_at) return;
  const now = deps.clock.now();
  await deps.atomic([
    deps.db
      .updateTable('user')
      .set({ disabled_at: null, updated_at: now.toISOString() })
      .where('id', '=', userId)
      .where('disabled_at', 'is not', null),
    buildAuditIfPreviousChanged(deps.db, {
      at: now,
      actorUserId: admin.id,
      action: 'staff_account_enabled',
      subjectType: 'user',
      subjectId: userId,
      clientAddress,
    }),
  ]);
}

/** Changes staff ⇄ admin; the account's sessions end so it signs in again under the new role. */
export async function changeStaffRole(
  deps: AppDeps,
  { admin, userId, clientAddress, role }: Change & { role: Exclude<Role, 'member'> },
) {
  const target = await findStaffAccount(deps, userId);
  if (target.role === role) return;
  const now = deps.clock.now();
  const [updated] = await deps.atomic([
    deps.db
      .updateTable('user')
      .set({ role, updated_at: now.toISOString() })
      .where('id', '=', userId)
      .where('role', '=', target.role)
      .where(notLastActiveAdmin),
    buildAuditIfPreviousChanged(deps.db, {
      at: now,
      actorUserId: admin.id,
      action: 'staff_role_changed',
      subjectType: 'user',
      subjectId: userId,
      clientAddress,
      details: { from: target.role, to: role },
    }),
    deps.db
      .deleteFrom('session')
      .where('user_id', '=', userId)
      .where(sql<boolean>`EXISTS (SELECT 1 FROM user WHERE id = ${userId} AND role = ${role})`),
  ]);
  if (updated!.numAffectedRows !== 1) throw lastActiveAdmin();
}
