import type { ExpressionBuilder, Insertable, Updateable } from 'kysely';
import type { Db } from '../../lib/db.js';
import { pageWithTotal } from '../../lib/sql.js';
import {
  ARRANGED_REQUEST_STATUSES,
  pairNameColumns,
  startingBetween,
} from '../../lib/query-fragments.js';
import { requestsWithRequester } from '../requests/requests.queries.js';
import type { Database, IncidentTable } from '../../../db/schema.js';

/**
 * Incidents with what they are linked to. An incident recorded on an activity report reaches its
 * request through the activity; one recorded on its own may name a request directly (an accident
 * on the way to help), a training session, an event, or nothing.
 */
const incidentColumns = (db: Db) =>
  incidentsWithRequest(db)
    .leftJoin('member as helper', (join) =>
      join.on((eb) =>
        eb('helper.id', '=', eb.fn.coalesce('activity.helper_member_id', 'req.helper_member_id')),
      ),
    )
    .leftJoin('member as requester', 'requester.id', 'req.requester_member_id')
    .leftJoin('training_session as ts', 'ts.id', 'incident.training_session_id')
    .leftJoin('event as ev', 'ev.id', 'incident.event_id')
    .leftJoin('user as author', 'author.id', 'incident.created_by')
    .selectAll('incident')
    .select([
      'activity.started_at as activity_started_at',
      'activity.ended_at as activity_ended_at',
      'activity.place as activity_place',
      'req.id as linked_request_id',
      'req.starts_at as request_starts_at',
      'req.ends_at as request_ends_at',
      'req.created_at as request_created_at',
      'helper.id as helper_member_id',
      'helper.name as helper_name',
      'requester.id as requester_member_id',
      'requester.name as requester_name',
      'ts.starts_at as training_starts_at',
      'ts.venue as training_venue',
      'ev.title as event_title',
      'ev.starts_at as event_starts_at',
      'author.name as author_name',
    ]);

/** Incidents with the activity report they were recorded on, if any. */
export const incidentsWithActivity = (db: Db) =>
  db.selectFrom('incident').leftJoin('activity', 'activity.id', 'incident.activity_id');

/** ...and the request they concern (as `req`): named on the incident, or else the activity's. */
export const incidentsWithRequest = (db: Db) =>
  incidentsWithActivity(db).leftJoin('care_request as req', (join) =>
    join.on((eb) =>
      eb('req.id', '=', eb.fn.coalesce('incident.request_id', 'activity.request_id')),
    ),
  );

/** When an incident happened: as recorded, else its activity's start, else when it was recorded. */
export const occurredAt = (eb: ExpressionBuilder<Database, 'incident' | 'activity'>) =>
  eb.fn.coalesce('incident.occurred_at', 'activity.started_at', 'incident.created_at');

export type IncidentRow = NonNullable<Awaited<ReturnType<typeof findIncidentById>>>;

export function findIncidentById(db: Db, id: string) {
  return incidentColumns(db).where('incident.id', '=', id).executeTakeFirst();
}

/** Newest first by when it happened (an activity report's incident: the activity's start). */
export function listIncidents(
  db: Db,
  query: { serious?: boolean; page: number; pageSize: number },
) {
  let q = incidentColumns(db);
  if (query.serious) q = q.where('incident.serious_reason', 'is not', null);
  return pageWithTotal(
    q
      .orderBy(occurredAt, 'desc')
      .orderBy('incident.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    q,
  );
}

/**
 * What a new incident may be linked to around a time: requests that had a helper, training
 * sessions and events, from `fromIso` to `untilIso` (at most 100 of each, nearest first).
 */
export async function listLinkChoices(db: Db, fromIso: string, untilIso: string) {
  const [requests, sessions, events] = await Promise.all([
    requestsWithRequester(db)
      .leftJoin('member as helper', 'helper.id', 'care_request.helper_member_id')
      .select(['care_request.id', 'care_request.starts_at', ...pairNameColumns])
      .where(startingBetween(ARRANGED_REQUEST_STATUSES, fromIso, untilIso))
      .orderBy('care_request.starts_at', 'desc')
      .limit(100)
      .execute(),
    uncancelledBetween(db, 'training_session', fromIso, untilIso).select('venue').execute(),
    uncancelledBetween(db, 'event', fromIso, untilIso).select('title').execute(),
  ]);
  return { requests, sessions, events };
}

/** Training sessions or events not cancelled, starting in [from, until): the 100 latest. */
function uncancelledBetween(
  db: Db,
  table: 'training_session' | 'event',
  fromIso: string,
  untilIso: string,
) {
  return db
    .selectFrom(table)
    .select(['id', 'starts_at'])
    .where('starts_at', '>=', fromIso)
    .where('starts_at', '<', untilIso)
    .where('cancelled_at', 'is', null)
    .orderBy('starts_at', 'desc')
    .limit(100);
}

/** Whether the object an incident is to be linked to exists. */
export async function linkTargetExists(
  db: Db,
  link: { table: 'activity' | 'care_request' | 'training_session' | 'event'; id: string },
) {
  const row = await db
    .selectFrom(link.table)
    .select('id')
    .where('id', '=', link.id)
    .executeTakeFirst();
  return row !== undefined;
}

export function buildInsertIncident(db: Db, row: Insertable<IncidentTable>) {
  return db.insertInto('incident').values(row);
}

/** A correction of an incident (diagnosis and days of treatment are often known only later). */
export function buildUpdateIncident(db: Db, id: string, row: Updateable<IncidentTable>) {
  return db.updateTable('incident').set(row).where('id', '=', id);
}
