import type { AppDeps } from '../../context.js';
import type { Compilable } from '../../lib/atomic.js';
import { isValidDateString, tokyoInstant } from '../../lib/dates.js';
import { buildAuditIfPreviousChanged } from '../audit/audit.queries.js';
import { getRetention } from '../settings/settings.service.js';
import {
  buildAnonymiseChildren,
  buildAnonymiseMember,
  buildDeletePersonalRows,
  buildRetireLogin,
  listPurgeCandidates,
} from './purge.queries.js';

export const PURGED_MEMBER_NAME = '退会者';
export const PURGED_MEMBER_KANA = 'タイカイシャ';
export const PURGED_CHILD_NAME = '（削除済み）';
/** Not a valid hash of any format: no password can ever match it. */
export const NO_LOGIN_HASH = '!';

/** A birth date cut to its month (YYYY-MM-01): enough for age-band statistics, not to identify. */
const toMonth = (date: string) => `${date.slice(0, 7)}-01`;

/**
 * The first Tokyo day on which data withdrawn `years` ago may still be kept. A member withdrawn
 * before the start of this day has been gone longer than the retention period.
 * (Feb 29 falls back to Feb 28, which keeps data a day longer, never shorter.)
 */
export function retentionCutoff(today: string, years: number): string {
  const [y, md] = [Number(today.slice(0, 4)), today.slice(5)];
  const candidate = `${String(y - years).padStart(4, '0')}-${md}`;
  return isValidDateString(candidate) ? candidate : `${String(y - years).padStart(4, '0')}-02-28`;
}

/**
 * Anonymises the members withdrawn longer ago than the retention setting (default 5 years):
 * names replaced, contact details cleared, birth dates cut to the month, children's health data
 * and school removed, emergency contacts and pickups deleted, the login made unusable. Status
 * history, orientation attendance and audit rows stay, so statistics survive. One atomic batch
 * per member with its audit row; already purged members are skipped, so it can run any time.
 */
export async function purgeWithdrawnMembers(
  deps: AppDeps,
  today: string,
): Promise<{ purged: number; memberIds: string[] }> {
  const { withdrawnMemberYears } = await getRetention(deps);
  const cutoffIso = tokyoInstant(retentionCutoff(today, withdrawnMemberYears)).toISOString();
  const candidates = await listPurgeCandidates(deps.db, cutoffIso);

  const memberIds: string[] = [];
  for (const m of candidates) {
    const nowDate = deps.clock.now();
    const now = nowDate.toISOString();
    const statements: Compilable[] = [
      buildAnonymiseMember(deps.db, m.id, cutoffIso, {
        name: PURGED_MEMBER_NAME,
        name_kana: PURGED_MEMBER_KANA,
        phone: '',
        postal_code: null,
        address: '',
        search_key: '',
        phone_key: '',
        birth_date: toMonth(m.birth_date),
        helper_household_notes: null,
        // Free text may name people; the codes the system writes (aged_out) are statistics.
        withdrawal_reason:
          m.withdrawal_reason && /^[a-z_]+$/.test(m.withdrawal_reason) ? m.withdrawal_reason : null,
        purged_at: now,
        updated_at: now,
      }),
      // Chained to the update above: exactly one audit row per member, however often this runs.
      buildAuditIfPreviousChanged(deps.db, {
        at: nowDate,
        actorUserId: null,
        action: 'member_purged',
        subjectType: 'member',
        subjectId: m.id,
        details: { withdrawnAt: m.withdrawn_at, retentionYears: withdrawnMemberYears },
      }),
      buildAnonymiseChildren(deps.db, m.id, { name: PURGED_CHILD_NAME, now }),
      ...buildDeletePersonalRows(deps.db, m),
      buildRetireLogin(deps.db, m.user_id, {
        email: `purged+${m.id}@invalid`,
        name: PURGED_MEMBER_NAME,
        passwordHash: NO_LOGIN_HASH,
        now,
      }),
    ];
    const [update] = await deps.atomic(statements);
    // A concurrent run got there first: the rest of this batch only repeated its work.
    if (update && update.numAffectedRows > 0) memberIds.push(m.id);
  }
  return { purged: memberIds.length, memberIds };
}
