import type { Insertable } from 'kysely';
import type { Database } from '../schema.js';
import type { Compilable } from '../../src/lib/atomic.js';
import type { AppDeps } from '../../src/context.js';
import {
  addDaysToDate,
  fiscalYearOf,
  isoWeekdayOf,
  tokyoDateOf,
  tokyoInstant,
} from '../../src/lib/dates.js';
import { newId } from '../../src/lib/ids.js';
import { selectFeeTable, type FeeTable } from '../../src/modules/fees/fee-table.js';
import { feeCategory, orderChildrenForFee, toStoredFee } from '../../src/modules/fees/fee-lines.js';
import { cancellationFee, quoteFee } from '../../src/modules/fees/fees.js';
import { childAgeStatus } from '../../src/modules/members/member-rules.js';
import { getCenterSettings } from '../../src/modules/settings/settings.service.js';
import { loadCurriculum } from '../../src/modules/trainings/qualification.service.js';
import { computeQualifications } from '../../src/modules/trainings/qualifications.js';

/**
 * Past help since April of the previous fiscal year (13 to 24 months) for the demo center, so the reports, charts and the
 * previous-year comparison have something to show: requests (most matched and reported, some
 * cancelled, a few unfilled), approved activities with fees from the real fee engine, a few
 * reports still waiting this month, and a couple of incidents. Deterministic: a seeded PRNG and
 * dates relative to the seeding day. Rows go in with a few large atomic batches (no flow per
 * activity: the whole history adds well under a second to the first start).
 *
 * The demo members were all approved on seeding day; their approvals are moved back first (the
 * helpers years ago, the families over the last two years) so member totals grow believably.
 */

/** mulberry32: a tiny deterministic PRNG. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Family {
  id: string;
  joinedOn: string;
  children: { id: string; birthDate: string }[];
  /** The category this family mostly asks for, and its usual helper. */
  habit: number;
  helper: string;
}

/** Planned hours (Tokyo) per category: [start, end] variants. */
const TIMES: Record<number, [string, string][]> = {
  1: [
    ['07:30', '08:30'],
    ['17:30', '19:00'],
  ],
  2: [
    ['07:00', '08:30'],
    ['18:00', '19:30'],
  ],
  3: [
    ['16:00', '18:30'],
    ['17:00', '19:00'],
  ],
  5: [['15:30', '17:30']],
  6: [
    ['13:00', '16:00'],
    ['09:30', '12:00'],
  ],
  7: [['09:00', '13:00']],
  8: [
    ['10:00', '13:00'],
    ['13:30', '16:30'],
  ],
  9: [
    ['09:00', '15:00'],
    ['08:30', '17:30'],
  ],
  10: [['09:00', '17:00']],
  11: [['19:30', '22:00']],
};
const HABITS = [1, 3, 8, 9, 2, 6, 5];
const jstIso = (date: string, time: string) => tokyoInstant(date, time).toISOString();
const plusMinutes = (iso: string, minutes: number) =>
  new Date(new Date(iso).getTime() + minutes * 60_000).toISOString();

/**
 * Whether a helper's training allowed her to help on a day, by her approved records as they
 * stood then (the basic course and a valid CPR; the yearly follow-up is left out, since the
 * demo records only this year's).
 */
async function helperQualification(deps: AppDeps, helperIds: string[]) {
  const { defs } = await loadCurriculum(deps);
  const rows = helperIds.length
    ? await deps.db
        .selectFrom('training_record')
        .innerJoin('training_module', 'training_module.id', 'training_record.module_id')
        .select([
          'training_record.member_id',
          'training_module.code',
          'training_record.completed_on',
          'training_record.source',
        ])
        .where('training_record.member_id', 'in', helperIds)
        .where('training_record.status', '=', 'approved')
        .execute()
    : [];
  const memo = new Map<string, boolean>();
  return (memberId: string, day: string): boolean => {
    const key = `${memberId}:${day}`;
    let ok = memo.get(key);
    if (ok === undefined) {
      const records = rows
        .filter((r) => r.member_id === memberId && r.completed_on <= day)
        .map((r) => ({ moduleCode: r.code, completedOn: r.completed_on, source: r.source }));
      ok = computeQualifications({
        today: day,
        helperStatus: 'active',
        modules: defs,
        records,
        settings: { followupRequired: false },
      }).requirementsMet;
      memo.set(key, ok);
    }
    return ok;
  };
}

