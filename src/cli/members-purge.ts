// `npm run members:purge`: anonymises members withdrawn longer ago than the retention setting
// (default 5 years). Safe to run daily (e.g. from cron): already purged members are skipped.
import { loadNodeConfig } from '../config.js';
import { systemClock } from '../lib/clock.js';
import { tokyoDateOf } from '../lib/dates.js';
import { purgeWithdrawnMembers } from '../modules/members/purge.js';
import { createNodeDeps } from '../node/deps.js';
import { applyMigrations } from '../../db/migrate.js';

const { sqlite, deps } = createNodeDeps(loadNodeConfig());
applyMigrations(sqlite);
try {
  const today = tokyoDateOf(systemClock.now());
  const { purged } = await purgeWithdrawnMembers(deps, today);
  console.log(`Purged the personal data of ${purged} withdrawn member(s) (as of ${today}).`);
} finally {
  sqlite.close();
}
