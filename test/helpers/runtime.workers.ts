import { applyD1Migrations, reset } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { Kysely } from 'kysely';
import { pbkdf2Hasher } from '../../src/auth/password.js';
import { createD1Atomic } from '../../src/lib/atomic.d1.js';
import { createD1BatchRead } from '../../src/lib/batch-read.js';
import { D1Dialect } from '../../src/lib/d1-dialect.js';
import { r2FileStore } from '../../src/lib/file-store.js';
import { MemoryMailer } from '../../src/lib/mailer.js';
import type { Database } from '../../db/schema.js';
import type { TestRuntime } from './runtime.js';

interface TestEnv {
  DB: D1Database;
  FILES: R2Bucket;
  TEST_MIGRATIONS: { name: string; queries: string[] }[];
}

export const runtime: TestRuntime = {
  name: 'workers',
  async createDeps({ clock, config }) {
    const testEnv = env as unknown as TestEnv;
    await reset(); // every test starts from an empty D1 database
    await applyD1Migrations(testEnv.DB, testEnv.TEST_MIGRATIONS);
    return {
      db: new Kysely<Database>({ dialect: new D1Dialect(testEnv.DB) }),
      atomic: createD1Atomic(testEnv.DB),
      batchRead: createD1BatchRead(testEnv.DB),
      clock,
      files: r2FileStore(testEnv.FILES),
      config,
      mailer: new MemoryMailer(),
      passwordHasher: pbkdf2Hasher,
      peerAddress: (c) => c.req.header('x-test-peer-address') ?? '192.0.2.1',
    };
  },
};
