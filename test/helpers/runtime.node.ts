import { createScryptHasher } from '../../src/auth/password.node.js';
import { MemoryMailer } from '../../src/lib/mailer.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openNodeDatabase } from '../../src/node/database.js';
import { nodeFileStore } from '../../src/node/file-store.js';
import { applyMigrations } from '../../db/migrate.js';
import type { TestRuntime } from './runtime.js';

// Cheap scrypt parameters keep tests fast; the production parameters are tested in test/unit.
const testHasher = createScryptHasher({ N: 2 ** 10, r: 8, p: 1 });

export const runtime: TestRuntime = {
  name: 'node',
  createDeps({ clock, config }) {
    const { sqlite, db, atomic } = openNodeDatabase(':memory:');
    applyMigrations(sqlite);
    return Promise.resolve({
      db,
      atomic,
      clock,
      // Uploaded files go to a fresh temporary directory per app.
      files: nodeFileStore(mkdtempSync(join(tmpdir(), 'tsunagu-files-'))),
      config,
      mailer: new MemoryMailer(),
      passwordHasher: testHasher,
      peerAddress: (c) => c.req.header('x-test-peer-address') ?? '192.0.2.1',
    });
  },
};
