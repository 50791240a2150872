// Shared by the crash-safety test and the backup drill: a file database prepared like the
// server's, writer child processes, and the checks made when the database is opened again.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { applyMigrations } from '../../db/migrate.js';
import { createSessionAdapter } from '../../src/auth/adapter.js';
import { parseConfig } from '../../src/config.js';
import { systemClock } from '../../src/lib/clock.js';
import { newId, randomToken } from '../../src/lib/ids.js';
import { openNodeDatabase } from '../../src/node/database.js';

export const WRITER_SCRIPT = fileURLToPath(new URL('./writer.ts', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Migrates a new database file and signs in a staff member; returns the session token. */
export async function prepareDatabase(path: string): Promise<string> {
  const { sqlite, db } = openNodeDatabase(path);
  try {
    applyMigrations(sqlite);
    const now = systemClock.now().toISOString();
    const userId = newId();
    await db
      .insertInto('user')
      .values({
        id: userId,
        email: `writer-${userId}@example.jp`,
        name: '書き込み 担当',
        role: 'staff',
        // Writers never sign in with a password: they get a session directly.
        password_hash: 'unusable',
        locale: null,
        disabled_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const token = randomToken(20);
    const config = parseConfig({ NODE_ENV: 'test' });
    await createSessionAdapter(db, systemClock, config).setSession({
      id: token,
      userId,
      expiresAt: new Date(Date.now() + 3600_000),
      attributes: { role: 'staff' },
    });
    return token;
  } finally {
    sqlite.close();
  }
}

export interface Ack {
  writer: string;
  seq: number;
  id: string;
}

export interface Writer {
  child: ChildProcess;
  acks: Ack[];
  errors: string[];
  /** Lets a writer started with `waitForGo` open the database and start writing. */
  go: () => void;
  /** Resolves at the first ACK (the writer is up and committing). */
  firstAck: Promise<void>;
  /** Resolves when the process has exited (after a kill or at its write limit). */
  exited: Promise<void>;
}

/** Starts one writer process over `databasePath`; its ACK lines are collected as they arrive. */
export function startWriter(
  databasePath: string,
  token: string,
  name: string,
  options: { maxWrites?: number; waitForGo?: boolean } = {},
): Writer {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER_SCRIPT], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_PATH: databasePath,
      WRITER_SESSION_TOKEN: token,
      WRITER_NAME: name,
      ...(options.maxWrites ? { WRITER_MAX_WRITES: String(options.maxWrites) } : {}),
      ...(options.waitForGo ? { WRITER_WAIT_FOR_GO: '1' } : {}),
    },
    stdio: [options.waitForGo ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  });
  const acks: Ack[] = [];
  const errors: string[] = [];
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let onFirst!: () => void;
  let failFirst!: (err: Error) => void;
  const firstAck = new Promise<void>((resolve, reject) => {
    onFirst = resolve;
    failFirst = reject;
  });
  // A writer killed before it wrote (a spare one) is not an error unless someone awaits it.
  firstAck.catch(() => undefined);
  // Every line is read, including those still in the pipe when the process is killed.
  const lines = createInterface({ input: child.stdout! });
  lines.on('line', (line) => {
    const [kind, writer, seq, id] = line.split(' ');
    if (kind === 'ACK' && writer && seq && id) {
      acks.push({ writer, seq: Number(seq), id });
      onFirst();
    } else if (kind === 'ERR') errors.push(line);
  });
  const exited = new Promise<void>((resolve) => {
    let closed = 0;
    const done = () => {
      closed += 1;
      if (closed === 2) resolve();
    };
    lines.on('close', done);
    child.on('exit', () => {
      failFirst(new Error(`writer ${name} exited before writing: ${stderr.slice(0, 2000)}`));
      done();
    });
  });
  const go = () => {
    child.stdin!.write('go\n');
  };
  return { child, acks, errors, go, firstAck, exited };
}

/** Resolves once the writer has acknowledged `n` writes (polls its collected ACK lines). */
export async function untilAcks(writer: Writer, n: number): Promise<void> {
  while (writer.acks.length < n) {
    if (writer.child.exitCode !== null || writer.child.signalCode !== null)
      throw new Error(`writer exited after ${writer.acks.length} writes`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** What a reopened database holds: integrity, the directory groups and their audit rows. */
export function inspectDatabase(path: string) {
  const { sqlite } = openNodeDatabase(path);
  try {
    const integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .join('; ');
    const groups = sqlite.prepare('SELECT id, name FROM local_group').all() as {
      id: string;
      name: string;
    }[];
    const audited = new Set(
      (
        sqlite
          .prepare("SELECT subject_id FROM audit_log WHERE action = 'local_group_added'")
          .all() as { subject_id: string }[]
      ).map((r) => r.subject_id),
    );
    return { integrity, groups, audited };
  } finally {
    sqlite.close();
  }
}

/** mulberry32: a tiny seeded PRNG so that a failing run can be replayed with its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
