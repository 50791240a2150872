import { beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/lib/ids.js';
import { annualReport, monthlyReport } from '../../src/modules/reports/reports.service.js';
import { createChild, createMember } from '../helpers/factories.js';
import { createUser, setupTestApp, TestClient, type TestContext } from '../helpers/test-app.js';

/**
 * The 病児・緊急対応強化事業's figures in the reports (issue #20 point 5), from a hand-written
 * fixture. Rows are inserted directly (as in reports.test.ts). Times are JST; R1 has C1 and C2,
 * R2 has C3; H1 is the helper of every activity.
 *
 *   P1  sick, note 病児       R1 C1     03-03 09:00–17:00   480 min  → sick
 *   P2  sick, note 病後児     R1 C1     03-04 08:00–18:00   600 min  → recovering
 *   P3  sick, no note         R2 C3     03-05 06:30–12:00   330 min  → sick (no note = 病児), early/late
 *   P4  emergency             R1 C1+C2  03-10 22:00–03-11 07:00  540 min → overnight
 *   P5  emergency             R2 C3     03-12 18:00–24:00   360 min  → early/late (ends at midnight)
 *   P6  emergency             R1 C2     03-15 09:00–19:00   600 min  → total only (ends at 19:00)
 *   P7  emergency             R1 C1     03-31 23:00–04-01 02:00  180 min → overnight, in March
 *   P8  emergency, reported (not approved)  03-20 22:00–03-21 06:00  → not counted
 *   P9  ordinary request      R1 C1     03-21 20:00–21:00           → not in the programme
 *   P10 emergency             R1 C1     04-01 05:00–07:00           → April (FY2027)
 *   P11 sick, note 病後児     R2 C3     2026-10-05 10:00–12:00  120 min → FY2026 only
 *
 * March 2027:
 *   sick        P1, P3      count 2, children C1 C3 = 2, 810 min = 13.5 h
 *   recovering  P2          count 1, children C1 = 1,    600 min = 10 h
 *   earlyLate   P3, P5      count 2, children C3 = 1,    690 min = 11.5 h
 *   overnight   P4, P7      count 2, children C1 C2 = 2, 720 min = 12 h
 *   total       P1–P7       count 7, children 3, 480+600+330+540+360+600+180 = 3090 min = 51.5 h
 * Fiscal year 2026 adds P11: recovering count 2, children 2 (C1 C3), 720 min = 12 h; total count
 * 8, children 3, 3210 min = 53.5 h; the other rows as in March.
 */

const jst = (date: string, time = '00:00') => new Date(`${date}T${time}:00+09:00`).toISOString();

let ctx: TestContext;
let staff: Awaited<ReturnType<typeof createUser>>;
let staffId: string;

interface Spec {
  requester: string;
  helper: string;
  children: string[];
  start: string;
  end: string;
  programme: 'sick' | 'emergency' | null;
  condition?: 'sick' | 'recovering';
  status?: 'approved' | 'reported';
}

async function activity(spec: Spec) {
  const db = ctx.deps.db;
  const requestId = newId();
  await db
    .insertInto('care_request')
    .values({
      id: requestId,
      requester_member_id: spec.requester,
      series_id: null,
      category: spec.programme === 'sick' ? 10 : spec.programme === 'emergency' ? 11 : 1,
      starts_at: spec.start,
      ends_at: spec.end,
      care_location: 'helper_home',
      care_location_note: null,
      pickup: null,
      dropoff: null,
      notes: null,
      status: 'completed',
      helper_member_id: spec.helper,
      matched_at: jst('2026-09-01'),
      cancelled_at: null,
      cancelled_by_user_id: null,
      cancelled_by_role: null,
      cancel_kind: null,
      cancel_reason: null,
      cancellation_fee: null,
      created_by_user_id: staffId,
      created_at: jst('2026-09-01'),
      updated_at: jst('2026-09-01'),
      programme: spec.programme,
    })
    .execute();
  if (spec.condition)
    await db
      .insertInto('sick_care_note')
      .values({
        request_id: requestId,
        condition: spec.condition,
        doctor_name: '山田 一郎',
        institution: '山田小児科',
        seen_on: spec.start.slice(0, 10),
        diagnosis: '感冒',
        instructions: '安静に',
        proxy_institution: null,
        proxy_reason: null,
        recorded_by_user_id: staffId,
        recorded_at: jst('2026-09-01'),
        updated_at: jst('2026-09-01'),
      })
      .execute();
  const id = newId();
  const approved = (spec.status ?? 'approved') === 'approved';
  await db
    .insertInto('activity')
    .values({
      id,
      request_id: requestId,
      helper_member_id: spec.helper,
      requester_member_id: spec.requester,
      started_at: spec.start,
      ended_at: spec.end,
      place: null,
      transport_cost: 0,
      meal_cost: 0,
      notes: null,
      fee_total: 1000,
      fee_lines: '[]',
      fee_child_totals: '[]',
      fee_table_valid_from: '2020-04-01',
      status: approved ? 'approved' : 'reported',
      dispute_reason: null,
      return_reason: null,
      reported_at: spec.end,
      confirmed_at: null,
      approved_at: approved ? spec.end : null,
      approved_by: null,
      version: 1,
      created_at: spec.end,
      updated_at: spec.end,
    })
    .execute();
  for (const childId of spec.children)
    await db.insertInto('activity_child').values({ activity_id: id, child_id: childId }).execute();
  await db
    .insertInto('activity_category')
    .values({ activity_id: id, category: spec.programme === 'sick' ? 10 : 11 })
    .execute();
}

beforeEach(async () => {
  ctx = await setupTestApp({ now: jst('2027-04-20', '10:00') });
  staff = await createUser(ctx.deps, { role: 'staff' });
  staffId = staff.id;
  const r1 = (await createMember(ctx.deps, { kind: 'requester', name: 'R1' })).member.id;
  const r2 = (await createMember(ctx.deps, { kind: 'requester', name: 'R2' })).member.id;
  const h1 = (await createMember(ctx.deps, { kind: 'helper', name: 'H1' })).member.id;
  const c1 = (await createChild(ctx.deps, r1, { birthDate: '2023-05-01' })).id;
  const c2 = (await createChild(ctx.deps, r1, { birthDate: '2020-05-01' })).id;
  const c3 = (await createChild(ctx.deps, r2, { birthDate: '2022-05-01' })).id;
  const base = { helper: h1 };
  const list: Spec[] = [
    // P1 … P11 of the table above.
    {
      ...base,
      requester: r1,
      children: [c1],
      programme: 'sick',
      condition: 'sick',
      start: jst('2027-03-03', '09:00'),
      end: jst('2027-03-03', '17:00'),
    },
    {
      ...base,
      requester: r1,
      children: [c1],
      programme: 'sick',
      condition: 'recovering',
      start: jst('2027-03-04', '08:00'),
      end: jst('2027-03-04', '18:00'),
    },
    {
      ...base,
      requester: r2,
      children: [c3],
      programme: 'sick',
      start: jst('2027-03-05', '06:30'),
      end: jst('2027-03-05', '12:00'),
    },
    {
      ...base,
      requester: r1,
      children: [c1, c2],
      programme: 'emergency',
      start: jst('2027-03-10', '22:00'),
      end: jst('2027-03-11', '07:00'),
    },
    {
      ...base,
      requester: r2,
      children: [c3],
      programme: 'emergency',
      start: jst('2027-03-12', '18:00'),
      end: jst('2027-03-13', '00:00'),
    },
    {
      ...base,
      requester: r1,
      children: [c2],
      programme: 'emergency',
      start: jst('2027-03-15', '09:00'),
      end: jst('2027-03-15', '19:00'),
    },
    {
      ...base,
      requester: r1,
      children: [c1],
      programme: 'emergency',
      start: jst('2027-03-31', '23:00'),
      end: jst('2027-04-01', '02:00'),
    },
    {
      ...base,
      requester: r1,
      children: [c1],
      programme: 'emergency',
      status: 'reported',
      start: jst('2027-03-20', '22:00'),
      end: jst('2027-03-21', '06:00'),
    },
    {
      ...base,
      requester: r1,
      children: [c1],
      programme: null,
      start: jst('2027-03-21', '20:00'),
      end: jst('2027-03-21', '21:00'),
    },
    {
      ...base,
      requester: r1,
      children: [c1],
      programme: 'emergency',
      start: jst('2027-04-01', '05:00'),
      end: jst('2027-04-01', '07:00'),
    },
    {
      ...base,
      requester: r2,
      children: [c3],
      programme: 'sick',
      condition: 'recovering',
      start: jst('2026-10-05', '10:00'),
      end: jst('2026-10-05', '12:00'),
    },
  ];
  for (const spec of list) await activity(spec);
});

const MARCH = {
  sick: { count: 2, children: 2, minutes: 810, hours: 13.5 },
  recovering: { count: 1, children: 1, minutes: 600, hours: 10 },
  earlyLate: { count: 2, children: 1, minutes: 690, hours: 11.5 },
  overnight: { count: 2, children: 2, minutes: 720, hours: 12 },
  total: { count: 7, children: 3, minutes: 3090, hours: 51.5 },
};

describe('the programme in the reports (issue #20 point 5)', () => {
  it('counts sick, recovering, early/late and overnight care of a month', async () => {
    const report = await monthlyReport(ctx.deps, '2027-03');
    expect(report.programme).toEqual(MARCH);
    // The center's own figures are untouched: P1–P7 and the ordinary P9 (P8 is not approved).
    expect(report.activities.count).toBe(8);
  });

  it('counts a fiscal year', async () => {
    const report = await annualReport(ctx.deps, 2026);
    expect(report.programme).toEqual({
      ...MARCH,
      recovering: { count: 2, children: 2, minutes: 720, hours: 12 },
      total: { count: 8, children: 3, minutes: 3210, hours: 53.5 },
    });
    const april = await monthlyReport(ctx.deps, '2027-04');
    expect(april.programme.earlyLate).toEqual({ count: 1, children: 1, minutes: 120, hours: 2 });
    expect(april.programme.total).toEqual({ count: 1, children: 1, minutes: 120, hours: 2 });
  });

  it('shows them in the JSON, the CSV and the page, in both languages', async () => {
    const client = await TestClient.signedInAs(ctx, staff);
    const json = await client.get('/api/v1/reports/monthly?month=2027-03');
    expect(json.status).toBe(200);
    expect(((await json.json()) as { programme: unknown }).programme).toEqual(MARCH);

    const csv = await (await client.get('/api/v1/reports/monthly.csv?month=2027-03')).text();
    expect(csv).toContain('病児・緊急対応強化事業,宿泊（件数）,2,\r\n');
    expect(csv).toContain('病児・緊急対応強化事業,宿泊（子ども実人数）,2,\r\n');
    expect(csv).toContain('病児・緊急対応強化事業,病後児（時間）,10,\r\n');
    expect(csv).toContain('病児・緊急対応強化事業,早朝・夜間（時間）,11.5,\r\n');

    const page = await (await client.get('/staff/reports/monthly?month=2027-03')).text();
    expect(page).toContain('id="report-programme"');
    expect(page).toMatch(
      /<th scope="row">病後児<\/th><td class="num">1<\/td><td class="num">1<\/td><td class="num">10<\/td>/,
    );

    const englishUser = await createUser(ctx.deps, { role: 'staff', locale: 'en' });
    const english = await TestClient.signedInAs(ctx, englishUser);
    const annual = await (await english.get('/staff/reports/annual?fiscalYear=2026')).text();
    expect(annual).toContain('Sick-child and emergency programme');
    expect(annual).toMatch(
      /<th scope="row">Overnight<\/th><td class="num">2<\/td><td class="num">2<\/td><td class="num">12<\/td>/,
    );
    const enCsv = await (await english.get('/api/v1/reports/annual.csv?fiscalYear=2026')).text();
    expect(enCsv).toContain('Sick-child and emergency programme,Programme total (hours),53.5,\r\n');
  });
});
