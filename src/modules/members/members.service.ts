import { memberSearchColumns } from '../../lib/search-key.js';
import { sql } from 'kysely';
import { assertApplicationAllowed } from './application-throttle.js';
import type { AppDeps, CurrentUser } from '../../context.js';
import { insertIfPreviousChanged, type Compilable } from '../../lib/atomic.js';
import { tokyoDateOf } from '../../lib/dates.js';
import { AppError, conflict, forbidden, notFound, unprocessable } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { Side, SideStatus, User } from '../../../db/schema.js';
import { buildAuditIfPreviousChanged, buildAuditInsert } from '../audit/audit.queries.js';
import { isUniqueEmailViolation } from '../auth/users.queries.js';
import { getCenterSettings } from '../settings/settings.service.js';
import { emailTaken } from '../staff/staff.service.js';
import { ageInYears, childAgeStatus, type ChildUntil } from './member-rules.js';
import {
  buildChangeSideStatus,
  buildInsertChild,
  buildInsertEmergencyContact,
  buildInsertMember,
  buildInsertMemberUser,
  buildInsertStatusEvent,
  buildLoginFollowsSides,
  buildUpdateChild,
  buildUpdateMember,
  buildUpdateMemberUser,
  buildWithdrawMember,
  deleteContact,
  findContact,
  findMemberById,
  hasAttendedOrientation,
  insertContact,
  type MemberWithEmail,
} from './members.queries.js';
import {
  selfEditableFields,
  type ApplicationInput,
  type ChildInput,
  type ContactInput,
  type MemberPatch,
} from './members.schemas.js';

const statusColumn = (side: Side): 'requester_status' | 'helper_status' =>
  side === 'requester' ? 'requester_status' : 'helper_status';
/** A new row of a side's status history: `change` of `side`, by `by.actorUserId` at `by.at`. */
const statusEvent = (
  memberId: string,
  side: Side,
  change: { from: SideStatus | null; to: SideStatus; reason: string | null },
  by: { actorUserId: string | null; at: string },
) => ({
  id: newId(),
  member_id: memberId,
  side,
  from_status: change.from,
  to_status: change.to,
  reason: change.reason,
  actor_user_id: by.actorUserId,
  at: by.at,
});
/** An audit entry about the member (its subject), with the client's address. */
export const memberEntry = (
  memberId: string,
  action: string,
  details: Record<string, unknown>,
  clientAddress: string | undefined,
) => ({ action, subjectType: 'member', subjectId: memberId, clientAddress, details });
const approvedColumn = (side: Side): 'requester_approved_at' | 'helper_approved_at' =>
  side === 'requester' ? 'requester_approved_at' : 'helper_approved_at';
const hasSide = (member: { kind: string }, side: Side) =>
  member.kind === 'both' || member.kind === side;

/** A field error raised by a service: the message is an i18n key, translated at the edge. */
export const fieldError = (field: string, key: string) =>
  new AppError(400, 'invalid_input', 'error.invalid_input', { [field]: [key] });

export const hasHealthData = (c: Pick<ChildInput, 'allergies' | 'healthNotes' | 'familyDoctor'>) =>
  !!(c.allergies || c.healthNotes || c.familyDoctor);

/** Past the center's upper age limit; the message names that limit (a setting). */
const childTooOld = (until: ChildUntil) =>
  unprocessable('child_too_old', `rule.child_too_old.${until}`);

/** The age rules of DOMAIN.md for the children a requester lists. */
function checkChildrenEligible(
  children: ChildInput[],
  today: string,
  minAgeDays: number,
  until: ChildUntil,
) {
  const statuses = children.map((c) => childAgeStatus(c.birthDate, today, minAgeDays, until));
  if (statuses.includes('not_born')) throw unprocessable('child_not_born');
  if (statuses.includes('too_old')) throw childTooOld(until);
  if (!statuses.includes('eligible'))
    throw unprocessable('no_eligible_child', `rule.no_eligible_child.${until}`, {
      days: minAgeDays,
    });
}

function childRow(memberId: string, input: ChildInput, now: string) {
  return {
    id: newId(),
    member_id: memberId,
    name: input.name,
    name_kana: input.nameKana,
    sex: input.sex ?? null,
    birth_date: input.birthDate,
    school: input.school,
    allergies: input.allergies,
    health_notes: input.healthNotes,
    family_doctor: input.familyDoctor,
    removed_at: null,
    created_at: now,
    updated_at: now,
  };
}

