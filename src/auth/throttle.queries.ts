import type { Db } from '../lib/db.js';
import { newId } from '../lib/ids.js';

export async function recordLoginAttempt(
  db: Db,
  attempt: { email: string; clientAddress: string; succeeded: boolean; at: Date },
): Promise<void> {
  await db
    .insertInto('login_attempt')
    .values({
      id: newId(),
      email: attempt.email.toLowerCase(),
      client_address: attempt.clientAddress,
      succeeded: attempt.succeeded ? 1 : 0,
      attempted_at: attempt.at.toISOString(),
    })
    .execute();
}

/**
 * Failures for an account since `sinceIso`, not counting those before its last success; from one
 * address only when `clientAddress` is given (the (account, address) pair).
 */
export async function countRecentAccountFailures(
  db: Db,
  email: string,
  sinceIso: string,
  clientAddress?: string,
) {
  const lastSuccess = await db
    .selectFrom('login_attempt')
    .select((eb) => eb.fn.max('attempted_at').as('at'))
    .where('email', '=', email.toLowerCase())
    .where('succeeded', '=', 1)
    .where('attempted_at', '>', sinceIso)
    .executeTakeFirst();
  const from = lastSuccess?.at && lastSuccess.at > sinceIso ? lastSuccess.at : sinceIso;
  let query = db
    .selectFrom('login_attempt')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('email', '=', email.toLowerCase())
    .where('succeeded', '=', 0)
    .where('attempted_at', '>', from);
  if (clientAddress !== undefined) query = query.where('client_address', '=', clientAddress);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countRecentAddressFailures(db: Db, clientAddress: string, sinceIso: string) {
  const row = await db
    .selectFrom('login_attempt')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('client_address', '=', clientAddress)
    .where('succeeded', '=', 0)
    .where('attempted_at', '>', sinceIso)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function deleteLoginAttemptsBefore(db: Db, beforeIso: string) {
  await db.deleteFrom('login_attempt').where('attempted_at', '<', beforeIso).execute();
}
