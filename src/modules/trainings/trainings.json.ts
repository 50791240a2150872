import { toTokyoIso } from '../../lib/dates.js';
import type { TrainingModule } from '../../../db/schema.js';
import type { MemberQualifications } from './qualification.service.js';
import { expiresOnFor } from './qualifications.js';
import type { RecordWithModule, SessionRow, listSessionModules } from './trainings.queries.js';

type SessionModuleRow = Awaited<ReturnType<typeof listSessionModules>>[number];

export const toModuleJson = (m: TrainingModule) => ({
  id: m.id,
  code: m.code,
  title: { ja: m.title_ja, en: m.title_en },
  hours: m.hours,
  kind: m.kind,
  validityMode: m.validity_mode,
  validityMonths: m.validity_months,
  sortOrder: m.sort_order,
  active: m.active === 1,
});

export interface MyEnrollment {
  status: 'enrolled' | 'waitlisted';
  waitlistPosition: number | null;
}

export function toSessionJson(
  s: SessionRow,
  modules: SessionModuleRow[],
  mine?: MyEnrollment | null,
) {
  const enrolled = Number(s.enrolled ?? 0);
  return {
    id: s.id,
    startsAt: toTokyoIso(s.starts_at),
    endsAt: toTokyoIso(s.ends_at),
    venue: s.venue,
    instructor: s.instructor,
    capacity: s.capacity,
    enrolled,
    waitlisted: Number(s.waitlisted ?? 0),
    seatsLeft: Math.max(0, s.capacity - enrolled),
    notes: s.notes,
    cancelled: s.cancelled_at !== null,
    hours: Math.round(modules.reduce((n, m) => n + m.hours, 0) * 100) / 100,
    modules: modules.map((m) => ({
      id: m.id,
      code: m.code,
      title: { ja: m.title_ja, en: m.title_en },
      hours: m.hours,
      kind: m.kind,
    })),
    ...(mine === undefined ? {} : { myEnrollment: mine }),
  };
}

export function toRecordJson(r: RecordWithModule) {
  return {
    id: r.id,
    memberId: r.member_id,
    moduleId: r.module_id,
    moduleCode: r.module_code,
    moduleTitle: { ja: r.module_title_ja, en: r.module_title_en },
    completedOn: r.completed_on,
    expiresOn: expiresOnFor(
      { validityMode: r.module_validity_mode, validityMonths: r.module_validity_months },
      r.completed_on,
    ),
    source: r.source,
    sessionId: r.session_id,
    note: r.evidence_note,
    status: r.status,
    reviewedAt: r.reviewed_at,
    reviewNote: r.review_note,
    createdAt: r.created_at,
  };
}

/** The qualifications of API.md (and the engine's details: status, progress, …). */
export function toQualificationsJson(q: MemberQualifications, today: string) {
  return {
    memberId: q.memberId,
    today,
    eligibleForMatching: q.eligibleForMatching,
    sickChildCare: q.sickChildCare,
    status: q.status,
    helperStatus: q.helperStatus,
    requirementsMet: q.requirementsMet,
    missing: q.missing,
    sickChildMissing: q.sickChildMissing,
    expiring: q.expiring,
    records: q.records,
    progress: {
      modulesDone: q.course.modulesDone,
      modulesTotal: q.course.modulesTotal,
      hoursDone: q.course.hoursDone,
      hoursTotal: q.course.hoursTotal,
    },
    basicCompletedOn: q.basicCompletedOn,
    followupDue: q.followupDue,
  };
}
