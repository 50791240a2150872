import { requireUser } from '../../auth/guards.js';
import type { AppContext, CurrentUser } from '../../context.js';
import { tokyoDateOf } from '../../lib/dates.js';
import { notFound } from '../../lib/errors.js';
import { findMemberByUserId, type MemberWithEmail } from '../members/members.queries.js';

/** What the member-facing request pages share (new request, my requests, offers). */

/** The signed-in member (not withdrawn); anyone else gets 404. */
export async function ownMember(
  c: AppContext,
): Promise<{ user: CurrentUser; member: MemberWithEmail }> {
  const user = requireUser(c);
  const member = await findMemberByUserId(c.var.deps.db, user.id);
  if (!member || member.withdrawn_at) throw notFound();
  return { user, member };
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
