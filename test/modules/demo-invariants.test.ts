import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCenter } from '../../db/seed/demo.js';
import { isCenterClosed } from '../../src/lib/center-calendar.js';
import { addDaysToDate, isoWeekdayOf, tokyoDateOf } from '../../src/lib/dates.js';
import { loadCurriculum } from '../../src/modules/trainings/qualification.service.js';
import { computeQualifications } from '../../src/modules/trainings/qualifications.js';
import { setupTestApp, type TestContext } from '../helpers/test-app.js';

// The demo is the first thing every center sees: it must agree with the calendar and itself.
// Seeded on the test clock's day (Saturday 2026-11-21) and once in late December, when the
// year-end break is close and the holidays of the new year are near.
describe.each([['2026-11-21T01:00:00.000Z'], ['2027-12-20T01:00:00.000Z']])(
  'the demo center seeded at %s',
  (now) => {
    let ctx: TestContext;
    let today: string;
    beforeAll(async () => {
      ctx = await setupTestApp({ now });
      today = tokyoDateOf(ctx.clock.now());
      await seedDemoCenter(ctx.deps);
    }, 300_000);

    it('writes announcements whose weekdays are those of the year they are for', async () => {
      const bodies = await ctx.deps.db.selectFrom('announcement').select('body').execute();
      const weekdays = ['月', '火', '水', '木', '金', '土', '日'];
      let checked = 0;
      for (const { body } of bodies) {
        for (const m of body.matchAll(/(\d{1,2})月(\d{1,2})日（(.)）/g)) {
          // The date meant is the next one on or after a month ago.
          const md = `${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
          const from = addDaysToDate(today, -31);
          let date = `${from.slice(0, 4)}-${md}`;
          if (date < from) date = `${Number(from.slice(0, 4)) + 1}-${md}`;
          expect(`${date} ${weekdays[isoWeekdayOf(date) - 1]}`).toBe(`${date} ${m[3]}`);
          checked++;
        }
      }
      expect(checked).toBeGreaterThanOrEqual(3);
    });

    it('never matches a helper with herself', async () => {
      const self = async (table: 'care_request' | 'pairing' | 'pre_meeting') =>
        (
          await ctx.deps.db
            .selectFrom(table)
            .select('id')
            .whereRef('helper_member_id', '=', 'requester_member_id')
            .execute()
        ).length;
      expect(await self('care_request')).toBe(0);
      expect(await self('pairing')).toBe(0);
      expect(await self('pre_meeting')).toBe(0);
      const activities = await ctx.deps.db
        .selectFrom('activity')
        .innerJoin('care_request', 'care_request.id', 'activity.request_id')
        .select('activity.id')
        .whereRef('activity.helper_member_id', '=', 'care_request.requester_member_id')
        .execute();
      expect(activities).toEqual([]);
    });

    it('has every activity done by a helper whose training was in order that day', async () => {
      const { defs } = await loadCurriculum(ctx.deps);
      const records = await ctx.deps.db
        .selectFrom('training_record')
        .innerJoin('training_module', 'training_module.id', 'training_record.module_id')
        .select(['member_id', 'code', 'completed_on', 'source'])
        .where('status', '=', 'approved')
        .execute();
      const activities = await ctx.deps.db
        .selectFrom('activity')
        .select(['helper_member_id', 'started_at'])
        .execute();
      expect(activities.length).toBeGreaterThan(100);
      const wrong = new Set<string>();
      const seen = new Set<string>();
      for (const a of activities) {
        const day = tokyoDateOf(a.started_at);
        const key = `${a.helper_member_id}:${day}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const q = computeQualifications({
          today: day,
          helperStatus: 'active',
          modules: defs,
          records: records
            .filter((r) => r.member_id === a.helper_member_id && r.completed_on <= day)
            .map((r) => ({ moduleCode: r.code, completedOn: r.completed_on, source: r.source })),
          settings: { followupRequired: false },
        });
        if (!q.requirementsMet) wrong.add(key);
      }
      expect([...wrong]).toEqual([]);
    });

    it('gives each family its own emergency contacts', async () => {
      const contacts = await ctx.deps.db
        .selectFrom('emergency_contact')
        .select(['member_id', 'name', 'phone'])
        .execute();
      expect(contacts.length).toBeGreaterThan(4);
      const owners = (key: (c: (typeof contacts)[number]) => string) => {
        const by = new Map<string, Set<string>>();
        for (const c of contacts) by.set(key(c), (by.get(key(c)) ?? new Set()).add(c.member_id));
        return [...by].filter(([, members]) => members.size > 1).map(([k]) => k);
      };
      expect(owners((c) => c.phone)).toEqual([]);
      expect(owners((c) => c.name)).toEqual([]);
    });

    it('holds no session, orientation or event on a day the center is closed', async () => {
      const days = [
        ...(await ctx.deps.db.selectFrom('orientation').select('starts_at').execute()),
        ...(await ctx.deps.db.selectFrom('training_session').select('starts_at').execute()),
        ...(await ctx.deps.db.selectFrom('event').select('starts_at').execute()),
      ].map((r) => tokyoDateOf(r.starts_at));
      expect(days.length).toBeGreaterThan(5);
      expect(days.filter(isCenterClosed)).toEqual([]);
    });
  },
);
