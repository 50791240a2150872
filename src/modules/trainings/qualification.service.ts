/**
 * Qualifications from the database: loads approved records and the curriculum, then asks the
 * pure engine (qualifications.ts). Pages, the API, matching and the expiry job all come here.
 */
import type { AppDeps } from '../../context.js';
import type { SideStatus, TrainingModule } from '../../../db/schema.js';
import {
  computeQualifications,
  type ModuleDef,
  type Qualifications,
  type TrainingRecord,
} from './qualifications.js';
import { listMembersWithApprovedRecords, listModules, toModuleDef } from './trainings.queries.js';

export interface MemberQualifications extends Qualifications {
  memberId: string;
  helperStatus: SideStatus | null;
  /** Progress through the course a helper must finish: the basic and CPR modules. */
  course: CourseProgress;
}

export interface HelperQualificationRow {
  memberId: string;
  userId: string;
  name: string;
  nameKana: string;
  memberNo: number | null;
  helperStatus: SideStatus | null;
  /** Approved records, with ids (for notices that name a record). */
  records: { id: string; moduleId: string; code: string; completedOn: string }[];
  qualifications: MemberQualifications;
}

export interface CourseProgress {
  modulesDone: number;
  modulesTotal: number;
  hoursDone: number;
  hoursTotal: number;
}

/**
 * "7 of 11 modules, 15 of 24 hours": the basic and CPR modules currently held. CPR is taught in
 * the course and required for matching, so it counts; an expired CPR record counts as not held.
 */
export function courseProgress(
  modules: readonly Pick<ModuleDef, 'code' | 'kind' | 'hours'>[],
  q: Pick<Qualifications, 'missing'>,
): CourseProgress {
  const course = modules.filter((m) => m.kind === 'basic' || m.kind === 'cpr');
  const missing = new Set(q.missing);
  const done = course.filter((m) => !missing.has(m.code));
  const hours = (ms: typeof course) =>
    Math.round(ms.reduce((sum, m) => sum + m.hours, 0) * 100) / 100;
  return {
    modulesDone: done.length,
    modulesTotal: course.length,
    hoursDone: hours(done),
    hoursTotal: hours(course),
  };
}

/**
 * The active curriculum as the engine sees it. Retired (inactive) modules are left out: they
 * are no longer required, and records of them satisfy nothing.
 */
export async function loadCurriculum(deps: Pick<AppDeps, 'db'>) {
  const rows = await listModules(deps.db, { activeOnly: true });
  return { rows, defs: rows.map(toModuleDef) };
}

function qualify(
  today: string,
  helperStatus: SideStatus | null,
  defs: ModuleDef[],
  records: TrainingRecord[],
  memberId: string,
): MemberQualifications {
  const q = computeQualifications({ today, helperStatus, modules: defs, records });
  return { ...q, memberId, helperStatus, course: courseProgress(defs, q) };
}

async function loadRows(
  deps: Pick<AppDeps, 'db'>,
  today: string,
  members: { ids?: readonly string[] },
  curriculum?: { rows: TrainingModule[]; defs: ModuleDef[] },
): Promise<HelperQualificationRow[]> {
  const [{ rows: moduleRows, defs }, rows] = await Promise.all([
    curriculum ?? loadCurriculum(deps),
    listMembersWithApprovedRecords(deps.db, members),
  ]);
  const codeOf = new Map(moduleRows.map((m) => [m.id, m.code]));
  type Entry = Omit<HelperQualificationRow, 'qualifications'> & { engine: TrainingRecord[] };
  const byMember = new Map<string, Entry>();
  for (const r of rows) {
    let entry = byMember.get(r.member_id);
    if (!entry) {
      entry = {
        memberId: r.member_id,
        userId: r.user_id,
        name: r.name,
        nameKana: r.name_kana,
        memberNo: r.member_no,
        helperStatus: r.helper_status,
        records: [],
        engine: [],
      };
      byMember.set(r.member_id, entry);
    }
    const code = r.module_id ? codeOf.get(r.module_id) : undefined;
    if (r.record_id && r.module_id && r.completed_on && r.source && code) {
      entry.records.push({
        id: r.record_id,
        moduleId: r.module_id,
        code,
        completedOn: r.completed_on,
      });
      entry.engine.push({ moduleCode: code, completedOn: r.completed_on, source: r.source });
    }
  }
  // The engine runs when `qualifications` is first read: a caller that needs only the records
  // does not pay for running it for every helper of the city (docs/performance.md).
  return [...byMember.values()].map(({ engine, ...row }) => {
    let q: MemberQualifications | undefined;
    return Object.defineProperty(row, 'qualifications', {
      get: () => (q ??= qualify(today, row.helperStatus, defs, engine, row.memberId)),
      enumerable: true,
    }) as HelperQualificationRow;
  });
}

/**
 * Qualifications of many members at once, for matching and lists: two queries (the curriculum,
 * and the members with their approved records), whatever the number of members. Unknown ids are
 * absent from the map. `today` is the Tokyo date (`tokyoDateOf(deps.clock.now())`).
 */
export async function getQualificationsForMembers(
  deps: Pick<AppDeps, 'db'>,
  memberIds: readonly string[],
  today: string,
): Promise<Map<string, MemberQualifications>> {
  if (memberIds.length === 0) return new Map();
  const rows = await loadRows(deps, today, { ids: [...new Set(memberIds)] });
  return new Map(rows.map((r) => [r.memberId, r.qualifications]));
}

/** One member's qualifications (undefined when there is no such member). */
export async function getQualifications(
  deps: Pick<AppDeps, 'db'>,
  memberId: string,
  today: string,
): Promise<MemberQualifications | undefined> {
  return (await getQualificationsForMembers(deps, [memberId], today)).get(memberId);
}

/** Every member with a helper side (not purged), with records and qualifications: two queries. */
export function listHelperQualifications(
  deps: Pick<AppDeps, 'db'>,
  today: string,
): Promise<HelperQualificationRow[]> {
  return loadRows(deps, today, {});
}
