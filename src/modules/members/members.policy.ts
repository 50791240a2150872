import { isStaff, type CurrentUser } from '../../context.js';
import type { MemberWithEmail } from './members.queries.js';

/** Staff see every member; a member sees only their own record. */
export function canViewMember(
  user: CurrentUser,
  member: Pick<MemberWithEmail, 'user_id'>,
): boolean {
  return isStaff(user) || member.user_id === user.id;
}

export const isOwnMember = (user: CurrentUser, member: Pick<MemberWithEmail, 'user_id'>) =>
  member.user_id === user.id;

/**
 * Who may see a child and the child's health details (要配慮個人情報): staff, the parent, and a
 * helper to whom the access policy (access/child-access.policy.ts) gives full access through a
 * live match for the child (`matchedHelper`).
 */
export function canViewChild(
  user: CurrentUser,
  parent: Pick<MemberWithEmail, 'user_id'>,
  matchedHelper: boolean,
): boolean {
  return isStaff(user) || parent.user_id === user.id || matchedHelper;
}
