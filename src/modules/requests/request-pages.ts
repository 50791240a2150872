import { requireOwnMember } from '../../auth/guards.js';
import type { AppContext, CurrentUser } from '../../context.js';
import { tokyoDateOf } from '../../lib/dates.js';
import type { MemberWithEmail } from '../members/members.queries.js';

/** What the member-facing request pages share (new request, my requests, offers). */

/** The signed-in member (not withdrawn), as read with the session; anyone else gets 404. */
export function ownMember(c: AppContext): { user: CurrentUser; member: MemberWithEmail } {
  return requireOwnMember(c);
}

export const todayOf = (c: AppContext) => tokyoDateOf(c.var.deps.clock.now());

/** A series' weekdays as stored (a JSON list); anything unreadable is none. */
export function parseWeekdays(json: string): number[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((d): d is number => typeof d === 'number') : [];
  } catch {
    return [];
  }
}