export async function seedDemoHistory(deps: AppDeps, staffUserId: string): Promise<void> {
  const random = prng(20260401);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const now = deps.clock.now();
  const today = tokyoDateOf(now);
  // From April of the previous fiscal year: the fiscal-year comparison then has a whole year.
  const firstMonth = `${fiscalYearOf(today) - 1}-04-01`;
  const settings = await getCenterSettings(deps);

  const members = await deps.db
    .selectFrom('member')
    .select(['id', 'kind', 'requester_status', 'helper_status'])
    .orderBy('member_no')
    .execute();
  const helpers = members.filter((m) => m.helper_status === 'active');
  const requesters = members.filter((m) => m.requester_status === 'active');
  if (helpers.length === 0 || requesters.length === 0) return;

  const statements: Compilable[] = [];
  // Helpers joined four to six years ago; families over the last two years, the newest recently.
  helpers.forEach((h, i) => {
    const on = addDaysToDate(today, -(2200 - i * 150));
    statements.push(
      deps.db
        .updateTable('member')
        .set({ helper_approved_at: jstIso(on, '10:00') })
        .where('id', '=', h.id),
    );
  });
  const families: Family[] = [];
  const children = await deps.db
    .selectFrom('child')
    .select(['id', 'member_id', 'birth_date'])
    .where('removed_at', 'is', null)
    .orderBy('birth_date')
    .execute();
  requesters.forEach((r, i) => {
    const joinedOn = addDaysToDate(today, -(720 - i * 95));
    statements.push(
      deps.db
        .updateTable('member')
        .set({ requester_approved_at: jstIso(joinedOn, '11:00') })
        .where('id', '=', r.id),
    );
    families.push({
      id: r.id,
      joinedOn,
      children: children
        .filter((c) => c.member_id === r.id)
        .map((c) => ({ id: c.id, birthDate: c.birth_date })),
      habit: HABITS[i % HABITS.length]!,
      // Never herself: a member on both sides is helped by someone else.
      helper: helpers.filter((h) => h.id !== r.id)[i % Math.max(1, helpers.length - 1)]?.id ?? '',
    });
  });
  const qualifiedOn = await helperQualification(
    deps,
    helpers.map((h) => h.id),
  );

  // Rows per table, inserted in multi-row statements at the end.
  const requestRows: Insertable<Database['care_request']>[] = [];
  const activityRows: Insertable<Database['activity']>[] = [];
  const childRows: Insertable<Database['activity_child']>[] = [];
  const categoryRows: Insertable<Database['activity_category']>[] = [];
  const pairs = new Map<string, { requester: string; helper: string; years: Set<number> }>();
  const approvedActivities: string[] = [];
  let missingLeft = 2;
  for (let day = firstMonth; day < today; day = addDaysToDate(day, 1)) {
    const weekend = isoWeekdayOf(day) >= 6;
    for (const family of families) {
      if (day < family.joinedOn) continue;
      if (random() >= (weekend ? 0.08 : 0.28)) continue;
      const kids = family.children.filter(
        (c) => childAgeStatus(c.birthDate, day, 57, 'end_of_elementary') === 'eligible',
      );
      if (kids.length === 0) continue;
      const roll = random();
      const category =
        roll < 0.03 ? 10 : roll < 0.06 ? 11 : roll < 0.75 ? family.habit : pick([6, 7, 8]);
      const [startTime, endTime] = pick(TIMES[category] ?? TIMES[8]!);
      const startsAt = jstIso(day, startTime);
      const endsAt = jstIso(day, endTime);
      const chosen = kids.length > 1 && random() < 0.3 ? kids.slice(0, 2) : [pick(kids)];
      // Only helpers whose training (course and CPR) was in order that day, and never herself.
      const able = helpers.filter((h) => h.id !== family.id && qualifiedOn(h.id, day));
      const usual = able.find((h) => h.id === family.helper) ?? able[0];
      const other = random() < 0.75 ? null : able.length ? pick(able) : null;
      if (!usual) continue;
      const helper = (other ?? usual).id;
      const madeAt = plusMinutes(startsAt, -(2 + Math.floor(random() * 9)) * 1440 - 300);
      const matchedAt = plusMinutes(madeAt, 60 + Math.floor(random() * 36) * 60);
      const requestId = newId();
      const outcome = random();
      const table = selectFeeTable(settings.fees, new Date(startsAt)) as FeeTable;
      const request = {
        id: requestId,
        requester_member_id: family.id,
        series_id: null,
        category,
        starts_at: startsAt,
        ends_at: endsAt,
        care_location: 'helper_home' as const,
        care_location_note: null,
        pickup: category === 1 || category === 5 ? 'みどり保育園' : null,
        dropoff: null,
        notes: null,
        helper_member_id: helper as string | null,
        matched_at: matchedAt as string | null,
        cancelled_at: null as string | null,
        cancelled_by_user_id: null as string | null,
        cancelled_by_role: null as 'requester' | 'helper' | 'staff' | null,
        cancel_kind: null as 'cancel' | null,
        cancel_reason: null as string | null,
        cancellation_fee: null as number | null,
        created_by_user_id: staffUserId,
        created_at: madeAt,
        updated_at: madeAt,
      };
      if (outcome < 0.035) {
        // Nobody could take it.
        requestRows.push({ ...request, status: 'open', helper_member_id: null, matched_at: null });
      } else if (outcome < 0.1) {
        // Cancelled: by the family (sometimes on the day, which costs the first hour), the helper or staff.
        const by = pick(['requester', 'requester', 'helper', 'staff'] as const);
        const sameDay = by === 'requester' && random() < 0.4;
        const cancelledAt = sameDay
          ? plusMinutes(startsAt, -120)
          : plusMinutes(startsAt, -1440 * 2);
        const fee = cancellationFee({
          planned: {
            startsAt: new Date(startsAt),
            endsAt: new Date(endsAt),
            childCount: chosen.length,
            category: feeCategory([category], table),
          },
          cancelledAt: new Date(cancelledAt),
          cancelledBy: by,
          kind: 'cancel',
          table,
        }).amount;
        requestRows.push({
          ...request,
          status: 'cancelled',
          cancelled_at: cancelledAt,
          cancelled_by_user_id: staffUserId,
          cancelled_by_role: by,
          cancel_kind: 'cancel',
          cancel_reason: by === 'requester' ? '子どもの体調不良のため' : '都合がつかなくなったため',
          cancellation_fee: fee > 0 ? fee : null,
          updated_at: cancelledAt,
        });
      } else {
        const recent = day >= `${today.slice(0, 7)}-01`;
        if (recent && missingLeft > 0 && random() < 0.15) {
          // Matched, done, and the helper has not written the report yet.
          missingLeft -= 1;
          requestRows.push({ ...request, status: 'matched' });
        } else {
          const startedAt = plusMinutes(startsAt, pick([0, 0, -15]));
          const endedAt = plusMinutes(endsAt, pick([0, 0, 15, 30]));
          const ordered = orderChildrenForFee(chosen);
          const stored = toStoredFee(
            quoteFee({
              startsAt: new Date(startedAt),
              endsAt: new Date(endedAt),
              childCount: ordered.length,
              category: feeCategory([category], table),
              table,
            }),
            ordered.map((c) => c.id),
          );
          const status = recent ? pick(['reported', 'confirmed', 'approved'] as const) : 'approved';
          const activityId = newId();
          const reportedAt = plusMinutes(endedAt, 180);
          requestRows.push({ ...request, status: 'completed' });
          activityRows.push({
            id: activityId,
            request_id: requestId,
            helper_member_id: helper,
            requester_member_id: family.id,
            started_at: startedAt,
            ended_at: endedAt,
            place: null,
            transport_cost: category === 1 || category === 5 ? pick([0, 220, 360]) : 0,
            meal_cost: category === 9 && random() < 0.3 ? 400 : 0,
            notes: null,
            fee_total: stored.total,
            fee_lines: JSON.stringify(stored.lines),
            fee_child_totals: JSON.stringify(stored.childTotals),
            fee_table_valid_from: table.validFrom,
            status,
            dispute_reason: null,
            return_reason: null,
            reported_at: reportedAt,
            confirmed_at: status === 'reported' ? null : plusMinutes(reportedAt, 1440),
            approved_at: status === 'approved' ? plusMinutes(reportedAt, 2880) : null,
            approved_by: status === 'approved' ? staffUserId : null,
            version: 1,
            created_at: reportedAt,
            updated_at: reportedAt,
          });
          for (const c of chosen) childRows.push({ activity_id: activityId, child_id: c.id });
          categoryRows.push({ activity_id: activityId, category });
          if (status === 'approved') approvedActivities.push(activityId);
        }
        const key = `${family.id}:${helper}`;
        const pair = pairs.get(key) ?? { requester: family.id, helper, years: new Set<number>() };
        pair.years.add(fiscalYearOf(day));
        pairs.set(key, pair);
      }
    }
  }

  const later: Compilable[] = [];
  for (const pair of pairs.values()) {
    later.push(
      deps.db
        .insertInto('pairing')
        .values({
          id: newId(),
          requester_member_id: pair.requester,
          helper_member_id: pair.helper,
          created_at: jstIso(firstMonth, '10:00'),
        })
        .onConflict((oc) => oc.columns(['requester_member_id', 'helper_member_id']).doNothing()),
    );
    for (const year of pair.years) {
      // Held at the start of each fiscal year of the pairing (or when the history begins).
      const heldOn = `${year}-04-05` < firstMonth ? firstMonth : `${year}-04-05`;
      later.push(
        deps.db.insertInto('pre_meeting').values({
          id: newId(),
          requester_member_id: pair.requester,
          helper_member_id: pair.helper,
          held_on: heldOn,
          fiscal_year: year,
          place: 'みどり市子育て支援センター',
          attendees: '依頼会員・提供会員・アドバイザー',
          emergency_procedure: '保護者に連絡、つながらない場合は緊急連絡先へ。必要に応じて119番。',
          agreed_details: null,
          notes: null,
          recorded_by_user_id: staffUserId,
          created_at: jstIso(heldOn, '15:00'),
        }),
      );
    }
  }

  // Two near-misses and a minor accident, spread over the history.
  const incidents = [
    {
      kind: 'near_miss',
      severity: 'minor',
      text: '公園の遊具で足を滑らせかけたが、手を添えて転倒を防いだ。',
    },
    {
      kind: 'near_miss',
      severity: 'minor',
      text: '横断歩道で子どもが手を離して走り出しかけた。すぐに呼び止めた。',
    },
    {
      kind: 'accident',
      severity: 'minor',
      text: '室内で転んで膝をすりむいた。水で洗い絆創膏を貼った。',
    },
  ] as const;
  incidents.forEach((incident, i) => {
    const activityId = approvedActivities[Math.floor(((i + 1) * approvedActivities.length) / 4)];
    if (!activityId) return;
    later.push(
      deps.db.insertInto('incident').values({
        id: newId(),
        activity_id: activityId,
        kind: incident.kind,
        severity: incident.severity,
        serious_reason: null,
        description: incident.text,
        action_taken: '保護者に引き渡し時に説明し、センターに報告した。',
        reported_to_prefecture_at: null,
        created_by: staffUserId,
        created_at: now.toISOString(),
      }),
    );
  });

  // NOTE: D1 binds at most 100 parameters per statement (the demo is also seeded inside workerd
  // by tests), so each multi-row INSERT carries as many rows as fit in 99 parameters.
  const chunks = <T extends object>(list: T[]): T[][] => {
    const size = list[0] ? Math.max(1, Math.floor(99 / Object.keys(list[0]).length)) : 1;
    return Array.from({ length: Math.ceil(list.length / size) }, (_, k) =>
      list.slice(k * size, (k + 1) * size),
    );
  };
  statements.push(
    ...chunks(requestRows).map((rows) => deps.db.insertInto('care_request').values(rows)),
    ...chunks(activityRows).map((rows) => deps.db.insertInto('activity').values(rows)),
    ...chunks(childRows).map((rows) => deps.db.insertInto('activity_child').values(rows)),
    ...chunks(categoryRows).map((rows) => deps.db.insertInto('activity_category').values(rows)),
  );
  // Pairings, pre-meetings and incidents refer to the rows above: they go last.
  await deps.atomic([...statements, ...later]);
}
