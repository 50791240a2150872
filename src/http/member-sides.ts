import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context.js';

/**
 * Which sides (requester, helper) the signed-in member has in use, for the page header and home
 * actions (a helper sees 予定表 and 活動できる日時, a parent does not). One indexed lookup by
 * user_id, on pages only: API handlers check the actual member row themselves.
 */
export const memberSidesMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  c.set('memberSides', null);
  const user = c.var.user;
  if (user?.role === 'member' && !new URL(c.req.url).pathname.startsWith('/api/')) {
    const member = await c.var.deps.db
      .selectFrom('member')
      .select(['requester_status', 'helper_status', 'withdrawn_at'])
      .where('user_id', '=', user.id)
      .executeTakeFirst();
    if (member && !member.withdrawn_at) {
      const inUse = (s: string | null) => s !== null && s !== 'withdrawn';
      c.set('memberSides', {
        requester: inUse(member.requester_status),
        helper: inUse(member.helper_status),
      });
    }
  }
  await next();
});
