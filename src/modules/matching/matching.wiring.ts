import { registerLiveMatchCheck } from '../members/children.access.js';
import { hasLiveMatchForChild } from '../requests/requests.queries.js';

/**
 * Connects matching to the members module, which must not depend on it: a matched helper may
 * read the child's health details. (Scheduled jobs are listed in src/jobs/index.ts.)
 */
export function wireMatching() {
  registerLiveMatchCheck((deps, helperUserId, childId) =>
    hasLiveMatchForChild(deps.db, helperUserId, childId),
  );
}
