import type { AppDeps } from '../../context.js';
import { HOUR } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { countPublicApplicationsSince } from './members.queries.js';

export const tooManyApplications = () =>
  new AppError(429, 'too_many_applications', 'apply.tooMany');

/**
 * Public applications (not those staff enter from paper) per client address and in total over
 * the last hour, counted from their audit rows; checked before the password is hashed, so a
 * burst costs a count, not a hash.
 */
export async function assertApplicationAllowed(deps: AppDeps, clientAddress: string | undefined) {
  const since = new Date(deps.clock.now().getTime() - HOUR).toISOString();
  const counts = await countPublicApplicationsSince(deps.db, since, clientAddress ?? '');
  const { APPLICATIONS_PER_ADDRESS_PER_HOUR: perAddress, APPLICATIONS_PER_HOUR: perHour } =
    deps.config;
  if (counts.total >= perHour || counts.fromAddress >= perAddress) throw tooManyApplications();
}
