import type { Role, SideStatus } from '../../../db/schema.js';

/** The facts about a user that decide whether they may be notified (no database here). */
export interface RecipientFacts {
  role: Role;
  disabled_at: string | null;
  /** null when the user has no member record (staff, admins). */
  member_id: string | null;
  requester_status: SideStatus | null;
  helper_status: SideStatus | null;
  withdrawn_at: string | null;
  purged_at: string | null;
}

const LIVE_SIDE: ReadonlySet<SideStatus> = new Set(['applied', 'active']);

/**
 * Who gets notifications (inbox and mail): never a disabled login; staff and admins always;
 * a member only while at least one side is applied or active. A member whose every side is
 * suspended or withdrawn (or who withdrew or was purged) gets nothing.
 */
export function mayBeNotified(r: RecipientFacts): boolean {
  if (r.disabled_at !== null) return false;
  if (r.role === 'staff' || r.role === 'admin') return true;
  if (r.member_id === null) return true; // a member login whose member record is not written yet
  if (r.withdrawn_at !== null || r.purged_at !== null) return false;
  return [r.requester_status, r.helper_status].some((s) => s !== null && LIVE_SIDE.has(s));
}
