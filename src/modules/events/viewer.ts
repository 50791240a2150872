import { requireUser } from '../../auth/guards.js';
import type { AppContext, CurrentUser } from '../../context.js';
import { isStaff } from '../../context.js';
import type { Db } from '../../lib/db.js';
import { AppError, notFound } from '../../lib/errors.js';
import type { SideStatus } from '../../../db/schema.js';
import { contentReach, isApplicant } from '../access/member-content.policy.js';
import { membersOnlySection, type Viewer } from './audience.js';
import { findViewerMember } from './events.queries.js';

const inUse = (s: SideStatus | null) => s !== null && s !== 'withdrawn';

/** The viewer for audience checks: one indexed lookup of the member row for a member. */
export async function loadViewer(db: Db, user: CurrentUser | null): Promise<Viewer> {
  if (!user) return { kind: 'anonymous' };
  if (isStaff(user)) return { kind: 'staff', userId: user.id };
  const member = await findViewerMember(db, user.id);
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
export async function loadMembersOnlyReader(c: AppContext): Promise<Viewer> {
  const viewer = await loadViewer(c.var.deps.db, requireUser(c));
  const section = membersOnlySection(viewer);
  if (section === 'not_found') throw notFound();
  if (section === 'members_only') throw new AppError(403, 'members_only', 'access.membersOnly');
  return viewer;
}
