import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context.js';
import { contentReach } from '../modules/access/member-content.policy.js';

/**
 * Which sides (requester, helper) the signed-in member has in use, for the page header and home
 * actions (a helper sees 予定表 and 活動できる日時, a parent does not). From the member row the
 * session middleware read with the session; on pages only.
 */
export const memberSidesMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  c.set('memberSides', null);
  const { user, member } = c.var;
  if (user?.role === 'member' && member && !member.withdrawn_at) {
    if (!new URL(c.req.url).pathname.startsWith('/api/')) {
      const inUse = (s: string | null) => s !== null && s !== 'withdrawn';
      c.set('memberSides', {
        requester: inUse(member.requester_status),
        helper: inUse(member.helper_status),
        membersContent: contentReach(member) === 'members',
      });
    }
  }
  await next();
});
