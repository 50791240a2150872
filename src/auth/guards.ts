import { isStaff, type AppContext, type CurrentUser } from '../context.js';
import { forbidden, notFound, unauthorized } from '../lib/errors.js';
import type { Member } from '../../db/schema.js';

export function requireUser(c: AppContext): CurrentUser {
  const user = c.var.user;
  if (!user) throw unauthorized();
  return user;
}

export function requireStaff(c: AppContext): CurrentUser {
  const user = requireUser(c);
  if (!isStaff(user)) throw forbidden();
  return user;
}

export function requireAdmin(c: AppContext): CurrentUser {
  const user = requireUser(c);
  if (user.role !== 'admin') throw forbidden();
  return user;
}

/**
 * The signed-in user's own member row with their email, from the request context (read with
 * the session: no query). A user without one (e.g. staff) gets 404; so does a withdrawn member
 * unless `withdrawn` is allowed.
 */
export function requireOwnMember(
  c: AppContext,
  options: { withdrawn?: boolean } = {},
): { user: CurrentUser; member: Member & { email: string } } {
  const user = requireUser(c);
  const member = c.var.member;
  if (!member || (member.withdrawn_at && !options.withdrawn)) throw notFound();
  return { user, member: { ...member, email: user.email } };
}
