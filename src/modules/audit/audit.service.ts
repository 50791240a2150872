import type { AppDeps, CurrentUser } from '../../context.js';
import type { AtomicResult, Compilable } from '../../lib/atomic.js';
import { newId } from '../../lib/ids.js';
import { buildAuditIfPreviousChanged, buildAuditInsert, type AuditEntry } from './audit.queries.js';

type AuditedEntry = Omit<AuditEntry, 'at' | 'actorUserId'>;

/**
 * Adds a row and its audit entry in one atomic batch, by `actor` (null: the system) now:
 * `insert` (its statement or statements) gets the new id and the instant (ISO) for its
 * `created_at`; the audit entry is about that id unless it names its subject (an entry that
 * needs the new id, e.g. in its details, is given as a function of it). Answers the id.
 */
export async function insertAudited(
  deps: AppDeps,
  actor: CurrentUser | null,
  entry: AuditedEntry | ((id: string) => AuditedEntry),
  insert: (id: string, at: string) => Compilable | Compilable[],
): Promise<string> {
  const id = newId();
  const now = deps.clock.now();
  await deps.atomic([
    ...[insert(id, now.toISOString())].flat(),
    buildAuditInsert(deps.db, {
      subjectId: id,
      ...(typeof entry === 'function' ? entry(id) : entry),
      at: now,
      actorUserId: actor?.id ?? null,
    }),
  ]);
  return id;
}

/**
 * A conditional change (UPDATE or DELETE: its last statement is the one that counts) and its
 * audit entry by `actor` now, written only if that statement changed a row, in one atomic batch
 * with what follows from the change (`then`, e.g. a promotion from the waitlist). Answers
 * whether it changed a row, and the results of `then` (`after`).
 */
export async function changeAudited(
  deps: AppDeps,
  actor: CurrentUser,
  change: Compilable | readonly Compilable[],
  entry: Omit<AuditEntry, 'at' | 'actorUserId'> & { at?: Date },
  then: Compilable[] = [],
): Promise<{ changed: boolean; after: AtomicResult[] }> {
  const statements = [change].flat();
  const results = await deps.atomic([
    ...statements,
    buildAuditIfPreviousChanged(deps.db, { at: deps.clock.now(), ...entry, actorUserId: actor.id }),
    ...then,
  ]);
  const counted = results[statements.length - 1];
  return {
    changed: !!counted && counted.numAffectedRows > 0,
    after: results.slice(statements.length + 1),
  };
}
