import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import {
  inspectDatabase,
  prepareDatabase,
  seededRandom,
  startWriter,
  type Writer,
} from './harness.js';

// QUALITY.md "Security and reliability" 6: writer processes are killed with SIGKILL at random
// moments while committing; after each round the database must open with integrity_check ok and
// hold every write that a writer acknowledged. One database file lives through all rounds, so
// each reopen also recovers from the previous crashes.
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 30);
const WRITERS_PER_ROUND = 2;
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 2 ** 31);

const dir = mkdtempSync(join(tmpdir(), 'tsunagu-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out: ${what}`)), ms)),
  ]);
}

it(
  `keeps every acknowledged write through ${ROUNDS} rounds of kill -9`,
  { timeout: 600_000 },
  async () => {
    console.log(`crash safety: seed ${SEED} (replay with CRASH_SEED=${SEED})`);
    const random = seededRandom(SEED);
    const path = join(dir, 'center.db');
    const token = await prepareDatabase(path);
    const spawnRound = (round: number) =>
      Array.from({ length: WRITERS_PER_ROUND }, (_, i) =>
        startWriter(path, token, `r${round}w${i}`, { waitForGo: true }),
      );

    const acked = new Map<string, string>(); // id → writer#seq
    let integrityOk = 0;
    let lost = 0;
    let torn = 0;
    let unacknowledged = 0;
    let errors = 0;
    let next: Writer[] = spawnRound(1);
    for (let round = 1; round <= ROUNDS; round++) {
      const writers = next;
      for (const w of writers) w.go();
      await withTimeout(
        Promise.all(writers.map((w) => w.firstAck)),
        60_000,
        `round ${round} writers start`,
      );
      // The next round's writers load their modules while this round writes.
      next = round < ROUNDS ? spawnRound(round + 1) : [];
      // Each writer dies at its own random moment, 0–400 ms after its first commit.
      await Promise.all(
        writers.map(
          (w) =>
            new Promise<void>((resolve) =>
              setTimeout(
                () => {
                  w.child.kill('SIGKILL');
                  resolve();
                },
                Math.floor(random() * 400),
              ),
            ),
        ),
      );
      await withTimeout(Promise.all(writers.map((w) => w.exited)), 30_000, `round ${round} exit`);
      for (const w of writers) {
        expect(w.child.signalCode).toBe('SIGKILL');
        errors += w.errors.length;
        for (const a of w.acks) acked.set(a.id, `${a.writer}#${a.seq}`);
      }

      const { integrity, groups, audited } = inspectDatabase(path);
      if (integrity === 'ok') integrityOk += 1;
      const present = new Set(groups.map((g) => g.id));
      const missing = [...acked.keys()].filter((id) => !present.has(id));
      lost = Math.max(lost, missing.length);
      // The group and its audit row are one atomic batch: never one without the other.
      torn += groups.filter((g) => !audited.has(g.id)).length;
      torn += [...audited].filter((id) => !present.has(id)).length;
      unacknowledged = groups.length - acked.size;
      expect(integrity, `round ${round}`).toBe('ok');
      expect(missing, `round ${round}: acknowledged writes missing`).toEqual([]);
    }

    console.log(
      `crash safety: ${ROUNDS} rounds, ${acked.size} acknowledged writes, ${lost} lost, ` +
        `integrity ok ${integrityOk}/${ROUNDS} ` +
        `(torn batches ${torn}, committed but killed before the ACK ${unacknowledged}, ` +
        `failed writes ${errors}, seed ${SEED})`,
    );
    expect(integrityOk).toBe(ROUNDS);
    expect(lost).toBe(0);
    expect(torn).toBe(0);
    expect(errors).toBe(0);
    // Committed-but-unacknowledged writes are at most one per killed writer.
    expect(unacknowledged).toBeGreaterThanOrEqual(0);
    expect(unacknowledged).toBeLessThanOrEqual(ROUNDS * WRITERS_PER_ROUND);
  },
);
