/** Plain props for the training pages, built from rows and engine results (no database here). */
import type { TrainingModule } from '../../../db/schema.js';
import type { MemberQualifications } from './qualification.service.js';
import { expiresOnFor } from './qualifications.js';
import type { listSessionModules, RecordWithModule, SessionRow } from './trainings.queries.js';

// The props the training pages render (views/pages/trainings/*), built below.

export type DisplayStatus =
  'eligible' | 'in_training' | 'lapsed' | 'inactive' | 'not_helper' | 'awaiting_approval';

export interface ModuleView {
  id: string;
  code: string;
  titleJa: string;
  titleEn: string;
  hours: number;
  kind: 'basic' | 'cpr' | 'followup' | 'sick_child';
}

export interface SessionView {
  id: string;
  startsAt: string;
  endsAt: string;
  venue: string;
  instructor: string | null;
  capacity: number;
  enrolled: number;
  waitlisted: number;
  notes: string | null;
  modules: ModuleView[];
  mine: { status: 'enrolled' | 'waitlisted'; waitlistPosition: number | null } | null;
}

export interface RecordView {
  id: string;
  module: ModuleView;
  completedOn: string;
  expiresOn: string | null;
  source: 'attendance' | 'external' | 'exemption';
  status: 'approved' | 'pending' | 'rejected';
  note: string | null;
  reviewNote: string | null;
}

export interface QualificationView {
  status: DisplayStatus;
  missing: ModuleView[];
  expiring: { module: ModuleView; expiresOn: string }[];
  /** Refreshers past their date (救命講習, 事故防止講習…): to attend again before any help. */
  overdue: { module: ModuleView; expiredOn: string }[];
  course: { modulesDone: number; modulesTotal: number; hoursDone: number; hoursTotal: number };
  followupDue: boolean;
  basicCompletedOn: string | null;
}

type SessionModuleRow = Awaited<ReturnType<typeof listSessionModules>>[number];

export const toModuleView = (m: TrainingModule | SessionModuleRow): ModuleView => ({
  id: m.id,
  code: m.code,
  titleJa: m.title_ja,
  titleEn: m.title_en,
  hours: m.hours,
  kind: m.kind,
});

export function toSessionView(row: {
  session: SessionRow;
  modules: SessionModuleRow[];
  mine?: SessionView['mine'];
}): SessionView {
  const s = row.session;
  return {
    id: s.id,
    startsAt: s.starts_at,
    endsAt: s.ends_at,
    venue: s.venue,
    instructor: s.instructor,
    capacity: s.capacity,
    enrolled: Number(s.enrolled ?? 0),
    waitlisted: Number(s.waitlisted ?? 0),
    notes: s.notes,
    modules: row.modules.map(toModuleView),
    mine: row.mine ?? null,
  };
}

export function toRecordView(r: RecordWithModule): RecordView {
  return {
    id: r.id,
    module: {
      id: r.module_id,
      code: r.module_code,
      titleJa: r.module_title_ja,
      titleEn: r.module_title_en,
      hours: 0,
      kind: r.module_kind,
    },
    completedOn: r.completed_on,
    expiresOn: expiresOnFor(
      { validityMode: r.module_validity_mode, validityMonths: r.module_validity_months },
      r.completed_on,
    ),
    source: r.source,
    status: r.status,
    note: r.evidence_note,
    reviewNote: r.review_note,
  };
}

/**
 * The status a person reads: the engine's, except that an applied helper who has finished the
 * training is "waiting for the center's approval" rather than "in training".
 */
export function displayStatus(q: MemberQualifications): DisplayStatus {
  if (q.status === 'in_training' && q.helperStatus === 'applied' && q.requirementsMet)
    return 'awaiting_approval';
  return q.status;
}

export function toQualificationView(
  q: MemberQualifications,
  modules: readonly TrainingModule[],
): QualificationView {
  const byCode = new Map(modules.map((m) => [m.code, toModuleView(m)]));
  return {
    status: displayStatus(q),
    missing: q.missing.flatMap((code) => byCode.get(code) ?? []),
    expiring: q.expiring.flatMap((e) => {
      const module = byCode.get(e.code);
      return module ? [{ module, expiresOn: e.expiresOn }] : [];
    }),
    overdue: q.overdue.flatMap((e) => {
      const module = byCode.get(e.code);
      return module ? [{ module, expiredOn: e.expiredOn }] : [];
    }),
    course: q.course,
    followupDue: q.followupDue,
    basicCompletedOn: q.basicCompletedOn,
  };
}