/**
 * A membership application, online or entered by staff. Creates the login, the member with its
 * sides in `applied`, children and emergency contacts, all in one atomic batch.
 */
export async function applyForMembership(
  deps: AppDeps,
  input: ApplicationInput,
  enteredBy: CurrentUser | null,
  clientAddress?: string,
): Promise<MemberWithEmail> {
  if (!enteredBy) await assertApplicationAllowed(deps, clientAddress);
  const settings = await getCenterSettings(deps);
  const nowDate = deps.clock.now();
  const now = nowDate.toISOString();
  const today = tokyoDateOf(nowDate);
  if (!settings.areas.some((a) => a.code === input.area))
    throw fieldError('area', 'validation.choice');
  if (
    input.kind !== 'requester' &&
    ageInYears(input.birthDate, today) < settings.eligibility.helperMinAgeYears
  ) {
    throw unprocessable('helper_too_young', undefined, {
      age: settings.eligibility.helperMinAgeYears,
    });
  }
  // A helper-only application holds no children, whatever was sent.
  if (input.kind === 'helper') input = { ...input, children: [] };
  else
    checkChildrenEligible(
      input.children,
      today,
      settings.eligibility.requesterChildMinAgeDays,
      settings.eligibility.requesterChildUntil,
    );
  if (!input.consent.healthData && input.children.some(hasHealthData))
    throw unprocessable('health_consent_required');

  const userId = newId();
  const memberId = newId();
  const sides: Side[] = input.kind === 'both' ? ['requester', 'helper'] : [input.kind];
  const statements: Compilable[] = [
    buildInsertMemberUser(deps.db, {
      id: userId,
      email: input.email,
      name: input.name,
      role: 'member',
      password_hash: await deps.passwordHasher.hash(input.password),
      locale: null,
      disabled_at: null,
      created_at: now,
      updated_at: now,
    }),
    buildInsertMember(deps.db, {
      id: memberId,
      user_id: userId,
      member_no: null,
      kind: input.kind,
      name: input.name,
      name_kana: input.nameKana,
      birth_date: input.birthDate,
      phone: input.phone,
      postal_code: input.postalCode,
      address: input.address,
      area: input.area,
      ...memberSearchColumns({
        name: input.name,
        name_kana: input.nameKana,
        address: input.address,
        phone: input.phone,
      }),
      requester_status: sides.includes('requester') ? 'applied' : null,
      helper_status: sides.includes('helper') ? 'applied' : null,
      requester_approved_at: null,
      helper_approved_at: null,
      helper_child_age_min_months: null,
      helper_child_age_max_months: null,
      helper_household_notes: null,
      consent_terms_version: settings.consent.termsVersion,
      consent_terms_at: now,
      consent_health_version: input.consent.healthData ? settings.consent.healthDataVersion : null,
      consent_health_at: input.consent.healthData ? now : null,
      entered_by_user_id: enteredBy?.id ?? null,
      withdrawn_at: null,
      withdrawal_reason: null,
      purged_at: null,
      created_at: now,
      updated_at: now,
    }),
    ...input.children.map((c) => buildInsertChild(deps.db, childRow(memberId, c, now))),
    ...input.emergencyContacts.map((c) =>
      buildInsertEmergencyContact(deps.db, {
        id: newId(),
        member_id: memberId,
        ...c,
        created_at: now,
      }),
    ),
    ...sides.map((side) =>
      buildInsertStatusEvent(
        deps.db,
        statusEvent(
          memberId,
          side,
          { from: null, to: 'applied', reason: null },
          { actorUserId: enteredBy?.id ?? userId, at: now },
        ),
      ),
    ),
    buildAuditInsert(deps.db, {
      at: nowDate,
      actorUserId: enteredBy?.id ?? userId,
      ...memberEntry(
        memberId,
        'member_applied',
        {
          kind: input.kind,
          enteredByStaff: !!enteredBy,
          healthConsent: input.consent.healthData,
        },
        clientAddress,
      ),
    }),
  ];
  try {
    await deps.atomic(statements);
  } catch (err) {
    if (isUniqueEmailViolation(err)) throw emailTaken();
    throw err;
  }
  return (await findMemberById(deps.db, memberId))!;
}

