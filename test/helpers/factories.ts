import type { AppDeps } from '../../src/context.js';
import { newId } from '../../src/lib/ids.js';
import type { Insertable } from 'kysely';
import type {
  ActivityTable,
  CareRequestTable,
  MemberKind,
  SideStatus,
  User,
} from '../../db/schema.js';
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
  const seq = (sequence += 1);
  const kind = options.kind ?? 'requester';
  const user: User & { password: string } = await createUser(deps, {
    role: 'member',
    email: options.email ?? `member${seq}@example.jp`,
    name: options.name ?? `会員 ${seq}`,
  });
  const now = deps.clock.now().toISOString();
  const requesterStatus = kind === 'helper' ? null : (options.requesterStatus ?? 'active');
  const helperStatus = kind === 'requester' ? null : (options.helperStatus ?? 'active');
  const member = {
    id: newId(),
    user_id: user.id,
    member_no: requesterStatus === 'active' || helperStatus === 'active' ? 1000 + seq : null,
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

/**
 * Loads the default curriculum once per database (idempotent), with CPR valid 36 months: the
 * period these fixtures' dates were written for (the old default; a center may still set it).
 * The defaults since #19 (60 months for CPR and accident prevention) are what the API's
 * load-defaults gives; test/modules/refreshers.test.ts covers them.
 */
export async function ensureCurriculum(deps: AppDeps) {
  const { DEFAULT_CURRICULUM } = await import('../../src/modules/trainings/default-curriculum.js');
  const existing = await deps.db
    .selectFrom('training_module')
    .select(['id', 'code', 'kind'])
    .execute();
  if (existing.length) return existing;
  const now = deps.clock.now().toISOString();
  const rows = DEFAULT_CURRICULUM.map((m) => ({
    id: newId(),
    code: m.code,
    title_ja: m.titleJa,
    title_en: m.titleEn,
    hours: m.hours,
    kind: m.kind,
    validity_mode: m.validityMode,
    validity_months: m.code === 'cpr' ? 36 : m.validityMonths,
    sort_order: m.sortOrder,
    active: 1 as const,
    created_at: now,
  }));
  for (const row of rows) {
    await deps.db
      .insertInto('training_module')
      .values(row)
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  }
  return deps.db.selectFrom('training_module').select(['id', 'code', 'kind']).execute();
}

/**
 * Approved training records that make a helper eligible for matching today (every basic and CPR
 * module, completed this fiscal year so no follow-up is due yet), plus sick-child on request.
 */
export async function qualifyHelper(
  deps: AppDeps,
  memberId: string,
  options: { sickChild?: boolean; completedOn?: string } = {},
) {
  const modules = await ensureCurriculum(deps);
  const completedOn = options.completedOn ?? deps.clock.now().toISOString().slice(0, 10);
  const kinds = options.sickChild ? ['basic', 'cpr', 'sick_child'] : ['basic', 'cpr'];
  const now = deps.clock.now().toISOString();
  for (const m of modules.filter((x) => kinds.includes(x.kind)))
    await insertApprovedRecord(deps, memberId, m.id, completedOn, now);
}

/** One approved training record (an external certificate) of a module on a date. */
export async function insertApprovedRecord(
  deps: AppDeps,
  memberId: string,
  moduleId: string,
  completedOn: string,
  now = deps.clock.now().toISOString(),
) {
  await deps.db
    .insertInto('training_record')
    .values({
      id: newId(),
      member_id: memberId,
      module_id: moduleId,
      completed_on: completedOn,
      source: 'external' as const,
      session_id: null,
      evidence_note: null,
      status: 'approved',
      recorded_by: null,
      reviewed_by: null,
      reviewed_at: null,
      review_note: null,
      created_at: now,
    })
    .execute();
}

/** A helper who can be matched: active, qualified, available on the given weekly slots. */
export async function createEligibleHelper(
  deps: AppDeps,
  options: MemberOptions & {
    slots?: { weekday: number; start: string; end: string }[];
    sickChild?: boolean;
  } = {},
) {
  const helper = await createMember(deps, { kind: 'helper', ...options });
  await qualifyHelper(deps, helper.member.id, { sickChild: options.sickChild });
  const slots =
    options.slots ??
    [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '07:00', end: '21:00' }));
  for (const s of slots) {
    await deps.db
      .insertInto('availability_slot')
      .values({
        id: newId(),
        member_id: helper.member.id,
        weekday: s.weekday,
        start_time: s.start,
        end_time: s.end,
      })
      .execute();
  }
  return helper;
}

type RequestRowInput = Insertable<CareRequestTable>;
type ActivityRowInput = Insertable<ActivityTable>;

/**
 * A completed care request row, inserted directly (report and ranking fixtures that need
 * exact dates). Only the parties and times are required; everything else takes a plain default.
 */
export async function insertRequestRow(
  deps: AppDeps,
  row: Pick<
    RequestRowInput,
    'requester_member_id' | 'starts_at' | 'ends_at' | 'created_by_user_id'
  > &
    Partial<RequestRowInput>,
): Promise<string> {
  const id = row.id ?? newId();
  await deps.db
    .insertInto('care_request')
    .values({
      id,
      series_id: null,
      category: 1,
      care_location: 'helper_home',
      care_location_note: null,
      pickup: null,
      dropoff: null,
      notes: null,
      status: 'completed',
      helper_member_id: null,
      matched_at: null,
      cancelled_at: null,
      cancelled_by_user_id: null,
      cancelled_by_role: null,
      cancel_kind: null,
      cancel_reason: null,
      cancellation_fee: null,
      created_at: row.starts_at,
      updated_at: row.starts_at,
      ...row,
    })
    .execute();
  return id;
}

/** An activity report row for a request, inserted directly; `status` defaults to approved. */
export async function insertActivityRow(
  deps: AppDeps,
  row: Pick<
    ActivityRowInput,
    | 'request_id'
    | 'helper_member_id'
    | 'requester_member_id'
    | 'started_at'
    | 'ended_at'
    | 'fee_total'
  > &
    Partial<ActivityRowInput>,
): Promise<string> {
  const id = row.id ?? newId();
  await deps.db
    .insertInto('activity')
    .values({
      id,
      place: null,
      transport_cost: 0,
      meal_cost: 0,
      notes: null,
      fee_lines: '[]',
      fee_child_totals: '[]',
      fee_table_valid_from: '2020-04-01',
      status: 'approved',
      dispute_reason: null,
      return_reason: null,
      reported_at: row.ended_at,
      confirmed_at: null,
      approved_at: null,
      approved_by: null,
      version: 1,
      created_at: row.ended_at,
      updated_at: row.ended_at,
      ...row,
    })
    .execute();
  return id;
}
