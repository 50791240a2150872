import type { AppDeps, CurrentUser } from '../../context.js';
import { notFound, unprocessable } from '../../lib/errors.js';
import { changeAudited, insertAudited } from '../audit/audit.service.js';
import { findMemberById } from '../members/members.queries.js';
import { getCenterSettings } from '../settings/settings.service.js';
import {
  buildInsertGroup,
  buildInsertReferral,
  buildUpdateLiveGroup,
  findGroup,
  listReferralsForMember,
} from './directory.queries.js';
import type { GroupInput, ReferralInput } from './directory.schemas.js';

/** The area must be one of the center's areas (settings): 422 `unknown_area`. */
async function assertKnownArea(deps: AppDeps, area: string) {
  const { areas } = await getCenterSettings(deps);
  if (!areas.some((a) => a.code === area))
    throw unprocessable('unknown_area', 'dir.rule.unknown_area');
}

const columns = (input: GroupInput) => ({
  name: input.name,
  kind: input.kind,
  area: input.area,
  schedule: input.schedule,
  contact: input.contact,
  age_min: input.ageMin,
  age_max: input.ageMax,
  description: input.description,
  url: input.url,
});

export async function createGroup(deps: AppDeps, actor: CurrentUser | null, input: GroupInput) {
  await assertKnownArea(deps, input.area);
  const id = await insertAudited(
    deps,
    actor,
    { action: 'local_group_added', subjectType: 'local_group' },
    (id, at) =>
      buildInsertGroup(deps.db, {
        id,
        ...columns(input),
        archived_at: null,
        created_by: actor?.id ?? null,
        created_at: at,
        updated_at: at,
      }),
  );
  return (await findGroup(deps.db, id))!;
}

export async function updateGroup(
  deps: AppDeps,
  actor: CurrentUser,
  id: string,
  input: GroupInput,
) {
  await assertKnownArea(deps, input.area);
  const now = deps.clock.now().toISOString();
  await changeLiveGroup(deps, actor, id, 'local_group_updated', {
    ...columns(input),
    updated_at: now,
  });
  return (await findGroup(deps.db, id))!;
}

/** Takes a group off the directory; referral notes that name it keep it. */
export async function archiveGroup(deps: AppDeps, actor: CurrentUser, id: string) {
  const now = deps.clock.now().toISOString();
  await changeLiveGroup(deps, actor, id, 'local_group_archived', {
    archived_at: now,
    updated_at: now,
  });
}

/** One audited change of a group still in the directory; 404 when there is none. */
async function changeLiveGroup(
  deps: AppDeps,
  actor: CurrentUser,
  id: string,
  action: string,
  set: Parameters<typeof buildUpdateLiveGroup>[2],
) {
  const { changed } = await changeAudited(deps, actor, buildUpdateLiveGroup(deps.db, id, set), {
    action,
    subjectType: 'local_group',
    subjectId: id,
  });
  if (!changed) throw notFound();
}

/**
 * Records that staff referred a member's family to a group (404 for an unknown member, 422
 * `unknown_group` for a group not in the directory). Audited: the note is about a family.
 */
export async function addReferral(
  deps: AppDeps,
  actor: CurrentUser,
  memberId: string,
  input: ReferralInput,
) {
  const member = await findMemberById(deps.db, memberId);
  if (!member || member.purged_at) throw notFound();
  const group = await findGroup(deps.db, input.groupId);
  if (!group || group.archived_at) throw unprocessable('unknown_group', 'dir.rule.unknown_group');
  const audit = { subjectType: 'member', subjectId: memberId, details: { groupId: group.id } };
  const id = await insertAudited(deps, actor, { action: 'referral_recorded', ...audit }, (id, at) =>
    buildInsertReferral(deps.db, {
      id,
      member_id: memberId,
      group_id: group.id,
      referred_on: input.referredOn,
      note: input.note || null,
      staff_user_id: actor.id,
      created_at: at,
    }),
  );
  return (await listReferralsForMember(deps.db, memberId)).find((r) => r.id === id)!;
}

/** A "referred to" note as pages show it. */
export interface ReferralNote {
  id: string;
  groupName: string;
  referredOn: string;
  note: string | null;
  staffName: string | null;
}

/**
 * The hook for the staff member page: the "referred to" notes of a member, newest first, as
 * plain data for ReferralsSection (views/pages/directory/referrals.tsx). Staff only: the
 * caller has checked the role.
 */
export async function referralsForMember(
  deps: Pick<AppDeps, 'db'>,
  memberId: string,
): Promise<ReferralNote[]> {
  return (await listReferralsForMember(deps.db, memberId)).map((r) => ({
    id: r.id,
    groupName: r.group_name,
    referredOn: r.referred_on,
    note: r.note,
    staffName: r.staff_name,
  }));
}
