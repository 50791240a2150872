import { registerScheduledJob } from '../../jobs/scheduled.js';
import { registerLiveMatchCheck } from '../members/children.access.js';
import { expireOffers, notifyPreMeetingsDue } from './offers.service.js';
import { hasLiveMatchForChild } from '../requests/requests.queries.js';

/**
 * Connects matching to the modules that must not depend on it: a matched helper may read the
 * child's health details, and offers past their expiry are closed on the scheduler's beat.
 */
export function wireMatching() {
  registerLiveMatchCheck((deps, helperUserId, childId) =>
    hasLiveMatchForChild(deps.db, helperUserId, childId),
  );
  registerScheduledJob('expire-offers', async (deps, now) => {
    await expireOffers(deps, now);
  });
  registerScheduledJob('pre-meetings-due', notifyPreMeetingsDue);
}
