import type { AppDeps, CurrentUser } from '../../context.js';
import { notFound, unprocessable } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { buildAuditInsert } from '../audit/audit.queries.js';
import { notifyAll } from '../notifications/notifications.service.js';
import { staffUserIds } from '../requests/requests.service.js';
import type { IncidentRecordInput } from './incidents.schemas.js';
import {
  buildInsertIncident,
  buildUpdateIncident,
  findIncidentById,
  linkTargetExists,
} from './incidents.queries.js';

/**
 * Incidents recorded on their own by staff (issue #19): an accident on the way to help, at
 * training or at an exchange meeting is phoned in to the center and written down there. Their
 * details (who was hurt, diagnosis, hospital) are health data: only staff read them, and every
 * read of one incident is audited like a child's health details (children.access.ts).
 */

const LINK_TABLES = {
  activityId: 'activity',
  requestId: 'care_request',
  trainingSessionId: 'training_session',
  eventId: 'event',
} as const;

async function checkInput(deps: AppDeps, input: IncidentRecordInput, now: Date) {
  if (Date.parse(input.occurredAt) > now.getTime()) throw unprocessable('incident_in_future');
  for (const key of Object.keys(LINK_TABLES) as (keyof typeof LINK_TABLES)[]) {
    const id = input[key];
    if (id && !(await linkTargetExists(deps.db, { table: LINK_TABLES[key], id })))
      throw unprocessable('incident_link_not_found');
  }
}

const iso = (instant: string | null) => (instant ? new Date(instant).toISOString() : null);

function columns(input: IncidentRecordInput) {
  return {
    activity_id: input.activityId,
    request_id: input.requestId,
    training_session_id: input.trainingSessionId,
    event_id: input.eventId,
    kind: input.kind,
    severity: input.severity,
    serious_reason: input.seriousReason,
    description: input.description,
    action_taken: input.actionTaken,
    occurred_at: new Date(input.occurredAt).toISOString(),
    place: input.place,
    situation: input.situation,
    victim: input.victim,
    victim_name: input.victimName,
    damage: input.damage,
    hospital: input.hospital,
    diagnosis: input.diagnosis,
    treatment_days: input.treatmentDays,
    family_told_at: iso(input.familyToldAt),
    center_told_at: iso(input.centerToldAt),
    police_told_at: iso(input.policeToldAt),
  };
}

/** Every staff member hears of a serious accident at once (the same-day report is due). */
async function notifySerious(deps: AppDeps, incidentId: string) {
  await notifyAll(
    deps,
    (await staffUserIds(deps)).map((userId) => ({
      userId,
      kind: 'incident_serious',
      link: `/incidents/${incidentId}`,
      dedupeKey: `incident_serious:${incidentId}:${userId}`,
    })),
  );
}

export async function createIncident(
  deps: AppDeps,
  staff: CurrentUser,
  input: IncidentRecordInput,
  clientAddress?: string,
): Promise<string> {
  const now = deps.clock.now();
  await checkInput(deps, input, now);
  const id = newId();
  await deps.atomic([
    buildInsertIncident(deps.db, {
      id,
      ...columns(input),
      reported_to_prefecture_at: null,
      created_by: staff.id,
      created_at: now.toISOString(),
      updated_at: null,
    }),
    buildAuditInsert(deps.db, {
      at: now,
      actorUserId: staff.id,
      action: 'incident_recorded',
      subjectType: 'incident',
      subjectId: id,
      clientAddress,
      details: { kind: input.kind, severity: input.severity, situation: input.situation },
    }),
  ]);
  if (input.seriousReason) await notifySerious(deps, id);
  return id;
}

/** A correction or completion (diagnosis, days of treatment, who was told) of an incident. */
export async function updateIncident(
  deps: AppDeps,
  staff: CurrentUser,
  id: string,
  input: IncidentRecordInput,
  clientAddress?: string,
) {
  const before = await findIncidentById(deps.db, id);
  if (!before) throw notFound();
  const now = deps.clock.now();
  await checkInput(deps, input, now);
  await deps.atomic([
    buildUpdateIncident(deps.db, id, { ...columns(input), updated_at: now.toISOString() }),
    buildAuditInsert(deps.db, {
      at: now,
      actorUserId: staff.id,
      action: 'incident_updated',
      subjectType: 'incident',
      subjectId: id,
      clientAddress,
      details: { kind: input.kind, severity: input.severity },
    }),
  ]);
  if (input.seriousReason && !before.serious_reason) await notifySerious(deps, id);
}

/**
 * One incident with its details for staff; the read is audited (who was hurt and how is health
 * data: DOMAIN.md asks that every read be logged). The same read serves an attachment's
 * download (a photo of the injury is health data too): `attachment` names it in the audit row.
 */
export async function readIncident(
  deps: AppDeps,
  staff: CurrentUser,
  id: string,
  clientAddress?: string,
  attachment?: { id: string; fileName: string },
) {
  const incident = await findIncidentById(deps.db, id);
  if (!incident) throw notFound();
  await deps.atomic([
    buildAuditInsert(deps.db, {
      at: deps.clock.now(),
      actorUserId: staff.id,
      action: attachment ? 'incident_attachment_read' : 'incident_read',
      subjectType: 'incident',
      subjectId: id,
      clientAddress,
      ...(attachment
        ? { details: { attachmentId: attachment.id, fileName: attachment.fileName } }
        : {}),
    }),
  ]);
  return incident;
}
