import type { Config } from '../../src/config.js';
import type { AppDeps } from '../../src/context.js';
import { DEMO_LOGINS, DEMO_PASSWORD, isDatabaseEmpty, seedDemoCenter } from './demo.js';

export const NO_ADMIN_YET =
  'New database: no demo accounts in production. Create the first administrator with ' +
  '`npm run admin:create -- --email E --password P --name N`.';

/**
 * What a server does with a database that has no user yet: in production it seeds nothing (a
 * demo account with a published password would be a way in) and says how to create the first
 * administrator; elsewhere it seeds the demo center unless SEED_DEMO=0. Returns the line to log.
 */
export async function prepareNewDatabase(
  deps: AppDeps,
  config: Pick<Config, 'NODE_ENV' | 'SEED_DEMO'>,
): Promise<string | undefined> {
  if (!(await isDatabaseEmpty(deps))) return undefined;
  if (config.NODE_ENV === 'production') return NO_ADMIN_YET;
  if (!config.SEED_DEMO) return undefined;
  await seedDemoCenter(deps);
  return `Demo center seeded. Demo logins (password "${DEMO_PASSWORD}"): ${Object.values(DEMO_LOGINS).join(', ')}`;
}
