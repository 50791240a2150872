import { describe, expect, it } from 'vitest';
import { dumpInserts } from '../../src/cli/d1-dump.js';
import { pbkdf2Hasher } from '../../src/auth/password.js';
import { parseConfig } from '../../src/config.js';
import { ManualClock } from '../../src/lib/clock.js';
import { MemoryMailer } from '../../src/lib/mailer.js';
import { openNodeDatabase } from '../../src/node/database.js';
import { applyMigrations } from '../../db/migrate.js';
import { seedDemoCenter } from '../../db/seed/demo.js';
import { DEFAULT_NOW } from '../helpers/test-app.js';

function migrated() {
  const opened = openNodeDatabase(':memory:');
  applyMigrations(opened.sqlite);
  return opened;
}

function contents(sqlite: ReturnType<typeof migrated>['sqlite']) {
  const tables = sqlite
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'migrations' AND name NOT LIKE '%\\_stamp' ESCAPE '\\' ORDER BY name",
    )
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [
      name,
      (sqlite.prepare(`SELECT * FROM "${name}"`).all() as object[])
        .map((r) => JSON.stringify(r))
        .sort(),
    ]),
  );
}

// cf:seed:local and cf:admin:create write the scratch database out as INSERTs for
// `wrangler d1 execute`: applied to a freshly migrated database they give the same center,
// the trigger-kept report totals included.
describe('the D1 seed file', () => {
  it('rebuilds the demo center exactly on a freshly migrated database', async () => {
    const source = migrated();
    await seedDemoCenter({
      db: source.db,
      atomic: source.atomic,
      clock: new ManualClock(DEFAULT_NOW),
      config: parseConfig({ NODE_ENV: 'test' }),
      mailer: new MemoryMailer(),
      passwordHasher: pbkdf2Hasher,
      peerAddress: () => undefined,
    });
    const target = migrated();
    // wrangler d1 execute --file runs the file as one transaction, as here.
    target.sqlite.exec(`BEGIN;\n${dumpInserts(source.sqlite, { totals: 'copy' })}COMMIT;`);
    const expected = contents(source.sqlite);
    expect(expected.report_day_total?.length).toBeGreaterThan(0);
    expect(contents(target.sqlite)).toEqual(expected);
  }, 60_000);

  it("leaves a live center's own help categories alone (cf:admin:create)", () => {
    const scratch = migrated();
    const live = migrated();
    live.sqlite.prepare("UPDATE help_category SET label_ja = '送迎' WHERE code = 1").run();
    live.sqlite.exec(`BEGIN;\n${dumpInserts(scratch.sqlite, { totals: 'keep' })}COMMIT;`);
    const row = live.sqlite.prepare('SELECT label_ja FROM help_category WHERE code = 1').get();
    expect(row).toEqual({ label_ja: '送迎' });
  });
});
