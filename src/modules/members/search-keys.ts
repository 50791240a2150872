import type { AppDeps } from '../../context.js';
import { memberSearchColumns } from '../../lib/search-key.js';
import { buildFillSearchKeys, listMembersWithoutSearchKey } from './members.queries.js';

const CHUNK = 100;

/**
 * Fills the search keys of members written before migration 0016 (SQL cannot compute NFKC, so
 * the migration leaves them NULL). Idempotent and safe beside live writes: each UPDATE applies
 * only while the key is still NULL, and every write path sets the keys itself.
 */
export async function backfillMemberSearchKeys(deps: AppDeps): Promise<{ filled: number }> {
  let filled = 0;
  for (;;) {
    const rows = await listMembersWithoutSearchKey(deps.db, CHUNK);
    if (rows.length === 0) return { filled };
    await deps.atomic(
      rows.map((row) => buildFillSearchKeys(deps.db, row.id, memberSearchColumns(row))),
    );
    filled += rows.length;
    if (rows.length < CHUNK) return { filled };
  }
}