/**
 * What taking a helper side away (suspension or withdrawal) does to her offers and assignments:
 * statements for the same batch as the status change, written by the matching module (members
 * must not depend on it; src/modules/matching/matching.wiring.ts registers them). Each statement
 * acts only if the side is no longer usable when it runs, so a refused transition changes nothing.
 */
export type HelperSideEndedStatements = (
  deps: AppDeps,
  member: MemberWithEmail,
  nowIso: string,
) => Promise<Compilable[]>;
let helperSideEnded: HelperSideEndedStatements = () => Promise.resolve([]);
export function registerHelperSideEnded(statements: HelperSideEndedStatements) {
  helperSideEnded = statements;
}

interface Transition {
  side: Side;
  from: SideStatus[];
  to: SideStatus;
  action: string;
  reason?: string | null;
  extraSet?: Record<string, unknown>;
}

/**
 * One status change of one side, as a conditional UPDATE (the state it starts from is part of
 * the WHERE) with its history row and audit row chained to it in the same atomic batch.
 * Any change away from access also ends the member's sessions and, when no side is usable
 * any more, refuses further logins.
 */
async function transition(
  deps: AppDeps,
  actor: CurrentUser | null,
  member: MemberWithEmail,
  t: Transition,
  clientAddress?: string,
) {
  const nowDate = deps.clock.now();
  const now = nowDate.toISOString();
  const column = statusColumn(t.side);
  // Refused before anything is read or built for the batch (its notices are not conditional).
  if (!t.from.includes(member[column] as SideStatus)) throw conflict('invalid_transition');
  const update = buildChangeSideStatus(deps.db, member.id, column, t.from, {
    [column]: t.to,
    updated_at: now,
    ...t.extraSet,
  });
  const changed = await changeSides(deps, actor, member, update, {
    sides: [t.side],
    to: t.to,
    reason: t.reason ?? null,
    action: t.action,
    details: { side: t.side, from: member[column], to: t.to, reason: t.reason ?? null },
    at: nowDate,
    clientAddress,
  });
  if (!changed) throw conflict('invalid_transition');
}

/** A change of a member's sides, as `changeSides` writes it after its UPDATE. */
interface SideChange {
  sides: Side[];
  to: SideStatus;
  reason: string | null;
  /** The audit entry's action and details. */
  action: string;
  details: Record<string, unknown>;
  at: Date;
  clientAddress?: string;
}

/**
 * Runs a change of a member's sides as one atomic batch: `update` (conditional), then, each
 * written only if the statement before it changed a row, the history row of every side it
 * moves and the audit entry; then the login following the sides (sessions ended when the change
 * takes access away) and, when it takes the helper side away, what ends with it. False when
 * `update` changed nothing (and so nothing else was written).
 */
async function changeSides(
  deps: AppDeps,
  actor: CurrentUser | null,
  member: MemberWithEmail,
  update: Compilable,
  change: SideChange,
): Promise<boolean> {
  const now = change.at.toISOString();
  const actorUserId = actor?.id ?? null;
  const takesAccess = change.to === 'suspended' || change.to === 'withdrawn';
  const [updated] = await deps.atomic([
    update,
    ...change.sides.map((side) =>
      insertIfPreviousChanged(
        deps.db,
        'member_status_event',
        statusEvent(
          member.id,
          side,
          { from: member[statusColumn(side)], to: change.to, reason: change.reason },
          { actorUserId, at: now },
        ),
      ),
    ),
    buildAuditIfPreviousChanged(deps.db, {
      at: change.at,
      actorUserId,
      ...memberEntry(member.id, change.action, change.details, change.clientAddress),
    }),
    ...buildLoginFollowsSides(deps.db, member.user_id, now, takesAccess),
    ...(takesAccess && change.sides.includes('helper')
      ? await helperSideEnded(deps, member, now)
      : []),
  ]);
  return !!updated && updated.numAffectedRows !== 0;
}

async function loadForSide(deps: AppDeps, memberId: string, side: Side) {
  const member = await findMemberById(deps.db, memberId);
  if (!member) throw notFound();
  if (!hasSide(member, side)) throw unprocessable('no_such_side');
  return member;
}

