// `npm run db:seed`: migrates, then seeds the demo center into an empty database.
import { loadNodeConfig } from '../../src/config.js';
import { createNodeDeps } from '../../src/node/deps.js';
import { applyMigrations } from '../migrate.js';
import { DEMO_LOGINS, DEMO_PASSWORD, isDatabaseEmpty, seedDemoCenter } from './demo.js';

const config = loadNodeConfig();
const { sqlite, deps } = createNodeDeps(config);
applyMigrations(sqlite);
if (await isDatabaseEmpty(deps)) {
  await seedDemoCenter(deps);
  console.log(
    `Demo center seeded. Logins (password "${DEMO_PASSWORD}"): ${Object.values(DEMO_LOGINS).join(', ')}`,
  );
} else {
  console.log('The database already has data: nothing seeded.');
}
sqlite.close();
