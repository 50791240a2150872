import { sql } from 'kysely';
import type { AppDeps } from '../../context.js';
import { insertIfPreviousChanged, type Compilable } from '../../lib/atomic.js';
import { isValidDateString, tokyoInstant } from '../../lib/dates.js';
import { auditRow } from '../audit/audit.queries.js';
import { getRetention } from '../settings/settings.service.js';

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
  const candidates = await deps.db
    .selectFrom('member')
    .innerJoin('user', 'user.id', 'member.user_id')
    .select([
      'member.id',
      'member.user_id',
      'member.birth_date',
      'member.withdrawn_at',
      'member.withdrawal_reason',
      'user.email',
    ])
    .where('member.withdrawn_at', 'is not', null)
    .where('member.withdrawn_at', '<', cutoffIso)
    .where('member.purged_at', 'is', null)
    .orderBy('member.withdrawn_at')
    .execute();

  const memberIds: string[] = [];
  for (const m of candidates) {
    const nowDate = deps.clock.now();
    const now = nowDate.toISOString();
    const statements: Compilable[] = [
      // Conditional, so a second run (or a concurrent one) changes nothing.
      deps.db
        .updateTable('member')
        .set({
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
            m.withdrawal_reason && /^[a-z_]+$/.test(m.withdrawal_reason)
              ? m.withdrawal_reason
              : null,
          purged_at: now,
          updated_at: now,
        })
        .where('id', '=', m.id)
        .where('purged_at', 'is', null)
        .where('withdrawn_at', '<', cutoffIso),
      // Chained to the update above: exactly one audit row per member, however often this runs.
      insertIfPreviousChanged(
        deps.db,
        'audit_log',
        auditRow({
          at: nowDate,
          actorUserId: null,
          action: 'member_purged',
          subjectType: 'member',
          subjectId: m.id,
          details: { withdrawnAt: m.withdrawn_at, retentionYears: withdrawnMemberYears },
        }),
      ),
      deps.db
        .updateTable('child')
        .set({
          name: PURGED_CHILD_NAME,
          name_kana: '',
          school: null,
          allergies: null,
          health_notes: null,
          family_doctor: null,
          birth_date: sql<string>`substr(birth_date, 1, 7) || '-01'`,
          updated_at: now,
        })
        .where('member_id', '=', m.id),
      deps.db.deleteFrom('emergency_contact').where('member_id', '=', m.id),
      deps.db.deleteFrom('authorized_pickup').where('member_id', '=', m.id),
      // Referral notes are free text about the family: they go with the rest.
      deps.db.deleteFrom('referral').where('member_id', '=', m.id),
      deps.db.deleteFrom('session').where('user_id', '=', m.user_id),
      // Login throttling rows hold the address too.
      deps.db
        .deleteFrom('login_attempt')
        .where(sql<string>`lower(email)`, '=', m.email.toLowerCase()),
      deps.db
        .updateTable('user')
        .set({
          email: `purged+${m.id}@invalid`,
          name: PURGED_MEMBER_NAME,
          password_hash: NO_LOGIN_HASH,
          disabled_at: sql<string>`COALESCE(disabled_at, ${now})`,
          updated_at: now,
        })
        .where('id', '=', m.user_id),
    ];
    const [update] = await deps.atomic(statements);
    // A concurrent run got there first: the rest of this batch only repeated its work.
    if (update && update.numAffectedRows > 0) memberIds.push(m.id);
  }
  return { purged: memberIds.length, memberIds };
}
