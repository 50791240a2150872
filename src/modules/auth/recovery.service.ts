import type { AppDeps, CurrentUser } from '../../context.js';
import { HOUR, MINUTE } from '../../lib/clock.js';
import { AppError, forbidden, notFound } from '../../lib/errors.js';
import { newId, randomToken, sha256Hex } from '../../lib/ids.js';
import type { Locale } from '../../../db/schema.js';
import { buildAuditInsert } from '../audit/audit.queries.js';
import { translator } from '../../lib/i18n.js';
import { assertNotThrottled } from './auth.service.js';
import { recordLoginAttempt } from '../../auth/throttle.queries.js';
import { findUserByEmail, findUserById } from './users.queries.js';
import {
  buildEndLiveResets,
  buildEndSessionsOfUser,
  buildInsertOutboxMail,
  buildInsertPasswordReset,
  buildSetPasswordHash,
  claimResetSecret,
  countResetLinksSince,
  findLiveResetLink,
  findLiveResetSecret,
} from './recovery.queries.js';

export const RESET_LINK_TTL_MS = 15 * MINUTE;
export const RESET_CODE_TTL_MS = 24 * HOUR;
/** At most this many reset mails per account an hour: the form cannot be used to flood a mailbox. */
const LINKS_PER_HOUR = 3;

export const invalidReset = () => new AppError(400, 'invalid_reset', 'recovery.invalid');

// Crockford's base32 without I, L, O, U: a code read out on the phone is not misheard.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 10; // 50 bits; guessing is throttled like sign-in

function newResetCode(): string {
  const bytes = new Uint8Array(CODE_LENGTH);
  crypto.getRandomValues(bytes);
  const code = [...bytes].map((b) => CODE_ALPHABET[b & 31]).join('');
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** The code as typed: case, spaces, dashes and full-width forms do not matter. */
export const normalizeResetCode = (typed: string) =>
  typed
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');

const secretId = (kind: 'link' | 'code', secret: string) =>
  sha256Hex(kind === 'code' ? `code:${normalizeResetCode(secret)}` : `link:${secret}`);

/**
 * "Forgot password": mails a single-use link through the outbox when the address belongs to an
 * enabled account. The caller answers the same whatever happened; both paths write one batch
 * (the reset, its mail and the audit row, or the audit row alone) so their timing is alike.
 */
export async function requestPasswordReset(
  deps: AppDeps,
  input: { email: string; clientAddress: string; origin: string; locale: Locale },
): Promise<void> {
  const now = deps.clock.now();
  const token = randomToken(32);
  const secretHash = await secretId('link', token);
  const user = await findUserByEmail(deps.db, input.email);
  const audit = (userId: string | null, sent: boolean) =>
    buildAuditInsert(deps.db, {
      at: now,
      actorUserId: null,
      action: 'password_reset_requested',
      subjectType: userId ? 'user' : undefined,
      subjectId: userId ?? undefined,
      clientAddress: input.clientAddress,
      details: { email: input.email.toLowerCase(), sent },
    });
  const recent = user
    ? await countResetLinksSince(deps.db, user.id, new Date(now.getTime() - HOUR).toISOString())
    : 0;
  if (!user || user.disabled_at || recent >= LINKS_PER_HOUR) {
    await deps.atomic([audit(user?.id ?? null, false)]);
    return;
  }
  const locale = user.locale ?? input.locale;
  const t = translator(locale);
  const link = `${input.origin}/reset-password?token=${encodeURIComponent(token)}`;
  await deps.atomic([
    buildInsertPasswordReset(deps.db, {
      id: newId(),
      secret_hash: secretHash,
      user_id: user.id,
      kind: 'link',
      issued_by: null,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + RESET_LINK_TTL_MS).toISOString(),
      used_at: null,
    }),
    buildInsertOutboxMail(deps.db, {
      id: newId(),
      notification_id: null,
      to_email: user.email,
      subject: t('recovery.mailSubject'),
      body: t('recovery.mailBody', { name: user.name, link }),
      locale,
      last_error: null,
      created_at: now.toISOString(),
      sent_at: null,
      next_attempt_at: now.toISOString(),
    }),
    audit(user.id, true),
  ]);
}

