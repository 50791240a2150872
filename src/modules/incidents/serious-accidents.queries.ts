import type { Insertable } from 'kysely';
import type { Db } from '../../lib/db.js';
import type { SeriousReportStepTable } from '../../../db/schema.js';
import { SERIOUS_TREATMENT_DAYS } from './incident-rules.js';
import { incidentsWithActivity, occurredAt } from './incidents.queries.js';

/** The reporting chain of serious accidents (issue #19): recorded steps, open accidents. */

export function listSteps(db: Db, incidentId: string) {
  return db
    .selectFrom('serious_report_step')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .orderBy('recorded_at')
    .execute();
}

/** A step, unless one of its stage and level is recorded already (then nothing changes). */
export function buildInsertStep(db: Db, row: Insertable<SeriousReportStepTable>) {
  return db
    .insertInto('serious_report_step')
    .values(row)
    .onConflict((oc) => oc.columns(['incident_id', 'stage', 'level']).doNothing());
}

/**
 * Serious accidents (marked, or with 30+ days of treatment) whose chain is not complete (fewer
 * than its six steps recorded), with their recorded steps: the dashboard's reminders. At most
 * `limit`, the oldest accident first.
 */
export async function listOpenChains(db: Db, limit: number) {
  const incidents = await incidentsWithActivity(db)
    .select([
      'incident.id',
      'incident.kind',
      'incident.serious_reason',
      'incident.treatment_days',
      'incident.occurred_at',
      'incident.created_at',
      'activity.started_at as activity_started_at',
    ])
    .where('incident.kind', '=', 'accident')
    .where((eb) =>
      eb.or([
        eb('incident.serious_reason', 'is not', null),
        eb('incident.treatment_days', '>=', SERIOUS_TREATMENT_DAYS),
      ]),
    )
    .where((eb) =>
      eb(
        eb
          .selectFrom('serious_report_step as s')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('s.incident_id', '=', 'incident.id'),
        '<',
        6,
      ),
    )
    .orderBy(occurredAt)
    .orderBy('incident.id')
    .limit(limit)
    .execute();
  const steps =
    incidents.length === 0
      ? []
      : await db
          .selectFrom('serious_report_step')
          .selectAll()
          .where(
            'incident_id',
            'in',
            incidents.map((i) => i.id),
          )
          .execute();
  return { incidents, steps };
}
