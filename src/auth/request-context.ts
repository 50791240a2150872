import { sql } from 'kysely';
import type { Config } from '../config.js';
import type { Clock } from '../lib/clock.js';
import { MINUTE } from '../lib/clock.js';
import type { Db } from '../lib/db.js';
import { sha256Hex } from '../lib/ids.js';
import { openOffer, withoutReport } from '../lib/query-fragments.js';
import type { Locale, Member, MemberTable, Role } from '../../db/schema.js';
import { sessionTimeoutsFor } from './session-policy.js';

// A session's idle deadline is pushed forward at most once a minute, to avoid a write per request.
const TOUCH_INTERVAL_MS = MINUTE;

// Hashing the token is async WebCrypto (a thread-pool round trip on Node) on every request; the
// ids of recently seen tokens are kept per process / isolate. Bounded, and holding nothing the
// request does not already carry.
const RECENT_IDS_MAX = 1_000;
const recentIds = new Map<string, string>();
export async function sessionIdOf(token: string): Promise<string> {
  const known = recentIds.get(token);
  if (known) return known;
  const id = await sha256Hex(token);
  if (recentIds.size >= RECENT_IDS_MAX) recentIds.delete(recentIds.keys().next().value!);
  recentIds.set(token, id);
  return id;
}

/** Every column of the member row, read with the session (the list must stay complete). */
const MEMBER_COLUMNS = [
  'id',
  'user_id',
  'member_no',
  'kind',
  'name',
  'name_kana',
  'birth_date',
  'phone',
  'postal_code',
  'address',
  'area',
  'search_key',
  'phone_key',
  'requester_status',
  'helper_status',
  'requester_approved_at',
  'helper_approved_at',
  'helper_areas',
  'helper_categories',
  'helper_child_age_min_months',
  'helper_child_age_max_months',
  'helper_max_children',
  'helper_has_pets',
  'helper_smoker_in_home',
  'helper_preschoolers_at_home',
  'helper_household_notes',
  'consent_terms_version',
  'consent_terms_at',
  'consent_health_version',
  'consent_health_at',
  'entered_by_user_id',
  'withdrawn_at',
  'withdrawal_reason',
  'purged_at',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof MemberTable)[];
// A column added to the member table and not listed above fails to compile here.
type Unlisted = Exclude<keyof MemberTable, (typeof MEMBER_COLUMNS)[number]>;
const everyMemberColumn: [Unlisted] extends [never] ? true : Unlisted = true;
void everyMemberColumn;

export interface SessionContext {
  userId: string;
  email: string;
  name: string;
  role: Role;
  locale: Locale | null;
  /** The signed-in user's member row (null: staff, or no member record). */
  member: Member | null;
  /** The settings stamp (migration 0013) as of this query. */
  stamps: { settings: number } | undefined;
  /** Unread notifications (null: not asked for). */
  unread: number | null;
  /** What waits for the member, for the navigation's counts (null: not asked for). */
  waiting: WaitingCounts | null;
  /**
   * The idle deadline's push, when due (at most once a minute): send it after the response
   * (`waitUntil` on Workers) or await it; null when not due.
   */
  touch: (() => Promise<void>) | null;
}

/**
 * What waits for a member, counted for the navigation tabs (0 for staff):
 * - offers: offers still open for her answer (not expired, the request still live), as 依頼の紹介
 *   lists them;
 * - toConfirm: reports about her children waiting for her confirmation;
 * - reportsDue: her matched help that has ended and has no report yet (the member home's list,
 *   src/modules/dashboard/member-home.queries.ts, uses the same rule).
 */
export interface WaitingCounts {
  offers: number;
  toConfirm: number;
  reportsDue: number;
}

/**
 * The request context in one query: session ⋈ user ⟕ member, and the unread count and the
 * waiting counts when asked (correlated COUNTs on indexed columns: no extra round trip).
 * An expired session, or one of a disabled user, is deleted and yields null.
 */
