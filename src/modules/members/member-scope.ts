import { createMiddleware } from 'hono/factory';
import { requireUser } from '../../auth/guards.js';
import { isStaff, type AppContext, type AppEnv, type CurrentUser } from '../../context.js';
import { guardedValue } from '../../http/guarded.js';
import { notFound } from '../../lib/errors.js';
import { findMemberById, findMemberByUserId, type MemberWithEmail } from './members.queries.js';
import { canViewMember } from './members.policy.js';

/** The member at `id` if the caller may see it (staff, or the member themselves), else 404. */
export async function loadVisibleMember(c: AppContext, id: string) {
  const user = requireUser(c);
  const member = await findMemberById(c.var.deps.db, id);
  if (!member || !canViewMember(user, member)) throw notFound();
  return { user, member };
}

const visible = guardedValue<{ user: CurrentUser; member: MemberWithEmail }>('memberInScope');

/**
 * The object check of a `/members/{id}/…` API route, before validation: someone else's record
 * is a 404 whatever the body says. The handler reads what it loaded with `scopedMember(c)`.
 */
export const memberInScope = createMiddleware<AppEnv>(async (c, next) => {
  visible.set(c, await loadVisibleMember(c, c.req.param('id') ?? ''));
  await next();
});
export const scopedMember = visible.of;

/**
 * The member an enrolment or registration acts for: staff name one (`memberId`); a member only
 * ever acts for herself, and another member's id is treated as unknown (404).
 */
export async function memberActedFor(
  c: AppContext,
  requested: string | undefined,
): Promise<{ user: CurrentUser; memberId: string; byStaff: boolean }> {
  const user = requireUser(c);
  if (isStaff(user)) {
    if (!requested) throw notFound();
    return { user, memberId: requested, byStaff: true };
  }
  const own = await findMemberByUserId(c.var.deps.db, user.id);
  if (!own || (requested && requested !== own.id)) throw notFound();
  return { user, memberId: own.id, byStaff: false };
}
