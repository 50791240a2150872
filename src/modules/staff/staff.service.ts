import type { AppDeps, CurrentUser } from '../../context.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { User } from '../../../db/schema.js';
import { buildAuditInsert } from '../audit/audit.queries.js';
import { buildInsertUser, isUniqueEmailViolation } from '../auth/users.queries.js';
import type { CreateStaffInput } from './staff.schemas.js';

export const emailTaken = () =>
  new AppError(409, 'email_taken', 'staff.emailTaken', { email: ['email_taken'] });

/** Creates a staff or admin account; the account and its audit row are written together. */
export async function createStaffAccount(
  deps: AppDeps,
  actor: CurrentUser | null,
  input: CreateStaffInput,
  clientAddress?: string,
): Promise<User> {
  const now = deps.clock.now().toISOString();
  const user: User = {
    id: newId(),
    email: input.email,
    name: input.name,
    role: input.role,
    password_hash: await deps.passwordHasher.hash(input.password),
    locale: null,
    disabled_at: null,
    created_at: now,
    updated_at: now,
  };
  try {
    await deps.atomic([
      buildInsertUser(deps.db, user),
      buildAuditInsert(deps.db, {
        at: deps.clock.now(),
        actorUserId: actor?.id ?? null,
        action: 'staff_account_created',
        subjectType: 'user',
        subjectId: user.id,
        clientAddress,
        details: { role: user.role },
      }),
    ]);
  } catch (err) {
    if (isUniqueEmailViolation(err)) throw emailTaken();
    throw err;
  }
  return user;
}
