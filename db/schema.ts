import type { Insertable, Selectable, Updateable } from 'kysely';

// The Kysely view of db/migrations/*.sql. test/unit/schema.test.ts keeps the two in step.

export type Role = 'admin' | 'staff' | 'member';
export type Locale = 'ja' | 'en';

export interface UserTable {
  id: string;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  locale: Locale | null;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  idle_expires_at: string;
  absolute_expires_at: string;
}

export interface LoginAttemptTable {
  id: string;
  email: string;
  client_address: string;
  succeeded: 0 | 1;
  attempted_at: string;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_user_id: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  client_address: string | null;
  details: string | null;
}

export interface SettingTable {
  key: string;
  value: string;
  updated_at: string;
  updated_by: string | null;
}

export interface Database {
  user: UserTable;
  session: SessionTable;
  login_attempt: LoginAttemptTable;
  audit_log: AuditLogTable;
  setting: SettingTable;
}

export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type SessionRow = Selectable<SessionTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
