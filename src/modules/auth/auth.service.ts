import type { AppDeps } from '../../context.js';
import type { AppLucia } from '../../auth/lucia.js';
import {
  countRecentAccountFailures,
  countRecentAddressFailures,
  recordLoginAttempt,
} from '../../auth/throttle.queries.js';
import { DAY, MINUTE } from '../../lib/clock.js';
import { AppError, tooManyRequests } from '../../lib/errors.js';
import { insertAuditLog } from '../audit/audit.queries.js';
import { findUserByEmail, findUserById, updateUserPasswordHash } from './users.queries.js';
import type { User } from '../../../db/schema.js';

export const invalidCredentials = () => new AppError(401, 'invalid_credentials', 'login.failed');

// Verified against when the email is unknown, so a miss costs as much time as a wrong password.
let dummyHash: Promise<string> | undefined;

export interface SignInInput {
  email: string;
  password: string;
  clientAddress: string;
}

/**
 * Refuses (429, audited) when an account is guessed at from this address, this address guesses
 * at accounts, or the account has failed too often from everywhere. Sign-in and the reset code
 * share it: both are a secret typed by someone who may be guessing.
 */
export async function assertNotThrottled(deps: AppDeps, email: string, clientAddress: string) {
  const { db, clock, config } = deps;
  const now = clock.now();
  const since = new Date(now.getTime() - config.LOGIN_WINDOW_MINUTES * MINUTE).toISOString();
  const daySince = new Date(now.getTime() - DAY).toISOString();
  // The pair and the address limits stop a guesser where she is; the per-account ceiling only
  // stops a guesser spread over many addresses, and is high enough that it rarely bites the owner.
  const [pairFailures, addressFailures, accountFailures] = await Promise.all([
    countRecentAccountFailures(db, email, since, clientAddress),
    countRecentAddressFailures(db, clientAddress, since),
    countRecentAccountFailures(db, email, daySince),
  ]);
  if (
    pairFailures < config.LOGIN_MAX_FAILURES &&
    addressFailures < config.LOGIN_MAX_FAILURES_PER_ADDRESS &&
    accountFailures < config.LOGIN_MAX_FAILURES_PER_ACCOUNT
  )
    return;
  await insertAuditLog(db, {
    at: now,
    actorUserId: null,
    action: 'login_throttled',
    clientAddress,
    details: { email: email.toLowerCase() },
  });
  throw tooManyRequests();
}

/**
 * Checks the throttle, then the password. Returns the user and a new session token; the caller
 * sets the cookie. Every outcome is recorded for throttling and audit.
 */
export async function signIn(
  deps: AppDeps,
  lucia: AppLucia,
  input: SignInInput,
): Promise<{ user: User; sessionToken: string }> {
  const { db, clock, passwordHasher } = deps;
  const now = clock.now();
  await assertNotThrottled(deps, input.email, input.clientAddress);

  const user = await findUserByEmail(db, input.email);
  dummyHash ??= passwordHasher.hash('not-a-real-password-for-timing');
  const ok = await passwordHasher.verify(input.password, user?.password_hash ?? (await dummyHash));
  const succeeded = ok && !!user && !user.disabled_at;
  await recordLoginAttempt(db, {
    email: input.email,
    clientAddress: input.clientAddress,
    succeeded,
    at: now,
  });
  await insertAuditLog(db, {
    at: now,
    actorUserId: succeeded ? user.id : null,
    action: succeeded ? 'login' : 'login_failed',
    subjectType: user ? 'user' : undefined,
    subjectId: user?.id,
    clientAddress: input.clientAddress,
    details: succeeded ? undefined : { email: input.email.toLowerCase() },
  });
  if (!succeeded) throw invalidCredentials();

  if (passwordHasher.needsRehash(user.password_hash)) {
    await updateUserPasswordHash(db, user.id, await passwordHasher.hash(input.password), now);
  }
  // NOTE: always a brand-new session at login, so a session id planted before login is useless.
  const session = await lucia.createSession(user.id, { role: user.role });
  return { user, sessionToken: session.id };
}

export async function signOut(lucia: AppLucia, sessionToken: string): Promise<void> {
  await lucia.invalidateSession(sessionToken);
}

/**
 * Changes the password after checking the current one; ends every session of the user
 * (the caller starts a fresh one for the device in hand).
 */
export async function changePassword(
  deps: AppDeps,
  lucia: AppLucia,
  input: { userId: string; currentPassword: string; newPassword: string; clientAddress: string },
): Promise<{ sessionToken: string }> {
  const { db, clock, passwordHasher } = deps;
  const user = await findUserById(db, input.userId);
  if (!user || !(await passwordHasher.verify(input.currentPassword, user.password_hash))) {
    throw new AppError(400, 'wrong_current_password', 'password.wrongCurrent', {
      currentPassword: ['wrong_current_password'],
    });
  }
  const now = clock.now();
  await updateUserPasswordHash(db, user.id, await passwordHasher.hash(input.newPassword), now);
  await lucia.invalidateUserSessions(user.id);
  await insertAuditLog(db, {
    at: now,
    actorUserId: user.id,
    action: 'password_changed',
    subjectType: 'user',
    subjectId: user.id,
    clientAddress: input.clientAddress,
  });
  const session = await lucia.createSession(user.id, { role: user.role });
  return { sessionToken: session.id };
}
