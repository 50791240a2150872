import type { AppDeps, CurrentUser } from '../../context.js';
import { AppError, notFound } from '../../lib/errors.js';
import type { Role, User } from '../../../db/schema.js';
import { buildAuditIfPreviousChanged } from '../audit/audit.queries.js';
import { findUserById } from '../auth/users.queries.js';
import {
  buildChangeRole,
  buildDisableAccount,
  buildEnableAccount,
  buildEndSessionsIfDisabled,
  buildEndSessionsIfRole,
} from './staff.queries.js';

export const lastActiveAdmin = () =>
  new AppError(409, 'last_active_admin', 'staffAccounts.lastAdmin');

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

/** The audit entry of a change to an account, written if the statement before it changed a row. */
const accountAudit = (
  deps: AppDeps,
  { admin, userId, clientAddress }: Change,
  at: Date,
  action: string,
  details?: Record<string, unknown>,
) =>
  buildAuditIfPreviousChanged(deps.db, {
    at,
    actorUserId: admin.id,
    action,
    subjectType: 'user',
    subjectId: userId,
    clientAddress,
    details,
  });

/**
 * Disables a staff account: sign-in is refused, its sessions end in the same batch, and its
 * open pages are refused at the next request (the session check reads `disabled_at`).
 */
export async function disableStaffAccount(deps: AppDeps, change: Change) {
  const { userId } = change;
  const target = await findStaffAccount(deps, userId);
  if (target.disabled_at) return; // already disabled: nothing changes, nothing is audited
  const now = deps.clock.now();
  const [updated] = await deps.atomic([
    buildDisableAccount(deps.db, userId, now.toISOString()),
    accountAudit(deps, change, now, 'staff_account_disabled'),
    buildEndSessionsIfDisabled(deps.db, userId),
  ]);
  if (updated!.numAffectedRows !== 1) throw lastActiveAdmin();
}

export async function enableStaffAccount(deps: AppDeps, change: Change) {
  const { userId } = change;
  const target = await findStaffAccount(deps, userId);
  if (!target.disabled_at) return;
  const now = deps.clock.now();
  await deps.atomic([
    buildEnableAccount(deps.db, userId, now.toISOString()),
    accountAudit(deps, change, now, 'staff_account_enabled'),
  ]);
}

/** Changes staff ⇄ admin; the account's sessions end so it signs in again under the new role. */
export async function changeStaffRole(
  deps: AppDeps,
  change: Change & { role: Exclude<Role, 'member'> },
) {
  const { userId, role } = change;
  const target = await findStaffAccount(deps, userId);
  if (target.role === role) return;
  const now = deps.clock.now();
  const [updated] = await deps.atomic([
    buildChangeRole(deps.db, userId, target.role, role, now.toISOString()),
    accountAudit(deps, change, now, 'staff_role_changed', { from: target.role, to: role }),
    buildEndSessionsIfRole(deps.db, userId, role),
  ]);
  if (updated!.numAffectedRows !== 1) throw lastActiveAdmin();
}
