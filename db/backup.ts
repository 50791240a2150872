// `npm run db:backup -- FILE`: a consistent online copy of the database while the center keeps
// writing. VACUUM INTO reads one snapshot (WAL readers never block writers) and writes a compact,
// self-contained file with no -wal to carry along.
import { existsSync } from 'node:fs';
import { loadNodeConfig } from '../src/config.js';
import { openNodeDatabase } from '../src/node/database.js';

export function backupDatabase(sourcePath: string, targetPath: string): void {
  if (existsSync(targetPath)) throw new Error(`${targetPath} exists; choose a new file name`);
  const { sqlite } = openNodeDatabase(sourcePath);
  try {
    sqlite.prepare('VACUUM INTO ?').run(targetPath);
  } finally {
    sqlite.close();
  }
}

if (process.argv[1]?.endsWith('backup.ts')) {
  const target = process.argv[2];
  if (!target) {
    console.error('Usage: npm run db:backup -- FILE');
    process.exit(2);
  }
  const config = loadNodeConfig();
  backupDatabase(config.DATABASE_PATH, target);
  console.log(`Backup written to ${target}`);
}
