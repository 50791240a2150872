/**
 * The training figures of a period for the monthly and fiscal-year reports: sessions held,
 * attendance, hours delivered and newly qualified helpers.
 */
import type { AppDeps } from '../../context.js';
import {
  addDaysToDate,
  fiscalYearEnd,
  fiscalYearOf,
  fiscalYearStart,
  tokyoDateOf,
  tokyoInstant,
} from '../../lib/dates.js';
import {
  listFirstCompletions,
  listHeldAttendanceHours,
  listHeldSessionHours,
  listHeldSessions,
  listModules,
} from './trainings.queries.js';

export interface TrainingSummary {
  /** The period, Tokyo dates, both inclusive. */
  from: string;
  to: string;
  /** Sessions in the period that were not cancelled and have started by now. */
  sessionsHeld: number;
  /** Hours of training given: the module hours of each session held, summed over sessions. */
  hoursDelivered: number;
  /** Attendances: (session, helper) pairs with at least one module recorded. */
  attendances: number;
  /** Distinct helpers who attended at least one session. */
  attendees: number;
  /** Hours attended, summed over helpers (a helper attending 3 h of modules adds 3). */
  attendeeHours: number;
  /**
   * Helpers who completed the course (every basic and CPR module of the current curriculum,
   * each counted from its first approved completion) on a day within the period.
   */
  newlyQualified: { memberId: string; name: string; qualifiedOn: string }[];
  sessions: { id: string; startsAt: string; venue: string; hours: number; attendees: number }[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export async function trainingSummary(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  from: string,
  to: string,
): Promise<TrainingSummary> {
  const fromIso = tokyoInstant(from).toISOString();
  const toIso = tokyoInstant(addDaysToDate(to, 1)).toISOString();
  const nowIso = deps.clock.now().toISOString();
  const endIso = nowIso < toIso ? nowIso : toIso;

  const [sessions, sessionHours, attendance, modules] = await Promise.all([
    listHeldSessions(deps.db, fromIso, endIso),
    listHeldSessionHours(deps.db, fromIso, endIso),
    listHeldAttendanceHours(deps.db, fromIso, endIso),
    listModules(deps.db, { activeOnly: true }),
  ]);

  const course = modules.filter((m) => m.kind === 'basic' || m.kind === 'cpr');
  const firsts =
    course.length === 0
      ? []
      : await listFirstCompletions(
          deps.db,
          course.map((m) => m.id),
          to,
        );

  const perMember = new Map<string, { name: string; count: number; last: string }>();
  for (const r of firsts) {
    const entry = perMember.get(r.member_id) ?? { name: r.name, count: 0, last: '' };
    entry.count += 1;
    if (r.first_on > entry.last) entry.last = r.first_on;
    perMember.set(r.member_id, entry);
  }
  const newlyQualified = [...perMember]
    .filter(([, e]) => e.count === course.length && e.last >= from && e.last <= to)
    .map(([memberId, e]) => ({ memberId, name: e.name, qualifiedOn: e.last }))
    .sort((a, b) => (a.qualifiedOn < b.qualifiedOn ? -1 : a.qualifiedOn > b.qualifiedOn ? 1 : 0));

  const hoursOf = new Map(sessionHours.map((s) => [s.id, Number(s.h ?? 0)]));
  const attendeesOf = new Map<string, number>();
  for (const a of attendance) {
    if (a.session_id) attendeesOf.set(a.session_id, (attendeesOf.get(a.session_id) ?? 0) + 1);
  }
  return {
    from,
    to,
    sessionsHeld: sessions.length,
    hoursDelivered: round2(sessions.reduce((sum, s) => sum + (hoursOf.get(s.id) ?? 0), 0)),
    attendances: attendance.length,
    attendees: new Set(attendance.map((a) => a.member_id)).size,
    attendeeHours: round2(attendance.reduce((sum, a) => sum + Number(a.h ?? 0), 0)),
    newlyQualified,
    sessions: sessions.map((s) => ({
      id: s.id,
      startsAt: s.starts_at,
      venue: s.venue,
      hours: round2(hoursOf.get(s.id) ?? 0),
      attendees: attendeesOf.get(s.id) ?? 0,
    })),
  };
}

/** The fiscal year (April 1 – March 31) containing today, as a summary period. */
export function currentFiscalYearPeriod(deps: Pick<AppDeps, 'clock'>): {
  from: string;
  to: string;
} {
  const fy = fiscalYearOf(tokyoDateOf(deps.clock.now()));
  return { from: fiscalYearStart(fy), to: fiscalYearEnd(fy) };
}
