import type { Insertable } from 'kysely';
import type { Db } from '../../lib/db.js';
import type { OutboxTable, PasswordResetTable } from '../../../db/schema.js';

/** How many reset links were mailed to the account since `sinceIso`. */
export async function countResetLinksSince(db: Db, userId: string, sinceIso: string) {
  const row = await db
    .selectFrom('password_reset')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('kind', '=', 'link')
    .where('created_at', '>', sinceIso)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function buildInsertPasswordReset(db: Db, row: Insertable<PasswordResetTable>) {
  return db.insertInto('password_reset').values(row);
}

/** A mail straight to the outbox (a reset link goes to an address, not through the inbox). */
export function buildInsertOutboxMail(db: Db, row: Insertable<OutboxTable>) {
  return db.insertInto('outbox').values(row);
}

export function findLiveResetLink(db: Db, secretHash: string, nowIso: string) {
  return db
    .selectFrom('password_reset')
    .select('id')
    .where('secret_hash', '=', secretHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', nowIso)
    .executeTakeFirst();
}

/** The live reset of this kind with this secret, with its account. */
export function findLiveResetSecret(
  db: Db,
  secretHash: string,
  kind: 'link' | 'code',
  nowIso: string,
) {
  return db
    .selectFrom('password_reset')
    .innerJoin('user', 'user.id', 'password_reset.user_id')
    .select(['password_reset.user_id', 'user.email', 'user.disabled_at'])
    .where('password_reset.secret_hash', '=', secretHash)
    .where('password_reset.kind', '=', kind)
    .where('password_reset.used_at', 'is', null)
    .where('password_reset.expires_at', '>', nowIso)
    .executeTakeFirst();
}

/** Claims a live secret: true for the one caller whose UPDATE used it. */
export async function claimResetSecret(db: Db, secretHash: string, nowIso: string) {
  const claim = await db
    .updateTable('password_reset')
    .set({ used_at: nowIso })
    .where('secret_hash', '=', secretHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', nowIso)
    .executeTakeFirst();
  return Number(claim.numUpdatedRows) === 1;
}

export function buildSetPasswordHash(db: Db, userId: string, hash: string, nowIso: string) {
  return db
    .updateTable('user')
    .set({ password_hash: hash, updated_at: nowIso })
    .where('id', '=', userId);
}

export function buildEndSessionsOfUser(db: Db, userId: string) {
  return db.deleteFrom('session').where('user_id', '=', userId);
}

/** Every other live reset of the account is used up. */
export function buildEndLiveResets(db: Db, userId: string, nowIso: string) {
  return db
    .updateTable('password_reset')
    .set({ used_at: nowIso })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null);
}
