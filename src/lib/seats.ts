import { sql, type CompiledQuery, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../db/schema.js';
import { insertOrRefuse, type Atomic } from './atomic.js';
import type { Db } from './db.js';
import { newId } from './ids.js';

/**
 * The tables of seats of sessions with a capacity (an event, a training session), as a seat
 * table holds them: the table of its sessions (with `capacity`, `cancelled_at` and `starts_at`),
 * the column naming the session, the column naming the user who signed the member up, and the
 * status of a member with a seat. A row's `status` is that, 'waitlisted' or 'cancelled' (kept as
 * history); `position` is the order of joining.
 */
const seatBooks = {
  event_registration: {
    sessions: 'event',
    sessionColumn: 'event_id',
    byColumn: 'registered_by',
    seated: 'registered',
  },
  training_enrollment: {
    sessions: 'training_session',
    sessionColumn: 'session_id',
    byColumn: 'enrolled_by',
    seated: 'enrolled',
  },
} as const;

export type SeatTable = keyof typeof seatBooks;

/** The status of a member with a seat in `T`. */
type Seated<T extends SeatTable> = (typeof seatBooks)[T]['seated'];

/**
 * The place on the waitlist of the outer row `alias` of `table` (1 = next in line): the waitlisted
 * rows for the same event or session that joined no later than it.
 */
function waitlistPlace(table: SeatTable, alias: string) {
  const session = seatBooks[table].sessionColumn;
  return sql<number>`(SELECT COUNT(*) FROM ${sql.table(table)} w
    WHERE ${sql.ref(`w.${session}`)} = ${sql.ref(`${alias}.${session}`)} AND w.status = 'waitlisted'
      AND w.position <= ${sql.ref(`${alias}.position`)})`;
}

/** A compiled `seatInsert`, with the table and the id of the row it inserts. */
export interface SeatInsert<T extends SeatTable> {
  table: T;
  id: string;
  statement: CompiledQuery;
}

/**
 * Who gets a free seat. `waitlistFirst`: a seat is given only while nobody waits (a newcomer
 * never jumps the waitlist); otherwise a free seat goes to a newcomer even while others wait.
 */
export interface SeatRule {
  waitlistFirst: boolean;
}

/**
 * Signs a member up in ONE statement: the seat count, the decision (a seat or 'waitlisted', by
 * `rule`), the place in line (`position`) and the insert cannot be separated, so sign-ups at the
 * same moment never exceed the capacity (SQLite and D1 run one statement at a time). Nothing is
 * inserted when the session is cancelled or, for `onlyBefore`, has started; a second live row of
 * the member fails the partial unique index. `more` gives the table's other columns by name
 * (their values may read the session row `s`). RETURNING tells the caller which status it got;
 * the row's id is made here, for `takeSeat` to find the row again.
 */
export function seatInsert<T extends SeatTable>(
  db: Db,
  table: T,
  rule: SeatRule,
  row: {
    sessionId: string;
    memberId: string;
    by: string;
    at: string;
    onlyBefore: string | null;
  },
  more: Record<string, unknown> = {},
): SeatInsert<T> {
  const id = newId();
  const book = seatBooks[table];
  const seats = sql.table(table);
  const ofSession = (alias: string) => sql`${sql.ref(`${alias}.${book.sessionColumn}`)} = s.id`;
  const nobodyWaits = rule.waitlistFirst
    ? sql`AND NOT EXISTS (SELECT 1 FROM ${seats} w WHERE ${ofSession('w')} AND w.status = 'waitlisted')`
    : sql``;
  const columns: Record<string, unknown> = {
    id,
    [book.sessionColumn]: sql`s.id`,
    member_id: row.memberId,
    status: sql`CASE WHEN (SELECT COUNT(*) FROM ${seats} r
                 WHERE ${ofSession('r')} AND r.status = ${sql.lit(book.seated)}) < s.capacity
             ${nobodyWaits}
           THEN ${sql.lit(book.seated)} ELSE 'waitlisted' END`,
    position: sql`(SELECT COALESCE(MAX(r.position), 0) + 1 FROM ${seats} r WHERE ${ofSession('r')})`,
    [book.byColumn]: row.by,
    created_at: row.at,
    updated_at: row.at,
    promoted_at: null,
    cancelled_at: null,
    ...more,
  };
  const statement =
    sql`INSERT INTO ${seats} (${sql.join(Object.keys(columns).map((c) => sql.ref(c)))})
    SELECT ${sql.join(Object.values(columns))}
    FROM ${sql.table(book.sessions)} s
    WHERE s.id = ${row.sessionId} AND s.cancelled_at IS NULL
      AND (${row.onlyBefore} IS NULL OR s.starts_at > ${row.onlyBefore})
    RETURNING status, position`.compile(db);
  return { table, id, statement };
}

/** Cancels a member's live row of `table` for the session (conditional: 0 rows when none). */
export function seatCancel(
  db: Db,
  table: SeatTable,
  row: { sessionId: string; memberId: string; at: string },
) {
  return sql`UPDATE ${sql.table(table)}
    SET status = 'cancelled', cancelled_at = ${row.at}, updated_at = ${row.at}
    WHERE ${sql.ref(seatBooks[table].sessionColumn)} = ${row.sessionId}
      AND member_id = ${row.memberId} AND status <> 'cancelled'`.compile(db);
}

/**
 * The live (not cancelled) rows of `table` whose `column` is `value`, as `s`, each with its place
 * on the waitlist.
 */
function liveSeats<T extends SeatTable>(
  db: Db,
  table: T,
  column: 'id' | 'member_id',
  value: string,
) {
  // Kysely cannot follow a table chosen by a type parameter: the query is built untyped here
  // and given back the type its columns have.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any seat table, see above
  const untyped = db as unknown as Kysely<any>;
  return untyped
    .selectFrom(sql.table(table).as('s'))
    .select(waitlistPlace(table, 's').as('waitlist_position'))
    .where(`s.${column}`, '=', value)
    .where('s.status', '<>', 'cancelled') as unknown as SelectQueryBuilder<
    Database & { s: Database[T] },
    's',
    { waitlist_position: number }
  >;
}

/**
 * A member's live (not cancelled) rows of `table`, as `s`, each with its place on the waitlist
 * (`waitlist_position`, 1 = next in line; meaningful for a waitlisted row). Select the columns
 * wanted.
 */
export function liveSeatsOfMember<T extends SeatTable>(db: Db, table: T, memberId: string) {
  return liveSeats(db, table, 'member_id', memberId);
}

/** What taking a seat answers: a seat (`registered`, `enrolled`) or a place on the waitlist. */
export interface SeatTaken<Status extends string> {
  status: Status | 'waitlisted';
  waitlistPosition: number | null;
}

/**
 * Takes a seat of a session with a capacity by running a `seatInsert` (insertOrRefuse's
 * refusals apply), then reads the waitlist place of a waitlisted member: the insert cannot
 * return it (others may have joined).
 */
export async function takeSeat<T extends SeatTable>(
  deps: { atomic: Atomic; db: Db },
  seat: SeatInsert<T>,
  refuse: { duplicate: () => Error; skipped: () => Error },
): Promise<SeatTaken<Seated<T>>> {
  const { rows } = await insertOrRefuse(deps.atomic, seat.statement, refuse);
  const { status } = rows[0] as { status: Seated<T> | 'waitlisted' };
  if (status !== 'waitlisted') return { status, waitlistPosition: null };
  const row = await liveSeats(deps.db, seat.table, 'id', seat.id).executeTakeFirst();
  return { status, waitlistPosition: Number(row?.waitlist_position ?? 1) };
}
