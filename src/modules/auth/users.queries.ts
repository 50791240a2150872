import { sql } from 'kysely';
import type { Db } from '../../lib/db.js';
import type { NewUser, Role, User } from '../../../db/schema.js';

export function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  return db
    .selectFrom('user')
    .selectAll()
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

export function findUserById(db: Db, id: string): Promise<User | undefined> {
  return db.selectFrom('user').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(db: Db, user: NewUser): Promise<void> {
  await buildInsertUser(db, user).execute();
}

export function buildInsertUser(db: Db, user: NewUser) {
  return db.insertInto('user').values(user);
}

export async function updateUserPasswordHash(db: Db, id: string, hash: string, at: Date) {
  await db
    .updateTable('user')
    .set({ password_hash: hash, updated_at: at.toISOString() })
    .where('id', '=', id)
    .execute();
}

export async function updateUserLocale(db: Db, id: string, locale: 'ja' | 'en', at: Date) {
  await db
    .updateTable('user')
    .set({ locale, updated_at: at.toISOString() })
    .where('id', '=', id)
    .execute();
}

export function listStaffUsers(db: Db) {
  return db
    .selectFrom('user')
    .select(['id', 'email', 'name', 'role', 'disabled_at', 'created_at'])
    .where('role', 'in', ['admin', 'staff'] satisfies Role[])
    .orderBy('created_at')
    .execute();
}

export function isUniqueEmailViolation(err: unknown): boolean {
  return err instanceof Error && /UNIQUE constraint failed: .*user/i.test(err.message);
}
