import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

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

export type MemberKind = 'requester' | 'helper' | 'both';
export type SideStatus = 'applied' | 'active' | 'suspended' | 'withdrawn';
export type Side = 'requester' | 'helper';

export interface MemberTable {
  id: string;
  user_id: string;
  member_no: number | null;
  kind: MemberKind;
  name: string;
  name_kana: string;
  birth_date: string;
  phone: string;
  postal_code: string | null;
  address: string;
  area: string;
  requester_status: SideStatus | null;
  helper_status: SideStatus | null;
  requester_approved_at: string | null;
  helper_approved_at: string | null;
  helper_areas: Generated<string>;
  helper_categories: Generated<string>;
  helper_child_age_min_months: number | null;
  helper_child_age_max_months: number | null;
  helper_max_children: Generated<number>;
  helper_has_pets: Generated<number>;
  helper_smoker_in_home: Generated<number>;
  helper_preschoolers_at_home: Generated<number>;
  helper_household_notes: string | null;
  consent_terms_version: string;
  consent_terms_at: string;
  consent_health_version: string | null;
  consent_health_at: string | null;
  entered_by_user_id: string | null;
  withdrawn_at: string | null;
  withdrawal_reason: string | null;
  purged_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface MemberStatusEventTable {
  id: string;
  member_id: string;
  side: Side;
  from_status: SideStatus | null;
  to_status: SideStatus;
  reason: string | null;
  actor_user_id: string | null;
  at: string;
}

export interface ChildTable {
  id: string;
  member_id: string;
  name: string;
  name_kana: string;
  sex: 'female' | 'male' | 'other' | null;
  birth_date: string;
  school: string | null;
  allergies: string | null;
  health_notes: string | null;
  family_doctor: string | null;
  removed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface EmergencyContactTable {
  id: string;
  member_id: string;
  name: string;
  relation: string;
  phone: string;
  created_at: string;
}

export interface AuthorizedPickupTable {
  id: string;
  member_id: string;
  name: string;
  relation: string;
  phone: string;
  created_at: string;
}

export interface OrientationTable {
  id: string;
  starts_at: string;
  ends_at: string;
  venue: string;
  capacity: number;
  notes: string | null;
  created_by: string | null;
  created_at: string;
}

export interface OrientationRegistrationTable {
  id: string;
  orientation_id: string;
  member_id: string;
  registered_at: string;
  attended: 0 | 1 | null;
  attendance_recorded_at: string | null;
}

export interface Database {
  user: UserTable;
  session: SessionTable;
  login_attempt: LoginAttemptTable;
  audit_log: AuditLogTable;
  setting: SettingTable;
  member: MemberTable;
  member_status_event: MemberStatusEventTable;
  child: ChildTable;
  emergency_contact: EmergencyContactTable;
  authorized_pickup: AuthorizedPickupTable;
  orientation: OrientationTable;
  orientation_registration: OrientationRegistrationTable;
}

export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type SessionRow = Selectable<SessionTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type Member = Selectable<MemberTable>;
export type NewMember = Insertable<MemberTable>;
export type MemberUpdate = Updateable<MemberTable>;
export type Child = Selectable<ChildTable>;
export type NewChild = Insertable<ChildTable>;
export type EmergencyContact = Selectable<EmergencyContactTable>;
export type AuthorizedPickup = Selectable<AuthorizedPickupTable>;
export type Orientation = Selectable<OrientationTable>;