/** Approval of one side. The first approval gives the member a number (会員番号). */
export async function approveSide(
  deps: AppDeps,
  actor: CurrentUser,
  memberId: string,
  side: Side,
  clientAddress?: string,
) {
  const member = await loadForSide(deps, memberId, side);
  if (member[statusColumn(side)] !== 'applied') throw conflict('invalid_transition');
  if (side === 'requester' && !(await hasAttendedOrientation(deps.db, memberId)))
    throw unprocessable('orientation_required');
  await transition(
    deps,
    actor,
    member,
    {
      side,
      from: ['applied'],
      to: 'active',
      action: 'member_approved',
      extraSet: {
        [approvedColumn(side)]: deps.clock.now().toISOString(),
        member_no: sql`COALESCE(member_no, (SELECT COALESCE(MAX(member_no), 0) + 1 FROM member))`,
      },
    },
    clientAddress,
  );
  return (await findMemberById(deps.db, memberId))!;
}

export async function suspendSide(
  deps: AppDeps,
  actor: CurrentUser,
  memberId: string,
  side: Side,
  reason: string,
  clientAddress?: string,
) {
  const member = await loadForSide(deps, memberId, side);
  await transition(
    deps,
    actor,
    member,
    { side, from: ['applied', 'active'], to: 'suspended', action: 'member_suspended', reason },
    clientAddress,
  );
  return (await findMemberById(deps.db, memberId))!;
}

export async function reactivateSide(
  deps: AppDeps,
  actor: CurrentUser,
  memberId: string,
  side: Side,
  clientAddress?: string,
) {
  const member = await loadForSide(deps, memberId, side);
  const to: SideStatus = member[approvedColumn(side)] ? 'active' : 'applied';
  await transition(
    deps,
    actor,
    member,
    { side, from: ['suspended'], to, action: 'member_reactivated' },
    clientAddress,
  );
  return (await findMemberById(deps.db, memberId))!;
}

/** 退会: every side withdrawn, sessions ended, login refused. Personal data stays until purge. */
export async function withdrawMember(
  deps: AppDeps,
  actor: CurrentUser | null,
  memberId: string,
  reason: string | null,
  clientAddress?: string,
) {
  const member = await findMemberById(deps.db, memberId);
  if (!member) throw notFound();
  if (member.withdrawn_at) throw conflict('already_withdrawn');
  const nowDate = deps.clock.now();
  const now = nowDate.toISOString();
  const sides = (['requester', 'helper'] as const).filter((s) => member[statusColumn(s)] !== null);
  const update = buildWithdrawMember(deps.db, member.id, {
    withdrawn_at: now,
    withdrawal_reason: reason,
    updated_at: now,
    ...(member.requester_status ? { requester_status: 'withdrawn' as const } : {}),
    ...(member.helper_status ? { helper_status: 'withdrawn' as const } : {}),
  });
  const changed = await changeSides(deps, actor, member, update, {
    sides,
    to: 'withdrawn',
    reason,
    action: 'member_withdrawn',
    details: { reason, bySelf: actor?.id === member.user_id },
    at: nowDate,
    clientAddress,
  });
  if (!changed) throw conflict('already_withdrawn');
  return (await findMemberById(deps.db, memberId))!;
}

const patchColumns: Record<keyof MemberPatch, string> = {
  name: 'name',
  nameKana: 'name_kana',
  birthDate: 'birth_date',
  email: 'email',
  phone: 'phone',
  postalCode: 'postal_code',
  address: 'address',
  area: 'area',
  helperAreas: 'helper_areas',
  helperCategories: 'helper_categories',
  helperChildAgeMinMonths: 'helper_child_age_min_months',
  helperChildAgeMaxMonths: 'helper_child_age_max_months',
  helperMaxChildren: 'helper_max_children',
  helperHasPets: 'helper_has_pets',
  helperSmokerInHome: 'helper_smoker_in_home',
  helperPreschoolersAtHome: 'helper_preschoolers_at_home',
  helperHouseholdNotes: 'helper_household_notes',
};

