import type { AppDeps } from '../../src/context.js';
import { newId } from '../../src/lib/ids.js';
import type { MemberKind, SideStatus, User } from '../../db/schema.js';
import { createUser } from './test-app.js';

let sequence = 0;

export interface MemberOptions {
  kind?: MemberKind;
  requesterStatus?: SideStatus;
  helperStatus?: SideStatus;
  area?: string;
  birthDate?: string;
  name?: string;
  email?: string;
  healthConsent?: boolean;
}

/** A member with a login, created directly in the database in the requested state. */
export async function createMember(deps: AppDeps, options: MemberOptions = {}) {
  sequence += 1;
  const kind = options.kind ?? 'requester';
  const user: User & { password: string } = await createUser(deps, {
    role: 'member',
    email: options.email ?? `member${sequence}@example.jp`,
    name: options.name ?? `会員 ${sequence}`,
  });
  const now = deps.clock.now().toISOString();
  const requesterStatus = kind === 'helper' ? null : (options.requesterStatus ?? 'active');
  const helperStatus = kind === 'requester' ? null : (options.helperStatus ?? 'active');
  const member = {
    id: newId(),
    user_id: user.id,
    member_no: requesterStatus === 'active' || helperStatus === 'active' ? 1000 + sequence : null,
    kind,
    name: user.name,
    name_kana: 'カイイン',
    birth_date: options.birthDate ?? '1985-06-15',
    phone: '090-1234-5678',
    postal_code: null,
    address: 'みどり市中央1-2-3',
    area: options.area ?? 'chuo',
    requester_status: requesterStatus,
    helper_status: helperStatus,
    requester_approved_at: requesterStatus === 'active' ? now : null,
    helper_approved_at: helperStatus === 'active' ? now : null,
    helper_child_age_min_months: null,
    helper_child_age_max_months: null,
    helper_household_notes: null,
    consent_terms_version: '2026-04',
    consent_terms_at: now,
    consent_health_version: options.healthConsent === false ? null : '2026-04',
    consent_health_at: options.healthConsent === false ? null : now,
    entered_by_user_id: null,
    withdrawn_at: null,
    withdrawal_reason: null,
    purged_at: null,
    created_at: now,
    updated_at: now,
  } as const;
  await deps.db.insertInto('member').values(member).execute();
  return { user, member };
}

export async function createChild(
  deps: AppDeps,
  memberId: string,
  options: { birthDate?: string; name?: string; allergies?: string | null } = {},
) {
  sequence += 1;
  const now = deps.clock.now().toISOString();
  const child = {
    id: newId(),
    member_id: memberId,
    name: options.name ?? `子ども ${sequence}`,
    name_kana: 'コドモ',
    sex: null,
    birth_date: options.birthDate ?? '2021-05-10',
    school: 'みどり保育園',
    allergies: options.allergies === undefined ? '卵' : options.allergies,
    health_notes: '喘息の既往あり',
    family_doctor: 'みどり小児科',
    removed_at: null,
    created_at: now,
    updated_at: now,
  };
  await deps.db.insertInto('child').values(child).execute();
  return child;
}
