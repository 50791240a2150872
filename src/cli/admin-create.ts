// `npm run admin:create -- --email E --password P --name N`: the first admin of a new center.
import { loadNodeConfig } from '../config.js';
import { AppError } from '../lib/errors.js';
import { translator } from '../lib/i18n.js';
import { fieldErrors } from '../lib/validation.js';
import { createStaffBody } from '../modules/staff/staff.schemas.js';
import { createStaffAccount } from '../modules/staff/staff.service.js';
import { createNodeDeps } from '../node/deps.js';
import { applyMigrations } from '../../db/migrate.js';
import { readFlags } from './args.js';

const flags = readFlags(process.argv.slice(2));
const parsed = createStaffBody.safeParse({
  email: flags.email,
  password: flags.password,
  name: flags.name,
  role: 'admin',
});
if (!parsed.success) {
  const errors = fieldErrors(parsed.error, translator('en'));
  console.error('Usage: npm run admin:create -- --email E --password P --name N');
  for (const [field, messages] of Object.entries(errors))
    console.error(`  ${field}: ${messages.join(' ')}`);
  process.exit(2);
}
const { sqlite, deps } = createNodeDeps(loadNodeConfig());
applyMigrations(sqlite);
try {
  const user = await createStaffAccount(deps, null, parsed.data);
  console.log(`Admin ${user.email} created.`);
} catch (err) {
  if (err instanceof AppError && err.code === 'email_taken') {
    console.error(`An account with ${parsed.data.email} already exists.`);
    process.exit(1);
  }
  throw err;
} finally {
  sqlite.close();
}
