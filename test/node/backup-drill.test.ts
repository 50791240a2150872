import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, onTestFinished } from 'vitest';
import { backupDatabase } from '../../db/backup.js';
import { applyMigrations } from '../../db/migrate.js';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoCenter } from '../../db/seed/demo.js';
import { createApp } from '../../src/app.js';
import { createScryptHasher } from '../../src/auth/password.node.js';
import { parseConfig } from '../../src/config.js';
import { createNodeDeps } from '../../src/node/deps.js';
import {
  inspectDatabase,
  prepareDatabase,
  REPO_ROOT,
  startWriter,
  untilAcks,
  type Writer,
} from '../reliability/harness.js';

// QUALITY.md "Security and reliability" 7: `npm run db:backup` makes a consistent copy while a
// writer process keeps committing; the copy is restored the way an operator would (put the file
// where DATABASE_PATH points, start the server) and must pass integrity_check and a smoke test.

const dir = mkdtempSync(join(tmpdir(), 'tsunagu-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const WRITER = 'drill';
const config = (path: string) => parseConfig({ NODE_ENV: 'test', DATABASE_PATH: path });

/** Row counts of every table, to compare a copy with the source. */
function tableCounts(path: string) {
  const { sqlite } = createNodeDeps(config(path));
  try {
    const tables = sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => [
        name,
        (sqlite.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n,
      ]),
    );
  } finally {
    sqlite.close();
  }
}

function runCliBackup(source: string, target: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'db:backup', '--', target], {
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_ENV: 'test', DATABASE_PATH: source },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => resolve({ code: code ?? -1, out }));
  });
}

/** The writer's groups in a copy must be exactly its writes 1..k: one point in time, no holes. */
function snapshotOf(path: string) {
  const { integrity, groups, audited } = inspectDatabase(path);
  const seqs = groups
    .filter((g) => g.name.startsWith(`${WRITER}#`))
    .map((g) => Number(g.name.slice(WRITER.length + 1)))
    .sort((a, b) => a - b);
  const k = seqs.length;
  const prefix = seqs.every((s, i) => s === i + 1);
  const torn = groups.filter((g) => !audited.has(g.id)).length;
  return { integrity, k, prefix, torn };
}

it(
  'backs up under write load, then restores and serves the copy',
  { timeout: 240_000 },
  async () => {
    const source = join(dir, 'center.db');
    const token = await prepareDatabase(source);
    {
      // The demo center, with cheap password hashes (the parameters are in each hash string).
      const { sqlite, deps } = createNodeDeps(config(source));
      applyMigrations(sqlite);
      await seedDemoCenter({
        ...deps,
        passwordHasher: createScryptHasher({ N: 2 ** 10, r: 8, p: 1 }),
      });
      sqlite.close();
    }
    const seeded = tableCounts(source);

    const writer: Writer = startWriter(source, token, WRITER);
    onTestFinished(() => void writer.child.kill('SIGKILL')); // also when an expectation fails
    await writer.firstAck;
    await untilAcks(writer, 50);

    const copies = [
      { how: 'backupDatabase()', path: join(dir, 'copy-api.db') },
      { how: 'npm run db:backup', path: join(dir, 'copy-cli.db') },
    ];
    const windows: { before: number }[] = [];
    for (const copy of copies) {
      const before = writer.acks.length;
      if (copy.how === 'npm run db:backup') {
        const { code, out } = await runCliBackup(source, copy.path);
        expect(code, out).toBe(0);
        expect(out).toContain(`Backup written to ${copy.path}`);
      } else {
        backupDatabase(source, copy.path);
      }
      windows.push({ before });
    }
    writer.child.kill('SIGKILL');
    await writer.exited;
    expect(writer.errors).toEqual([]);
    expect(() => backupDatabase(source, copies[0]!.path)).toThrow(/exists/);

    let consistent = 0;
    const ks: number[] = [];
    for (const [i, copy] of copies.entries()) {
      const snap = snapshotOf(copy.path);
      const { before } = windows[i]!;
      expect(snap.integrity, copy.how).toBe('ok');
      expect(snap.prefix, `${copy.how}: writes 1..${snap.k} without holes`).toBe(true);
      expect(snap.torn, copy.how).toBe(0);
      // Every write acknowledged before the copy started is in it. (ACK lines read after a copy
      // lag behind the writer's commits, so they give no sharp upper bound; the prefix does.)
      expect(snap.k).toBeGreaterThanOrEqual(before);
      expect(snap.k).toBeLessThanOrEqual(writer.acks.length + 1);
      ks.push(snap.k);
      // Tables the writer does not touch are exactly as seeded.
      const counts = tableCounts(copy.path);
      for (const table of Object.keys(seeded)) {
        if (table === 'local_group' || table === 'audit_log' || table === 'session') continue;
        expect(counts[table], `${copy.how}: ${table}`).toBe(seeded[table]);
      }
      expect(counts.local_group).toBe(seeded.local_group! + snap.k);
      expect(counts.audit_log).toBe(seeded.audit_log! + snap.k);
      consistent += 1;
    }

    // Restore: the copy becomes the database file the server opens (no -wal/-shm to carry).
    const restored = join(dir, 'restored.db');
    copyFileSync(copies[1]!.path, restored);
    const { sqlite, deps } = createNodeDeps(config(restored));
    expect(applyMigrations(sqlite)).toEqual([]); // the schema came along, nothing pending
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    const app = createApp(deps);
    const login = await app.request('http://localhost/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO_LOGINS.staff, password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const snap = snapshotOf(copies[1]!.path);
    const smoke: [string, (res: Response) => Promise<void>][] = [
      [
        '/api/v1/me',
        async (res) =>
          expect(await res.json()).toMatchObject({ user: { email: DEMO_LOGINS.staff } }),
      ],
      [
        '/api/v1/directory',
        async (res) => {
          const body = (await res.json()) as { total: number };
          expect(body.total).toBe(seeded.local_group! + snap.k);
        },
      ],
      ['/', async (res) => expect(await res.text()).toContain('<html')],
      ['/members', async (res) => expect(await res.text()).toContain('<html')],
      ['/directory', async (res) => expect(await res.text()).toContain(`${WRITER}#1`)],
    ];
    for (const [path, check] of smoke) {
      const res = await app.request(`http://localhost${path}`, { headers: { cookie } });
      expect(res.status, path).toBe(200);
      await check(res);
    }
    sqlite.close();

    console.log(
      `backup drill: ${copies.length} copies while a writer process committed ` +
        `(copies hold drill writes 1..${ks.join(' and 1..')}; ${writer.acks.length} acknowledged in all), ` +
        `integrity ok ${copies.length}/${copies.length}, point-in-time consistent ${consistent}/${copies.length}, ` +
        `restore smoke ${smoke.length + 1}/${smoke.length + 1} (sign-in + ${smoke.length} pages/API)`,
    );
  },
);
