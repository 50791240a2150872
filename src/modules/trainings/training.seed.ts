/**
 * The demo center's training: the default curriculum, last term's course (held), next term's
 * course, a CPR refresher, a follow-up and a sick-child course (to come). Whichever helper
 * members the demo has get a realistic spread of progress: one eligible whose CPR card expires
 * soon, one in training (7 of 11 modules) signed up for the rest, one fully eligible, one whose
 * CPR lapsed, one with a certificate waiting for staff. Without helper members, only the
 * curriculum and the sessions are created. Built through the domain functions, so it runs on
 * both runtimes and stays valid as the rules change.
 */
import type { AppDeps, CurrentUser } from '../../context.js';
import { openDayOnOrAfter } from '../../lib/center-calendar.js';
import {
  addDaysToDate,
  daysBetween,
  fiscalYearOf,
  fiscalYearStart,
  tokyoDateOf,
  tokyoInstant,
} from '../../lib/dates.js';
import { findMemberById } from '../members/members.queries.js';
import { addMonthsTo } from './qualifications.js';
import { listModules } from './trainings.queries.js';
import {
  addTrainingRecords,
  enrollInSession,
  loadDefaultCurriculum,
  recordAttendance,
  scheduleSession,
} from './trainings.service.js';

const VENUE = 'みどり市民センター 2階 研修室';
const HALL = 'みどり市役所 別館 多目的ホール';