function toColumnValue(value: unknown): unknown {
  if (Array.isArray(value)) return JSON.stringify(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/** Changes member details. Members may change contact fields and their helper profile only. */
export async function updateMember(
  deps: AppDeps,
  actor: CurrentUser,
  member: MemberWithEmail,
  patch: MemberPatch,
  isStaffActor: boolean,
  clientAddress?: string,
) {
  const keys = Object.keys(patch) as (keyof MemberPatch)[];
  if (!isStaffActor) {
    const notAllowed = keys.filter((k) => !(selfEditableFields as readonly string[]).includes(k));
    if (notAllowed.length) throw forbidden();
  }
  if (patch.area !== undefined) {
    const settings = await getCenterSettings(deps);
    if (!settings.areas.some((a) => a.code === patch.area))
      throw fieldError('area', 'validation.choice');
  }
  if (patch.helperAreas) {
    const settings = await getCenterSettings(deps);
    if (patch.helperAreas.some((code) => !settings.areas.some((a) => a.code === code)))
      throw fieldError('helperAreas', 'validation.choice');
  }
  const min = patch.helperChildAgeMinMonths ?? member.helper_child_age_min_months;
  const max = patch.helperChildAgeMaxMonths ?? member.helper_child_age_max_months;
  if (min !== null && max !== null && min > max)
    throw fieldError('helperChildAgeMaxMonths', 'validation.range');
  const now = deps.clock.now().toISOString();
  const memberSet: Record<string, unknown> = {};
  const userSet: Partial<User> = {};
  for (const key of keys) {
    if (key === 'email') userSet.email = patch.email!;
    else memberSet[patchColumns[key]] = toColumnValue(patch[key]);
    if (key === 'name') userSet.name = patch.name!;
  }
  if (keys.length === 0) return member;
  // The search keys follow the fields they are made of (src/lib/search-key.ts).
  if (keys.some((k) => k === 'name' || k === 'nameKana' || k === 'address' || k === 'phone')) {
    Object.assign(
      memberSet,
      memberSearchColumns({
        name: patch.name ?? member.name,
        name_kana: patch.nameKana ?? member.name_kana,
        address: patch.address ?? member.address,
        phone: patch.phone ?? member.phone,
      }),
    );
  }
  const statements: Compilable[] = [
    buildUpdateMember(deps.db, member.id, { ...memberSet, updated_at: now }),
    ...(Object.keys(userSet).length
      ? [buildUpdateMemberUser(deps.db, member.user_id, { ...userSet, updated_at: now })]
      : []),
    buildAuditInsert(deps.db, {
      at: deps.clock.now(),
      actorUserId: actor.id,
      ...memberEntry(member.id, 'member_updated', { fields: keys }, clientAddress),
    }),
  ];
  try {
    await deps.atomic(statements);
  } catch (err) {
    if (isUniqueEmailViolation(err)) throw emailTaken();
    throw err;
  }
  return (await findMemberById(deps.db, member.id))!;
}

/** Adds a child to a household. Health details need the member's health-data consent. */
export async function addChild(
  deps: AppDeps,
  actor: CurrentUser,
  member: MemberWithEmail,
  input: ChildInput,
) {
  const settings = await getCenterSettings(deps);
  const status = childAgeStatus(
    input.birthDate,
    tokyoDateOf(deps.clock.now()),
    settings.eligibility.requesterChildMinAgeDays,
    settings.eligibility.requesterChildUntil,
  );
  if (status === 'not_born') throw unprocessable('child_not_born');
  if (status === 'too_old') throw childTooOld(settings.eligibility.requesterChildUntil);
  if (hasHealthData(input) && !member.consent_health_at)
    throw unprocessable('health_consent_required');
  const now = deps.clock.now().toISOString();
  const row = childRow(member.id, input, now);
  await deps.atomic([
    buildInsertChild(deps.db, row),
    buildAuditInsert(deps.db, {
      at: deps.clock.now(),
      actorUserId: actor.id,
      action: 'child_added',
      subjectType: 'child',
      subjectId: row.id,
    }),
  ]);
  return row;
}

const childPatchColumns = {
  name: 'name',
  nameKana: 'name_kana',
  sex: 'sex',
  birthDate: 'birth_date',
  school: 'school',
  allergies: 'allergies',
  healthNotes: 'health_notes',
  familyDoctor: 'family_doctor',
} as const;

export async function updateChild(
  deps: AppDeps,
  actor: CurrentUser,
  member: MemberWithEmail,
  childId: string,
  patch: Partial<ChildInput>,
) {
  const keys = Object.keys(patch) as (keyof ChildInput)[];
  if (
    hasHealthData({
      allergies: patch.allergies ?? null,
      healthNotes: patch.healthNotes ?? null,
      familyDoctor: patch.familyDoctor ?? null,
    }) &&
    !member.consent_health_at
  ) {
    throw unprocessable('health_consent_required');
  }
  if (patch.birthDate) {
    const settings = await getCenterSettings(deps);
    const today = tokyoDateOf(deps.clock.now());
    const status = childAgeStatus(
      patch.birthDate,
      today,
      0,
      settings.eligibility.requesterChildUntil,
    );
    if (status === 'not_born') throw unprocessable('child_not_born');
    if (status === 'too_old') throw childTooOld(settings.eligibility.requesterChildUntil);
  }
  const set: Record<string, unknown> = {};
  for (const key of keys) set[childPatchColumns[key]] = patch[key] ?? null;
  const now = deps.clock.now();
  const [update] = await deps.atomic([
    buildUpdateChild(deps.db, member.id, childId, { ...set, updated_at: now.toISOString() }),
    buildAuditIfPreviousChanged(deps.db, {
      at: now,
      actorUserId: actor.id,
      action: 'child_updated',
      subjectType: 'child',
      subjectId: childId,
      details: { fields: keys },
    }),
  ]);
  if (!update || update.numAffectedRows === 0) throw notFound();
}

/** Records the member's consent to hold health data (要配慮個人情報), with the text's version. */
export async function giveHealthConsent(
  deps: AppDeps,
  actor: CurrentUser,
  member: MemberWithEmail,
) {
  const settings = await getCenterSettings(deps);
  const now = deps.clock.now();
  await deps.atomic([
    buildUpdateMember(deps.db, member.id, {
      consent_health_version: settings.consent.healthDataVersion,
      consent_health_at: now.toISOString(),
      updated_at: now.toISOString(),
    }),
    buildAuditInsert(deps.db, {
      at: now,
      actorUserId: actor.id,
      action: 'health_consent_given',
      subjectType: 'member',
      subjectId: member.id,
      details: { version: settings.consent.healthDataVersion },
    }),
  ]);
}

export async function addEmergencyContact(
  deps: AppDeps,
  member: MemberWithEmail,
  input: ContactInput,
) {
  return addContact(deps, 'emergency_contact', member, input);
}

/** Requesters keep at least two emergency contacts: the delete is refused below that. */
export async function removeEmergencyContact(
  deps: AppDeps,
  member: MemberWithEmail,
  contactId: string,
) {
  const keep = hasSide(member, 'requester') ? 2 : 0;
  const table = 'emergency_contact';
  if (await deleteContact(deps.db, table, { memberId: member.id, id: contactId, keep })) return;
  if (!(await findContact(deps.db, table, member.id, contactId))) throw notFound();
  throw unprocessable('two_emergency_contacts');
}

export async function addAuthorizedPickup(
  deps: AppDeps,
  member: MemberWithEmail,
  input: ContactInput,
) {
  return addContact(deps, 'authorized_pickup', member, input);
}

export async function removeAuthorizedPickup(
  deps: AppDeps,
  member: MemberWithEmail,
  pickupId: string,
) {
  const table = 'authorized_pickup';
  if (!(await deleteContact(deps.db, table, { memberId: member.id, id: pickupId, keep: null })))
    throw notFound();
}

async function addContact(
  deps: AppDeps,
  table: 'emergency_contact' | 'authorized_pickup',
  member: MemberWithEmail,
  input: ContactInput,
) {
  const row = {
    id: newId(),
    member_id: member.id,
    ...input,
    created_at: deps.clock.now().toISOString(),
  };
  await insertContact(deps.db, table, row);
  return row;
}

/**
 * Ends one side (status `withdrawn`, with its history row) while the member stays: the annual
 * renewal when a member continues on the other side only. `actor` null: the scheduled job.
 */
export async function endSide(
  deps: AppDeps,
  actor: CurrentUser | null,
  memberId: string,
  side: Side,
  reason: string,
) {
  const member = await loadForSide(deps, memberId, side);
  await transition(deps, actor, member, {
    side,
    from: ['applied', 'active', 'suspended'],
    to: 'withdrawn',
    action: 'member_side_ended',
    reason,
  });
  return (await findMemberById(deps.db, memberId))!;
}