/**
 * Staff-assisted recovery: a one-time code shown once to the staff member (to read out on the
 * phone or print), valid 24 hours. Staff issue it for members; admins for staff accounts.
 */
export async function issueResetCode(
  deps: AppDeps,
  issuer: CurrentUser,
  userId: string,
  { account, clientAddress }: { account: 'member' | 'staff'; clientAddress?: string },
): Promise<{ code: string; expiresAt: string }> {
  const user = await findUserById(deps.db, userId);
  if (!user || (user.role === 'member') !== (account === 'member')) throw notFound();
  if (account === 'staff' && issuer.role !== 'admin') throw forbidden();
  const now = deps.clock.now();
  const code = newResetCode();
  const expiresAt = new Date(now.getTime() + RESET_CODE_TTL_MS).toISOString();
  await deps.atomic([
    buildInsertPasswordReset(deps.db, {
      id: newId(),
      secret_hash: await secretId('code', code),
      user_id: user.id,
      kind: 'code',
      issued_by: issuer.id,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      used_at: null,
    }),
    buildAuditInsert(deps.db, {
      at: now,
      actorUserId: issuer.id,
      action: 'password_reset_code_issued',
      subjectType: 'user',
      subjectId: user.id,
      clientAddress,
    }),
  ]);
  return { code, expiresAt };
}

/** Whether a mailed link is still usable (the form is shown only for a live one). */
export async function isLiveResetLink(deps: AppDeps, token: string): Promise<boolean> {
  const row = await findLiveResetLink(
    deps.db,
    await secretId('link', token),
    deps.clock.now().toISOString(),
  );
  return !!row;
}

export type ResetSecret =
  { kind: 'link'; token: string } | { kind: 'code'; email: string; code: string };

/**
 * Sets a new password with a link or a code: the secret is claimed by one conditional UPDATE
 * (so it works once, even for two tabs at the same moment), then the password changes and every
 * session of the account ends. A wrong code counts as a failed sign-in for the throttle.
 */
export async function resetPassword(
  deps: AppDeps,
  input: ResetSecret & { newPassword: string; clientAddress: string },
): Promise<void> {
  if (input.kind === 'code') await assertNotThrottled(deps, input.email, input.clientAddress);
  const secret = input.kind === 'code' ? input.code : input.token;
  const secretHash = await secretId(input.kind, secret);
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  const row = await findLiveResetSecret(deps.db, secretHash, input.kind, nowIso);
  const matches =
    !!row &&
    !row.disabled_at &&
    (input.kind === 'link' || row.email.toLowerCase() === input.email.trim().toLowerCase());
  if (!matches) {
    if (input.kind === 'code')
      await recordLoginAttempt(deps.db, {
        email: input.email,
        clientAddress: input.clientAddress,
        succeeded: false,
        at: now,
      });
    throw invalidReset();
  }
  const hash = await deps.passwordHasher.hash(input.newPassword);
  if (!(await claimResetSecret(deps.db, secretHash, nowIso))) throw invalidReset();
  await deps.atomic([
    buildSetPasswordHash(deps.db, row.user_id, hash, nowIso),
    buildEndSessionsOfUser(deps.db, row.user_id),
    // Other live resets of the account die with this one.
    buildEndLiveResets(deps.db, row.user_id, nowIso),
    buildAuditInsert(deps.db, {
      at: now,
      actorUserId: row.user_id,
      action: input.kind === 'link' ? 'password_reset_by_link' : 'password_reset_by_code',
      subjectType: 'user',
      subjectId: row.user_id,
      clientAddress: input.clientAddress,
    }),
  ]);
  // A fresh start for the throttle: failures before the reset no longer count against the owner.
  await recordLoginAttempt(deps.db, {
    email: row.email,
    clientAddress: input.clientAddress,
    succeeded: true,
    at: now,
  });
}