export async function seedTrainingDemo(deps: AppDeps): Promise<void> {
  await loadDefaultCurriculum(deps, null);
  const staffUser = await deps.db
    .selectFrom('user')
    .selectAll()
    .where('role', 'in', ['staff', 'admin'])
    .orderBy('role', 'desc') // 'staff' before 'admin'
    .orderBy('created_at')
    .executeTakeFirst();
  const actor: CurrentUser = staffUser
    ? {
        id: staffUser.id,
        email: staffUser.email,
        name: staffUser.name,
        role: staffUser.role,
        locale: staffUser.locale,
      }
    : { id: 'system', email: 'system@invalid', name: 'system', role: 'staff', locale: null };

  const modules = await listModules(deps.db, { activeOnly: true });
  const id = (code: string) => {
    const m = modules.find((x) => x.code === code);
    if (!m) throw new Error(`demo seed: module ${code} missing`);
    return m.id;
  };
  const today = tokyoDateOf(deps.clock.now());
  // CPR cards are dated from the module's own period (60 months by default since #19), so the
  // stories below (one expiring soon, one lapsed) hold whatever the center set.
  const cprMonths = modules.find((m) => m.code === 'cpr')?.validity_months ?? 60;
  const session = (
    offsetDays: number,
    codes: string[],
    opts: { start?: string; end?: string; venue?: string; capacity?: number; instructor?: string },
  ) => {
    // Never on a day the center is closed (a Sunday, a holiday, the year-end break).
    const date = openDayOnOrAfter(addDaysToDate(today, offsetDays));
    return scheduleSession(deps, actor, {
      moduleIds: codes.map(id),
      startsAt: tokyoInstant(date, opts.start ?? '09:30').toISOString(),
      endsAt: tokyoInstant(date, opts.end ?? '16:00').toISOString(),
      venue: opts.venue ?? VENUE,
      capacity: opts.capacity ?? 20,
      instructor: opts.instructor ?? null,
      notes: null,
    });
  };

  const courseDays = [
    ['basic_heart', 'basic_mind', 'basic_body'],
    ['basic_nursing', 'basic_nutrition', 'basic_care'],
    ['basic_play', 'basic_safety', 'cpr'],
    ['basic_disability', 'basic_rules'],
  ];
  const instructors = [
    'みどり保育園 園長 森田 洋子',
    'みどり市保健センター 保健師 川口 真理',
    'みどり市消防本部 救急隊',
    'センター職員 佐藤 美香',
  ];
  // Last term's course: four Saturdays, two months ago.
  const past: { id: string }[] = [];
  for (const [i, codes] of courseDays.entries()) {
    past.push(await session(-60 + i * 7, codes, { instructor: instructors[i]! }));
  }
  // This fiscal year's follow-up, already held (on April 1 at the earliest).
  const fyStart = fiscalYearStart(fiscalYearOf(today));
  const followupDay = addDaysToDate(today, -20) < fyStart ? fyStart : addDaysToDate(today, -20);
  const pastFollowup = await session(daysBetween(today, followupDay), ['followup'], {
    start: '10:00',
    end: '12:00',
    venue: HALL,
    capacity: 40,
  });
  // To come: next term's course, a CPR refresher, a follow-up and a sick-child course.
  const next: { id: string }[] = [];
  for (const [i, codes] of courseDays.entries()) {
    next.push(await session(14 + i * 7, codes, { instructor: instructors[i]! }));
  }
  await session(10, ['cpr'], {
    start: '13:30',
    end: '16:30',
    capacity: 15,
    instructor: 'みどり市消防本部 救急隊',
  });
  await session(24, ['followup'], { start: '10:00', end: '12:00', venue: HALL, capacity: 40 });
  await session(45, ['sick_infection', 'sick_nursing', 'sick_practice'], {
    start: '09:30',
    end: '17:00',
    capacity: 12,
    instructor: 'みどり小児科 看護師 高野 さとみ',
  });

  const helpers = await deps.db
    .selectFrom('member')
    .select('id')
    .where('helper_status', 'in', ['applied', 'active'])
    .where('withdrawn_at', 'is', null)
    .orderBy('member_no')
    .orderBy('created_at')
    .execute();
  if (helpers.length === 0) return;

  const attend = async (sessionIndex: number, memberId: string, codes?: string[]) => {
    const s = past[sessionIndex]!;
    await enrollInSession(deps, actor, s.id, memberId, { byStaff: true });
    await recordAttendance(deps, actor, s.id, {
      attendees: [{ memberId, attended: true, moduleIds: codes?.map(id) }],
    });
  };
  const external = async (memberId: string, code: string, completedOn: string, note: string) => {
    const member = (await findMemberById(deps.db, memberId))!;
    await addTrainingRecords(
      deps,
      actor,
      member,
      { moduleIds: [id(code)], completedOn, source: 'external', note },
      { byStaff: true },
    );
  };
  const followup = async (memberId: string) => {
    await enrollInSession(deps, actor, pastFollowup.id, memberId, { byStaff: true });
    await recordAttendance(deps, actor, pastFollowup.id, {
      attendees: [{ memberId, attended: true }],
    });
  };

  /** The basic course (CPR apart) as recorded by the old system, 40 months ago. */
  const migratedCourse = async (memberId: string) => {
    const longAgo = addMonthsTo(today, -40);
    for (const codes of courseDays)
      for (const code of codes.filter((c) => c !== 'cpr'))
        await external(memberId, code, longAgo, '旧システムからの移行（2023年度 第1回講習会）');
  };

  for (const [i, { id: memberId }] of helpers.entries()) {
    switch (i % 6) {
      case 0: {
        // An experienced helper: course from the old system, CPR from a fire-department card
        // that expires in about 45 days. Her years of help (demo history) need both.
        await migratedCourse(memberId);
        const cardOn = addDaysToDate(addMonthsTo(today, -cprMonths), 45);
        await external(memberId, 'cpr', cardOn, 'みどり市消防本部 普通救命講習 修了証 第2301号');
        await followup(memberId);
        break;
      }
      case 1: {
        // In training: 7 of 11 modules; signed up for the two days still to do.
        await attend(0, memberId);
        await attend(1, memberId);
        await attend(2, memberId, ['basic_play']);
        await enrollInSession(deps, actor, next[2]!.id, memberId, { byStaff: true });
        await enrollInSession(deps, actor, next[3]!.id, memberId, { byStaff: true });
        break;
      }
      case 2: {
        // Experienced too: course from the old system, CPR renewed last year, follow-up done.
        await migratedCourse(memberId);
        await external(
          memberId,
          'cpr',
          addMonthsTo(today, -20),
          'みどり市消防本部 普通救命講習 修了証 第2044号',
        );
        await followup(memberId);
        break;
      }
      case 3: {
        // Course done long ago (recorded as a certificate), CPR expired last month: lapsed.
        await migratedCourse(memberId);
        await external(
          memberId,
          'cpr',
          addDaysToDate(addMonthsTo(today, -cprMonths), -30),
          'みどり市消防本部 普通救命講習 修了証 第1877号',
        );
        await enrollInSession(deps, actor, next[2]!.id, memberId, { byStaff: true });
        break;
      }
      case 4: {
        // A nurse: exempt from the nursing and body modules; sent her CPR card for checking.
        const member = (await findMemberById(deps.db, memberId))!;
        await addTrainingRecords(
          deps,
          actor,
          member,
          {
            moduleIds: [id('basic_body'), id('basic_nursing')],
            completedOn: addDaysToDate(today, -30),
            source: 'exemption',
            note: '看護師免許 登録番号 第123456号（原本確認済み）',
          },
          { byStaff: true },
        );
        const self: CurrentUser = { ...actor, id: member.user_id, role: 'member' };
        await addTrainingRecords(
          deps,
          self,
          member,
          {
            moduleIds: [id('cpr')],
            completedOn: addDaysToDate(today, -12),
            source: 'external',
            note: '日本赤十字社 救急法基礎講習 受講証 第55-1234号',
          },
          { byStaff: false },
        );
        await enrollInSession(deps, actor, next[0]!.id, memberId, { byStaff: true });
        break;
      }
      default:
        // New helpers: signed up for the first day of the next course.
        await enrollInSession(deps, actor, next[0]!.id, memberId, { byStaff: true });
    }
  }
}
