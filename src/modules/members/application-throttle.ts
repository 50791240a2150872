import { sql } from 'kysely';
import type { AppDeps } from '../../context.js';
import { HOUR } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';

export const tooManyApplications = () =>
  new AppError(429, 'too_many_applications', 'apply.tooMany');

/**
 * Public applications (not those staff enter from paper) per client address and in total over
 * the last hour, counted from their audit rows; checked before the password is hashed, so a
 * burst costs a count, not a hash.
 */
export async function assertApplicationAllowed(deps: AppDeps, clientAddress: string | undefined) {
  const since = new Date(deps.clock.now().getTime() - HOUR).toISOString();
  const row = await deps.db
    .selectFrom('audit_log')
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn
        .sum<number>(sql`CASE WHEN client_address = ${clientAddress ?? ''} THEN 1 ELSE 0 END`)
        .as('fromAddress'),
    ])
    .where('action', '=', 'member_applied')
    .where('at', '>', since)
    .where(sql<boolean>`json_extract(details, '$.enteredByStaff') = 0`)
    .executeTakeFirstOrThrow();
  const { APPLICATIONS_PER_ADDRESS_PER_HOUR: perAddress, APPLICATIONS_PER_HOUR: perHour } =
    deps.config;
  if (Number(row.total) >= perHour || Number(row.fromAddress ?? 0) >= perAddress)
    throw tooManyApplications();
}
