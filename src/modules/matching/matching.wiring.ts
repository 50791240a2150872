import { requestAccess, strongestAccess } from '../access/child-access.policy.js';
import { registerChildMatchAccess } from '../members/children.access.js';
import { registerHelperSideEnded } from '../members/members.service.js';
import { listHelperRequestsForChild } from '../requests/requests.queries.js';
import { helperSideEndedStatements } from './helper-side.service.js';

/**
 * Connects matching to the members module, which must not depend on it: what a helper's
 * requests for a child give her of that child, decided by the access policy, and what ending a
 * helper side does to her offers and assignments. (Scheduled jobs are listed in src/jobs/index.ts.)
 */
export function wireMatching() {
  registerHelperSideEnded(helperSideEndedStatements);
  registerChildMatchAccess(async (deps, helperUserId, childId) => {
    const rows = await listHelperRequestsForChild(deps.db, helperUserId, childId);
    return strongestAccess(
      rows.map((r) =>
        requestAccess(
          { id: r.viewer_id, helper_status: r.helper_status, withdrawn_at: r.withdrawn_at },
          r,
          r.offer_status,
        ),
      ),
    );
  });
}
