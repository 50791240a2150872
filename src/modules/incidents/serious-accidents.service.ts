import type { AppDeps, CurrentUser } from '../../context.js';
import { tokyoDateOf } from '../../lib/dates.js';
import { conflict, unprocessable } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { changeAudited } from '../audit/audit.service.js';
import { occurredAtOf } from './incident-rules.js';
import type { IncidentRow } from './incidents.queries.js';
import { readIncident } from './incidents.service.js';
import {
  chainSteps,
  seriousReasonOf,
  stepRefusal,
  type ChainStep,
  type RecordedStep,
  type SeriousReason,
} from './serious-accident-rules.js';
import { buildInsertStep, listOpenChains, listSteps } from './serious-accidents.queries.js';
import type { SeriousStepInput } from './serious-accidents.schemas.js';

/**
 * The reporting chain of a serious accident (issue #19): center → 市町村 → 都道府県 → 国, the
 * first report the same day (the next at the latest), the detailed one within a month. The
 * center records each step; the due dates come from serious-accident-rules.ts.
 */

export interface SeriousChain {
  incidentId: string;
  seriousReason: SeriousReason | null;
  accidentOn: string;
  steps: ChainStep[];
}

const recordedOf = (rows: Awaited<ReturnType<typeof listSteps>>): RecordedStep[] =>
  rows.map((r) => ({
    stage: r.stage,
    level: r.level,
    reportedOn: r.reported_on,
    reportedBy: r.reported_by,
    note: r.note,
  }));

const reasonOf = (i: IncidentRow) =>
  seriousReasonOf({
    kind: i.kind,
    seriousReason: i.serious_reason,
    treatmentDays: i.treatment_days,
  });

/** The chain of an incident already read (its read audited by `readIncident`). */
export async function chainOf(deps: AppDeps, incident: IncidentRow): Promise<SeriousChain> {
  const at = occurredAtOf(incident);
  const recorded = recordedOf(await listSteps(deps.db, incident.id));
  return {
    incidentId: incident.id,
    seriousReason: reasonOf(incident),
    accidentOn: tokyoDateOf(at),
    steps: chainSteps(at, recorded, tokyoDateOf(deps.clock.now())),
  };
}

/** One incident's chain for staff; the read is audited like the incident's own page. */
export async function readSeriousChain(
  deps: AppDeps,
  staff: CurrentUser,
  incidentId: string,
  clientAddress?: string,
) {
  const incident = await readIncident(deps, staff, incidentId, clientAddress);
  return chainOf(deps, incident);
}

/**
 * Record that one step was reported (409 when the incident is not a serious accident or the
 * step is recorded already; 422 when the step before it is missing or the date does not fit).
 */
export async function recordSeriousStep(
  deps: AppDeps,
  staff: CurrentUser,
  incident: IncidentRow,
  input: SeriousStepInput,
  clientAddress?: string,
) {
  if (!reasonOf(incident)) throw conflict('incident_not_serious');
  const now = deps.clock.now();
  const recorded = recordedOf(await listSteps(deps.db, incident.id));
  const refusal = stepRefusal(input, recorded, occurredAtOf(incident), tokyoDateOf(now));
  if (refusal === 'serious_step_recorded') throw conflict(refusal);
  if (refusal) throw unprocessable(refusal);
  const insert = buildInsertStep(deps.db, {
    id: newId(),
    incident_id: incident.id,
    stage: input.stage,
    level: input.level,
    reported_on: input.reportedOn,
    reported_by: input.reportedBy,
    note: input.note,
    recorded_by: staff.id,
    recorded_at: now.toISOString(),
  });
  const { changed } = await changeAudited(deps, staff, insert, {
    at: now,
    action: 'serious_step_recorded',
    subjectType: 'incident',
    subjectId: incident.id,
    clientAddress,
    details: { stage: input.stage, level: input.level, reportedOn: input.reportedOn },
  });
  if (!changed) throw conflict('serious_step_recorded');
}

/**
 * The staff dashboard's reminders: of serious accidents whose chain is open, the next step of
 * each stage that is overdue or due within SERIOUS_WARN_DAYS, the most urgent first.
 */
export async function loadSeriousReminders(deps: AppDeps, today: string) {
  const { incidents, steps } = await listOpenChains(deps.db, 50);
  const items = incidents.flatMap((i) => {
    const recorded = recordedOf(steps.filter((s) => s.incident_id === i.id));
    return chainSteps(occurredAtOf(i), recorded, today)
      .filter((s) => s.next && (s.state === 'overdue' || s.state === 'due_soon'))
      .map((s) => ({
        incidentId: i.id,
        stage: s.stage,
        level: s.level,
        dueOn: s.dueOn,
        overdue: s.state === 'overdue',
      }));
  });
  return items.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0)).slice(0, 10);
}
