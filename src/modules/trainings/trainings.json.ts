import { z } from 'zod';
import { instantJson, responseOf } from '../../http/api-route.js';
import { toTokyoIso } from '../../lib/dates.js';
import { ownSeatSchema } from '../../lib/seat-schemas.js';
import type { TrainingModule } from '../../../db/schema.js';
import type { MemberQualifications } from './qualification.service.js';
import { expiresOnFor } from './qualifications.js';
import type { TrainingSummary } from './training-summary.js';
import { MODULE_KINDS, VALIDITY_MODES } from './trainings.schemas.js';
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
    overdue: q.overdue,
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

// The response schemas of the serializers above (pinned to them: see `responseOf`).
const title = z.object({ ja: z.string(), en: z.string() });
const date = z.string().describe('YYYY-MM-DD');
const moduleKind = z.enum(MODULE_KINDS);

export const moduleSchema = responseOf<ReturnType<typeof toModuleJson>>()(
  z.object({
    id: z.string(),
    code: z.string(),
    title,
    hours: z.number(),
    kind: moduleKind,
    validityMode: z.enum(VALIDITY_MODES),
    validityMonths: z.number().int().nullable(),
    sortOrder: z.number().int(),
    active: z.boolean(),
  }),
);

export const sessionSchema = responseOf<ReturnType<typeof toSessionJson>>()(
  z.object({
    id: z.string(),
    startsAt: instantJson,
    endsAt: instantJson,
    venue: z.string(),
    instructor: z.string().nullable(),
    capacity: z.number().int(),
    enrolled: z.number().int(),
    waitlisted: z.number().int(),
    seatsLeft: z.number().int(),
    notes: z.string().nullable(),
    cancelled: z.boolean(),
    hours: z.number(),
    modules: z.array(
      z.object({ id: z.string(), code: z.string(), title, hours: z.number(), kind: moduleKind }),
    ),
    myEnrollment: ownSeatSchema(
      { status: z.enum(['enrolled', 'waitlisted']) },
      'A member’s own enrolment (null: none); absent for staff',
    ),
  }),
);

export const recordSchema = responseOf<ReturnType<typeof toRecordJson>>()(
  z.object({
    id: z.string(),
    memberId: z.string(),
    moduleId: z.string(),
    moduleCode: z.string(),
    moduleTitle: title,
    completedOn: date,
    expiresOn: date.nullable().describe('The last valid day; null: never expires'),
    source: z.enum(['attendance', 'external', 'exemption']),
    sessionId: z.string().nullable(),
    note: z.string().nullable(),
    status: z.enum(['pending', 'approved', 'rejected']),
    reviewedAt: z.string().nullable(),
    reviewNote: z.string().nullable(),
    createdAt: z.string(),
  }),
);

export const qualificationsSchema = responseOf<ReturnType<typeof toQualificationsJson>>()(
  z.object({
    memberId: z.string(),
    today: date,
    eligibleForMatching: z.boolean(),
    sickChildCare: z.boolean(),
    status: z.enum(['not_helper', 'in_training', 'eligible', 'lapsed', 'inactive']),
    helperStatus: z.enum(['applied', 'active', 'suspended', 'withdrawn']).nullable(),
    requirementsMet: z.boolean(),
    missing: z.array(z.string()).describe('Module codes to attend, in curriculum order'),
    sickChildMissing: z.array(z.string()),
    expiring: z.array(z.object({ code: z.string(), expiresOn: date })),
    overdue: z
      .array(z.object({ code: z.string(), expiredOn: date }))
      .describe('Refreshers past their date (a subset of missing): the last valid day of each'),
    records: z.array(
      z.object({
        code: z.string(),
        completedOn: date,
        expiresOn: date.nullable(),
        source: z.enum(['attendance', 'external', 'exemption']),
        valid: z.boolean(),
      }),
    ),
    progress: z.object({
      modulesDone: z.number().int(),
      modulesTotal: z.number().int(),
      hoursDone: z.number(),
      hoursTotal: z.number(),
    }),
    basicCompletedOn: date.nullable(),
    followupDue: z.boolean(),
  }),
);

export const trainingSummarySchema = responseOf<TrainingSummary>()(
  z.object({
    from: date,
    to: date,
    sessionsHeld: z.number().int(),
    hoursDelivered: z.number(),
    attendances: z.number().int(),
    attendees: z.number().int(),
    attendeeHours: z.number(),
    newlyQualified: z.array(
      z.object({ memberId: z.string(), name: z.string(), qualifiedOn: date }),
    ),
    sessions: z.array(
      z.object({
        id: z.string(),
        startsAt: z.string(),
        venue: z.string(),
        hours: z.number(),
        attendees: z.number().int(),
      }),
    ),
  }),
);
