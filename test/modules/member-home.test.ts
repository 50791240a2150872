import { beforeEach, describe, expect, it } from 'vitest';
import type { RequestStatus } from '../../db/schema.js';
import { newId } from '../../src/lib/ids.js';
import {
  createChild,
  createEligibleHelper,
  createMember,
  insertActivityRow,
  insertRequestRow,
} from '../helpers/factories.js';
import { createUser, setupTestApp, TestClient, type TestContext } from '../helpers/test-app.js';

// The member home (#17): what waits for a helper (offers she answers right there, her help,
// reports to write) and for a parent (reports to confirm, her next help, requests still looking
// for a helper), and the navigation's counts read with the session.
let ctx: TestContext;
let staff: { id: string; role: 'staff' };

beforeEach(async () => {
  // Now: Saturday 21 November 2026, 10:00 JST.
  ctx = await setupTestApp();
  staff = (await createUser(ctx.deps, { role: 'staff' })) as { id: string; role: 'staff' };
});

const iso = (date: string, time: string) => new Date(`${date}T${time}:00+09:00`).toISOString();

async function parties() {
  const parent = await createMember(ctx.deps, { kind: 'requester', name: '田中 さくら' });
  const child = await createChild(ctx.deps, parent.member.id, { birthDate: '2021-05-10' });
  const helper = await createEligibleHelper(ctx.deps, { name: '鈴木 恵子' });
  return { parent, child, helper };
}
type Parties = Awaited<ReturnType<typeof parties>>;

async function request(
  p: Parties,
  status: RequestStatus,
  date: string,
  times: [string, string] = ['13:00', '15:00'],
  helper = true,
) {
  const id = await insertRequestRow(ctx.deps, {
    requester_member_id: p.parent.member.id,
    helper_member_id: helper ? p.helper.member.id : null,
    starts_at: iso(date, times[0]),
    ends_at: iso(date, times[1]),
    created_by_user_id: p.parent.user.id,
    category: 8,
    status,
  });
  await ctx.deps.db
    .insertInto('care_request_child')
    .values({ request_id: id, child_id: p.child.id })
    .execute();
  return id;
}

async function offer(
  p: Parties,
  requestId: string,
  expiresAt: string,
  status = 'offered' as const,
) {
  const id = newId();
  await ctx.deps.db
    .insertInto('offer')
    .values({
      id,
      request_id: requestId,
      helper_member_id: p.helper.member.id,
      status,
      offered_by_user_id: staff.id,
      offered_at: ctx.deps.clock.now().toISOString(),
      expires_at: expiresAt,
      responded_at: null,
      decline_reason: null,
    })
    .execute();
  return id;
}

const page = async (client: TestClient, path = '/') => {
  const res = await client.get(path);
  expect(res.status).toBe(200);
  return res.text();
};
/** The text of the section headed by `id`. */
const section = (html: string, id: string) =>
  new RegExp(`<section aria-labelledby="${id}"[\\s\\S]*?</section>`).exec(html)?.[0] ?? '';

