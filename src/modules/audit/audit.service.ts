import type { AppDeps, CurrentUser } from '../../context.js';
import type { Compilable } from '../../lib/atomic.js';
import { newId } from '../../lib/ids.js';
import { buildAuditInsert, type AuditEntry } from './audit.queries.js';

/**
 * Adds a row and its audit entry in one atomic batch, by `actor` (null: the system) now:
 * `insert` (its statement or statements) gets the new id and the instant (ISO) for its
 * `created_at`; the audit entry is about that id unless it names its subject. Answers the id.
 */
export async function insertAudited(
  deps: AppDeps,
  actor: CurrentUser | null,
  entry: Omit<AuditEntry, 'at' | 'actorUserId'>,
  insert: (id: string, at: string) => Compilable | Compilable[],
): Promise<string> {
  const id = newId();
  const now = deps.clock.now();
  await deps.atomic([
    ...[insert(id, now.toISOString())].flat(),
    buildAuditInsert(deps.db, {
      subjectId: id,
      ...entry,
      at: now,
      actorUserId: actor?.id ?? null,
    }),
  ]);
  return id;
}
