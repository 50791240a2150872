import { requireUser } from '../../auth/guards.js';
import type { AppContext, CurrentUser } from '../../context.js';
import { isStaff } from '../../context.js';
import type { Db } from '../../lib/db.js';
import { AppError, notFound } from '../../lib/errors.js';
import type { Member, SideStatus } from '../../../db/schema.js';
import { contentReach, isApplicant } from '../access/member-content.policy.js';
import { membersOnlySection, type Viewer } from './audience.js';
import { findViewerMember } from './events.queries.js';

const inUse = (s: SideStatus | null) => s !== null && s !== 'withdrawn';

/** The viewer for audience checks: one indexed lookup of the member row for a member. */
export async function loadViewer(db: Db, user: CurrentUser | null): Promise<Viewer> {
  if (!user) return { kind: 'anonymous' };
  if (isStaff(user)) return { kind: 'staff', userId: user.id };
  return viewerOf(user, await findViewerMember(db, user.id));
}

type ViewerMember = Pick<
  Member,
  'id' | 'requester_status' | 'helper_status' | 'withdrawn_at' | 'purged_at'
>;

/**
 * The viewer from a member row already read (the request context's `c.var.member`, read with
 * the session): no query. `member` is the user's own row, or null/undefined when there is none.
 */
export function viewerOf(user: CurrentUser, member: ViewerMember | null | undefined): Viewer {
  if (isStaff(user)) return { kind: 'staff', userId: user.id };
  if (!member || member.withdrawn_at || member.purged_at)
    return {
      kind: 'member',
      userId: user.id,
      memberId: null,
      requester: false,
      helper: false,
      reach: 'public',
      applicant: false,
    };
  return {
    kind: 'member',
    userId: user.id,
    memberId: member.id,
    requester: inUse(member.requester_status),
    helper: inUse(member.helper_status),
    reach: contentReach(member),
    applicant: isApplicant(member),
  };
}

/**
 * The reader of a members-only section (announcements, newsletters, the directory): staff, or a
 * member whose approved side opens members' content. A login whose member record is gone gets
 * 404; an applicant gets 403 `members_only` with a message saying it opens with approval.
 */
export function loadMembersOnlyReader(c: AppContext): Viewer {
  // The member row was read with the session: no query here.
  const viewer = viewerOf(requireUser(c), c.var.member);
  const section = membersOnlySection(viewer);
  if (section === 'not_found') throw notFound();
  if (section === 'members_only') throw new AppError(403, 'members_only', 'access.membersOnly');
  return viewer;
}