export async function readSessionContext(
  deps: { db: Db; clock: Clock; config: Config },
  token: string,
  options: { unread: boolean; waiting?: boolean },
): Promise<SessionContext | null> {
  const { db, clock, config } = deps;
  const nowIso = clock.now().toISOString();
  // NOTE: only the SHA-256 of the token is stored, so a leaked database holds no live sessions.
  const id = await sessionIdOf(token);
  const row = (await db
    .selectFrom('session')
    .innerJoin('user', 'user.id', 'session.user_id')
    .leftJoin('member', 'member.user_id', 'user.id')
    .select([
      'session.user_id',
      'session.idle_expires_at',
      'session.absolute_expires_at',
      'session.last_seen_at',
      'user.email',
      'user.name',
      'user.role',
      'user.locale',
      'user.disabled_at',
    ])
    .select(MEMBER_COLUMNS.map((c) => sql.ref(`member.${c}`).as(`member__${c}`)))
    .select((eb) =>
      eb.selectFrom('settings_stamp').select('version').where('id', '=', 1).as('settings_stamp'),
    )
    .$if(options.unread, (q) =>
      q.select((eb) =>
        eb
          .selectFrom('notification')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('notification.user_id', '=', 'user.id')
          .where('notification.read_at', 'is', null)
          .as('unread'),
      ),
    )
    .$if(options.waiting === true, (q) =>
      q.select((eb) => [
        eb
          .selectFrom('offer')
          .innerJoin('care_request', 'care_request.id', 'offer.request_id')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('offer.helper_member_id', '=', 'member.id')
          .where(openOffer(nowIso))
          .as('waiting_offers'),
        eb
          .selectFrom('activity')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('activity.requester_member_id', '=', 'member.id')
          .where('activity.status', '=', 'reported')
          .as('waiting_to_confirm'),
        eb
          .selectFrom('care_request')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('care_request.helper_member_id', '=', 'member.id')
          .where('care_request.status', '=', 'matched')
          .where('care_request.ends_at', '<=', nowIso)
          .where(withoutReport)
          .as('waiting_reports_due'),
      ]),
    )
    .where('session.id', '=', id)
    .executeTakeFirst()) as (Record<string, unknown> & SessionRow) | undefined;
  if (!row) return null;
  const now = new Date(nowIso);
  if (row.idle_expires_at <= nowIso || row.absolute_expires_at <= nowIso || row.disabled_at) {
    await db.deleteFrom('session').where('id', '=', id).execute();
    return null;
  }
  const due = now.getTime() - new Date(row.last_seen_at).getTime() >= TOUCH_INTERVAL_MS;
  const touch = async () => {
    const { idleMs } = sessionTimeoutsFor(row.role, config);
    await db
      .updateTable('session')
      .set({
        last_seen_at: nowIso,
        idle_expires_at: new Date(now.getTime() + idleMs).toISOString(),
      })
      .where('id', '=', id)
      .execute();
  };
  return {
    userId: row.user_id,
    email: row.email,
    name: row.name,
    role: row.role,
    locale: row.locale,
    member:
      row.member__id == null
        ? null
        : (Object.fromEntries(MEMBER_COLUMNS.map((c) => [c, row[`member__${c}`]])) as Member),
    stamps: row.settings_stamp == null ? undefined : { settings: Number(row.settings_stamp) },
    unread: options.unread ? Number(row.unread ?? 0) : null,
    waiting: options.waiting
      ? {
          offers: Number(row.waiting_offers ?? 0),
          toConfirm: Number(row.waiting_to_confirm ?? 0),
          reportsDue: Number(row.waiting_reports_due ?? 0),
        }
      : null,
    touch: due ? touch : null,
  };
}

interface SessionRow {
  user_id: string;
  idle_expires_at: string;
  absolute_expires_at: string;
  last_seen_at: string;
  email: string;
  name: string;
  role: Role;
  locale: Locale | null;
  disabled_at: string | null;
  member__id: string | null;
  settings_stamp: number | null;
  unread?: number | null;
  waiting_offers?: number | null;
  waiting_to_confirm?: number | null;
  waiting_reports_due?: number | null;
}