describe('helper home', () => {
  it('shows open offers with accept and decline forms, her help and the reports to write', async () => {
    const p = await parties();
    const open = await request(p, 'offered', '2026-11-25', ['09:00', '12:00'], false);
    const openOffer = await offer(p, open, iso('2026-11-22', '10:00'));
    // Not waiting: an expired offer, and one whose request the family cancelled.
    const stale = await request(p, 'offered', '2026-11-26', ['09:00', '12:00'], false);
    const staleOffer = await offer(p, stale, iso('2026-11-21', '09:00'));
    const cancelled = await request(p, 'cancelled', '2026-11-27', ['09:00', '12:00'], false);
    const cancelledOffer = await offer(p, cancelled, iso('2026-11-22', '10:00'));
    // Her help: today later, and next week; one ended this morning without a report; one reported.
    const today = await request(p, 'matched', '2026-11-21', ['13:00', '15:00']);
    const nextWeek = await request(p, 'matched', '2026-11-28', ['13:00', '15:00']);
    const ended = await request(p, 'matched', '2026-11-21', ['07:00', '09:00']);
    const reported = await request(p, 'matched', '2026-11-20', ['13:00', '15:00']);
    await insertActivityRow(ctx.deps, {
      request_id: reported,
      helper_member_id: p.helper.member.id,
      requester_member_id: p.parent.member.id,
      started_at: iso('2026-11-20', '13:00'),
      ended_at: iso('2026-11-20', '15:00'),
      fee_total: 1400,
      status: 'reported',
    });

    const client = await TestClient.signedInAs(ctx, p.helper.user);
    const html = await page(client);
    const offers = section(html, 'home-offers');
    expect(offers).toContain(`action="/offers/${openOffer}/accept"`);
    expect(offers).toContain(`action="/offers/${openOffer}/decline"`);
    expect(offers).toContain('5歳6か月'); // the child's age, never her name
    expect(offers).not.toContain(p.child.name);
    for (const id of [staleOffer, cancelledOffer]) expect(html).not.toContain(`/offers/${id}/`);

    const reports = section(html, 'home-reports');
    expect(reports).toContain(`href="/activities/new?request=${ended}"`);
    expect(reports).not.toContain(reported);
    const next = section(html, 'home-next');
    expect(next.indexOf(`/requests/${today}`)).toBeGreaterThan(-1);
    expect(next.indexOf(`/requests/${nextWeek}`)).toBeGreaterThan(
      next.indexOf(`/requests/${today}`),
    );
    expect(next).toContain('今日');
    expect(next).not.toContain(`/requests/${ended}"`);

    // The navigation counts what waits: one offer, one report to write.
    expect(html).toMatch(/aria-label="依頼の紹介（対応待ち 1 件）"[^>]*>依頼の紹介 \(1\)<\/a>/);
    expect(html).toMatch(/aria-label="活動報告（対応待ち 1 件）"[^>]*>活動報告 \(1\)<\/a>/);
    // No parent sections for a helper.
    expect(html).not.toContain('href="/requests/new"');
    expect(section(html, 'home-confirm')).toBe('');
  });

  it('accepts an offer with the home page’s form, in one post', async () => {
    const p = await parties();
    const open = await request(p, 'offered', '2026-11-25', ['09:00', '12:00'], false);
    const id = await offer(p, open, iso('2026-11-22', '10:00'));
    const client = await TestClient.signedInAs(ctx, p.helper.user);
    const action = /<form method="post" action="(\/offers\/[^"]+\/accept)"/.exec(
      section(await page(client), 'home-offers'),
    )?.[1];
    expect(action).toBe(`/offers/${id}/accept`);
    const res = await client.form(action!, {});
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/requests/${open}`);
    const after = await page(client);
    expect(section(after, 'home-offers')).toContain('回答を待っている紹介はありません。');
    expect(section(after, 'home-next')).toContain(`/requests/${open}`);
    expect(after).not.toMatch(/依頼の紹介 \(\d+\)/);
  });
});

describe('parent home', () => {
  it('starts with a new request button, then reports to confirm, the next help and requests looking for a helper', async () => {
    const p = await parties();
    const reported = await request(p, 'matched', '2026-11-20');
    const activity = await insertActivityRow(ctx.deps, {
      request_id: reported,
      helper_member_id: p.helper.member.id,
      requester_member_id: p.parent.member.id,
      started_at: iso('2026-11-20', '13:00'),
      ended_at: iso('2026-11-20', '15:00'),
      fee_total: 1400,
      status: 'reported',
    });
    const matched = await request(p, 'matched', '2026-11-24');
    const looking = await request(p, 'open', '2026-11-26', ['13:00', '15:00'], false);
    const offered = await request(p, 'offered', '2026-11-27', ['13:00', '15:00'], false);
    const started = await request(p, 'open', '2026-11-21', ['09:00', '11:00'], false);

    const client = await TestClient.signedInAs(ctx, p.parent.user);
    const html = await page(client);
    const main = html.slice(html.indexOf('<main'));
    // The new request button comes first, right after the greeting.
    expect(main.indexOf('href="/requests/new"')).toBeGreaterThan(-1);
    expect(main.indexOf('href="/requests/new"')).toBeLessThan(main.indexOf('<section'));

    expect(section(html, 'home-confirm')).toContain(`href="/activities/${activity}"`);
    expect(section(html, 'home-confirm')).toContain('提供会員：鈴木 恵子さん');
    expect(section(html, 'home-help')).toContain(`/requests/${matched}`);
    const lookingHtml = section(html, 'home-looking');
    expect(lookingHtml).toContain(`/requests/${looking}`);
    expect(lookingHtml).toContain(`/requests/${offered}`);
    expect(lookingHtml).toContain('紹介中');
    expect(lookingHtml).not.toContain(`/requests/${started}`);
    expect(html).toMatch(/aria-label="活動の確認・明細（対応待ち 1 件）"/);
    expect(section(html, 'home-offers')).toBe('');
  });

  it('in English', async () => {
    const p = await parties();
    await ctx.deps.db
      .updateTable('user')
      .set({ locale: 'en' })
      .where('id', '=', p.parent.user.id)
      .execute();
    const html = await page(await TestClient.signedInAs(ctx, p.parent.user));
    expect(html).toContain('Request help');
    expect(section(html, 'home-looking')).toContain('No requests are looking for a helper.');
    expect(html).toContain('>Menu<');
  });
});

describe('a parent who cannot ask for help yet', () => {
  it.each([
    ['applied', '入会のお申し込みを受け付けました', 'href="/my/orientations"'],
    // A suspended requester signs in only through an active helper side (issue #22).
    ['suspended', '利用を一時停止しているため、いまは申し込めません', null],
  ] as const)(
    'tells a requester who is %s why, instead of showing a new request button',
    async (status, says, next) => {
      const parent = await createMember(ctx.deps, {
        kind: status === 'applied' ? 'requester' : 'both',
        requesterStatus: status,
        ...(status === 'suspended' && { helperStatus: 'active' as const }),
      });
      const html = await page(await TestClient.signedInAs(ctx, parent.user));
      const main = html.slice(html.indexOf('<main'));
      expect(main).not.toContain('href="/requests/new"');
      expect(main).toContain(says);
      if (next) expect(main).toContain(next);
    },
  );
});

describe('staff home and the counts', () => {
  it('keeps the staff dashboard and shows no member counts', async () => {
    const html = await page(await TestClient.signedInAs(ctx, staff));
    expect(section(html, 'home-offers')).toBe('');
    expect(html).not.toContain('対応待ち');
  });
});

/** 21 items, 20 per page: the first page lists the newest 20 and links on, the second the rest. */
async function expectTwoPages(
  client: TestClient,
  ids: string[],
  at: { item: RegExp; first: string; second: string; next: string; prev: string },
) {
  const listed = (html: string) => [...html.matchAll(at.item)].map((m) => m[1]);
  const first = await page(client, at.first);
  expect(listed(first)).toEqual(ids.slice(0, 20));
  expect(first).toContain(at.next);
  const second = await page(client, at.second);
  expect(listed(second)).toEqual(ids.slice(20));
  expect(second).toContain(at.prev);
  return second;
}

describe('lists that end', () => {
  it('pages a helper’s reports and a family’s activities, newest first, with page links', async () => {
    const p = await parties();
    // 23 approved activities on 23 days: pages of 20, so page 2 holds the 3 oldest.
    const ids: string[] = [];
    for (let day = 1; day <= 23; day++) {
      const date = `2026-10-${String(day).padStart(2, '0')}`;
      const requestId = await request(p, 'completed', date);
      ids.push(
        await insertActivityRow(ctx.deps, {
          request_id: requestId,
          helper_member_id: p.helper.member.id,
          requester_member_id: p.parent.member.id,
          started_at: iso(date, '13:00'),
          ended_at: iso(date, '15:00'),
          fee_total: 1400,
        }),
      );
    }
    const newestFirst = [...ids].reverse();
    const shown = (html: string) =>
      [...html.matchAll(/<a href="\/activities\/([\w-]+)">/g)].map((m) => m[1]);

    for (const [who, key] of [
      [p.helper.user, 'reports'],
      [p.parent.user, 'past'],
    ] as const) {
      const client = await TestClient.signedInAs(ctx, who);
      const first = await page(client, '/activities');
      expect(shown(first)).toEqual(newestFirst.slice(0, 20));
      expect(first).toContain(`<a href="/activities?${key}=2" rel="next">`);
      expect(first).toMatch(/<nav class="pager" aria-label="ページ">/);
      const second = await page(client, `/activities?${key}=2`);
      expect(shown(second)).toEqual(newestFirst.slice(20));
      expect(second).toContain('<a href="/activities" rel="prev">');
      expect(second).toMatch(/href="\/activities\?[\w=]*2" aria-current="page"/);
      // A page past the end, or a bad number, shows an empty page or the first: never an error.
      expect(shown(await page(client, `/activities?${key}=9`))).toEqual([]);
      expect(shown(await page(client, `/activities?${key}=abc`))).toEqual(newestFirst.slice(0, 20));
    }
  });

  it('pages the answered offers of 依頼の紹介 and keeps the open ones on every page', async () => {
    const p = await parties();
    const open = await request(p, 'offered', '2026-11-25', ['09:00', '12:00'], false);
    const openOffer = await offer(p, open, iso('2026-11-22', '10:00'));
    const answered: string[] = [];
    for (let day = 1; day <= 23; day++) {
      const date = `2026-10-${String(day).padStart(2, '0')}`;
      const requestId = await request(p, 'cancelled', date, ['13:00', '15:00'], false);
      await offer(p, requestId, iso(date, '09:00'), 'declined' as 'offered');
      answered.push(requestId);
    }
    const latestFirst = [...answered].reverse();
    const client = await TestClient.signedInAs(ctx, p.helper.user);
    const listed = (html: string) =>
      [...section(html, 'answered-offers').matchAll(/href="\/requests\/([\w-]+)"/g)].map(
        (m) => m[1],
      );
    const first = await page(client, '/offers');
    expect(first).toContain(`/offers/${openOffer}/accept`);
    expect(listed(first)).toEqual(latestFirst.slice(0, 20));
    expect(first).toContain('<a href="/offers?page=2" rel="next">');
    const second = await page(client, '/offers?page=2');
    expect(second).toContain(`/offers/${openOffer}/accept`);
    expect(listed(second)).toEqual(latestFirst.slice(20));
    expect(second).toContain('<a href="/offers" rel="prev">');
  });

  it('pages the announcements, newest first, with a link to the next page while there is one', async () => {
    const p = await parties();
    const ids: string[] = [];
    for (let day = 1; day <= 21; day++) {
      const at = iso(`2026-10-${String(day).padStart(2, '0')}`, '09:00');
      const id = newId();
      await ctx.deps.db
        .insertInto('announcement')
        .values({
          id,
          title: `お知らせ ${day}`,
          body: '本文',
          audience: 'all',
          published_at: at,
          created_by: staff.id,
          created_at: at,
          updated_at: at,
        })
        .execute();
      ids.push(id);
    }
    const newestFirst = [...ids].reverse();
    const client = await TestClient.signedInAs(ctx, p.parent.user);
    const second = await expectTwoPages(client, newestFirst, {
      item: /<a href="\/announcements\/([\w-]+)">/g,
      first: '/announcements',
      second: '/announcements?page=2',
      next: '<a href="/announcements?page=2" rel="next">',
      prev: '<a href="/announcements" rel="prev">',
    });
    expect(second).not.toContain('rel="next"');
  });

  it('pages the past events, latest first, keeping ?when=past in the page links', async () => {
    const p = await parties();
    const ids: string[] = [];
    for (let day = 1; day <= 21; day++) {
      const date = `2026-10-${String(day).padStart(2, '0')}`;
      const id = newId();
      await ctx.deps.db
        .insertInto('event')
        .values({
          id,
          kind: 'exchange',
          title: `交流会 ${day}`,
          starts_at: iso(date, '10:00'),
          ends_at: iso(date, '12:00'),
          venue: 'みどり市役所',
          capacity: 20,
          audience: 'members',
          cancelled_at: null,
          created_by: staff.id,
          created_at: iso('2026-09-01', '09:00'),
          updated_at: iso('2026-09-01', '09:00'),
        })
        .execute();
      ids.push(id);
    }
    const latestFirst = [...ids].reverse();
    const client = await TestClient.signedInAs(ctx, p.parent.user);
    await expectTwoPages(client, latestFirst, {
      item: /<a href="\/events\/([\w-]+)">/g,
      first: '/events?when=past',
      second: '/events?when=past&page=2',
      next: '<a href="/events?when=past&amp;page=2" rel="next">',
      prev: '<a href="/events?when=past" rel="prev">',
    });
  });
});
