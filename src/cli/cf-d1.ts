/**
 * A center on Workers from the command line, through `wrangler d1 execute` (no Node database):
 *   npm run cf:admin:create -- --email E --password P --name N [--remote]
 *   npm run cf:seed:local
 * (`--persist-to DIR`: a local D1 kept in DIR, as `wrangler dev --persist-to DIR` reads it.)
 * The rows are made by the app's own domain functions (createStaffAccount, seedDemoCenter) on a
 * scratch in-memory database with the Worker's password hashing (PBKDF2, src/auth/password.ts),
 * then written out as INSERT statements and applied to the D1 database (local by default).
 * The seed is for a freshly migrated database (`npm run cf:migrate:local` first).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { pbkdf2Hasher } from '../auth/password.js';
import { parseConfig } from '../config.js';
import type { AppDeps } from '../context.js';
import { systemClock } from '../lib/clock.js';
import { translator } from '../lib/i18n.js';
import { consoleMailer } from '../lib/mailer.js';
import { fieldErrors } from '../lib/validation.js';
import { createStaffBody } from '../modules/staff/staff.schemas.js';
import { createStaffAccount } from '../modules/staff/staff.service.js';
import { openNodeDatabase } from '../node/database.js';
import { applyMigrations } from '../../db/migrate.js';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoCenter } from '../../db/seed/demo.js';
import { readFlags } from './args.js';
import { dumpInserts } from './d1-dump.js';

function scratchDeps(): { sqlite: Database.Database; deps: AppDeps } {
  const { sqlite, db, atomic } = openNodeDatabase(':memory:');
  applyMigrations(sqlite);
  const deps: AppDeps = {
    db,
    atomic,
    clock: systemClock,
    config: parseConfig({ NODE_ENV: 'production' }),
    mailer: consoleMailer,
    passwordHasher: pbkdf2Hasher, // as the Worker hashes and verifies
    peerAddress: () => undefined,
  };
  return { sqlite, deps };
}

function execute(sqlText: string, remote: boolean, persistTo?: string): number {
  const dir = mkdtempSync(join(tmpdir(), 'tsunagu-d1-'));
  const file = join(dir, 'rows.sql');
  writeFileSync(file, sqlText);
  try {
    const args = [
      'wrangler',
      'd1',
      'execute',
      'DB',
      remote ? '--remote' : '--local',
      '--file',
      file,
      ...(persistTo && !remote ? ['--persist-to', persistTo] : []),
    ];
    const run = spawnSync('npx', args, { stdio: 'inherit' });
    return run.status ?? 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  const remote = rest.includes('--remote');
  const persistTo = readFlags(rest)['persist-to'];
  const { sqlite, deps } = scratchDeps();
  if (command === 'admin:create') {
    const { 'persist-to': _where, ...flags } = readFlags(rest);
    const parsed = createStaffBody.safeParse({ ...flags, role: 'admin' });
    if (!parsed.success) {
      console.error('Usage: npm run cf:admin:create -- --email E --password P --name N [--remote]');
      for (const [field, messages] of Object.entries(fieldErrors(parsed.error, translator('en'))))
        console.error(`  ${field}: ${messages.join(' ')}`);
      return 2;
    }
    await createStaffAccount(deps, null, parsed.data);
    const status = execute(dumpInserts(sqlite, { totals: 'keep' }), remote, persistTo);
    if (status === 0)
      console.log(
        `Admin ${parsed.data.email} created on the ${remote ? 'remote' : 'local'} D1 database.`,
      );
    return status;
  }
  if (command === 'seed') {
    await seedDemoCenter(deps);
    const status = execute(dumpInserts(sqlite, { totals: 'copy' }), remote, persistTo);
    if (status === 0)
      console.log(
        `Demo center seeded. Logins (password "${DEMO_PASSWORD}"): ${Object.values(DEMO_LOGINS).join(', ')}`,
      );
    return status;
  }
  console.error('Usage: tsx src/cli/cf-d1.ts admin:create|seed [--remote]');
  return 2;
}

process.exitCode = await main();
