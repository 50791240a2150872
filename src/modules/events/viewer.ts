import type { CurrentUser } from '../../context.js';
import { isStaff } from '../../context.js';
import type { Db } from '../../lib/db.js';
import type { Member, SideStatus } from '../../../db/schema.js';
import type { Viewer } from './audience.js';
import { findViewerMember } from './events.queries.js';

const inUse = (s: SideStatus | null) => s !== null && s !== 'withdrawn';
const live = (s: SideStatus | null) => s === 'applied' || s === 'active';

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
      active: false,
    };
  return {
    kind: 'member',
    userId: user.id,
    memberId: member.id,
    requester: inUse(member.requester_status),
    helper: inUse(member.helper_status),
    active: live(member.requester_status) || live(member.helper_status),
  };
}
