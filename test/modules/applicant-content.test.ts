import { beforeEach, describe, expect, it } from 'vitest';
import type { SideStatus } from '../../db/schema.js';
import { createMember } from '../helpers/factories.js';
import { createUser, setupTestApp, TestClient, type TestContext } from '../helpers/test-app.js';

/**
 * Issue #22 point 1: an applicant whose sides are all `applied` sees only public content — no
 * announcements, newsletters, directory entries or members' events — and cannot sign up for
 * events. One rule (contentReach, src/modules/access/member-content.policy.ts) behind the
 * events, announcements, newsletters and directory pages and API, and the announcement
 * recipients. Decision: docs/decisions/2026-12-06-applicants-see-public-content.md.
 */

let ctx: TestContext;
let staff: TestClient;
beforeEach(async () => {
  ctx = await setupTestApp();
  staff = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'staff' }));
});

async function person(
  kind: 'requester' | 'helper' | 'both',
  sides: { requesterStatus?: SideStatus; helperStatus?: SideStatus },
) {
  const made = await createMember(ctx.deps, { kind, ...sides });
  return { ...made, client: await TestClient.signedInAs(ctx, made.user) };
}
type Person = Awaited<ReturnType<typeof person>>;

async function created<T>(res: Response): Promise<T> {
  expect(res.status).toBe(201);
  return (await res.json()) as T;
}

/** One of everything members read: events of every audience, news for all, a newsletter, a group. */
async function centerContent() {
  const event = (title: string, audience: string) =>
    staff
      .json('POST', '/api/v1/events', {
        kind: audience === 'public' ? 'lecture' : 'exchange',
        title,
        description: '内容',
        startsAt: '2026-12-05T10:00:00+09:00',
        endsAt: '2026-12-05T12:00:00+09:00',
        venue: 'みどり市民センター',
        capacity: 20,
        audience,
        childcare: false,
      })
      .then((r) => created<{ id: string }>(r));
  const publicEvent = await event('子育て講演会（どなたでも）', 'public');
  const membersEvent = await event('会員みんなの交流会', 'members');
  const helpersEvent = await event('提供会員の交流会', 'helpers');
  const { announcement } = await created<{ announcement: { id: string } }>(
    await staff.json('POST', '/api/v1/announcements', {
      title: '年末年始の休館のお知らせ',
      body: '12月29日から1月3日まで休館します。',
      audience: 'all',
      email: true,
      publish: true,
    }),
  );
  const newsletter = await created<{ id: string }>(
    await staff.json('POST', '/api/v1/newsletters', {
      title: 'つながり通信 冬号',
      issuedOn: '2026-11-20',
      body: '冬の活動のご案内。',
    }),
  );
  const group = await created<{ id: string }>(
    await staff.json('POST', '/api/v1/directory', {
      name: 'みどり子育てひろば',
      kind: 'play',
      area: 'chuo',
      schedule: '毎週水曜日 10:00〜12:00',
      contact: '電話 0120-000-202',
      ageMin: 0,
      ageMax: 6,
      description: '親子で遊べるひろばです。',
      url: 'https://hiroba.example.jp/',
    }),
  );
  return { publicEvent, membersEvent, helpersEvent, announcement, newsletter, group };
}
type Content = Awaited<ReturnType<typeof centerContent>>;

const MEMBERS_ONLY_JA = 'センターが入会を承認すると見られるようになります';

async function expectPublicOnly(p: Person, c: Content) {
  const { client } = p;
  // Events: the public one only, in the list and the API; members' events are 404.
  const events = (await (await client.get('/api/v1/events')).json()) as {
    items: { id: string }[];
  };
  expect(events.items.map((e) => e.id)).toEqual([c.publicEvent.id]);
  const eventList = await (await client.get('/events')).text();
  expect(eventList).toContain('子育て講演会');
  expect(eventList).not.toContain('会員みんなの交流会');
  expect(eventList).not.toContain('提供会員の交流会');
  for (const id of [c.membersEvent.id, c.helpersEvent.id]) {
    expect((await client.get(`/api/v1/events/${id}`)).status).toBe(404);
    expect((await client.get(`/events/${id}`)).status).toBe(404);
  }
  // The public event: seen, but no sign-up (page says when it opens; API and form refuse).
  const page = await client.get(`/events/${c.publicEvent.id}`);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('入会の承認後に申し込めるようになります');
  expect(html).not.toContain(`action="/events/${c.publicEvent.id}/register"`);
  const api = await client.json('POST', `/api/v1/events/${c.publicEvent.id}/registrations`, {});
  expect(api.status).toBe(422);
  expect(await api.json()).toMatchObject({ error: { code: 'member_applicant' } });
  const form = await client.form(`/events/${c.publicEvent.id}/register`, { children: '0' });
  expect(form.status).toBe(422);
  expect(await form.text()).toContain('センターが入会を承認してからできるようになります');
  const rows = await ctx.deps.db
    .selectFrom('event_registration')
    .select('id')
    .where('member_id', '=', p.member.id)
    .execute();
  expect(rows).toEqual([]);

  // Announcements: none listed, none readable, none in the inbox.
  const news = (await (await client.get('/api/v1/announcements')).json()) as { items: unknown[] };
  expect(news.items).toEqual([]);
  expect((await client.get(`/api/v1/announcements/${c.announcement.id}`)).status).toBe(404);
  const notices = await ctx.deps.db
    .selectFrom('notification')
    .select('id')
    .where('user_id', '=', p.user.id)
    .where('kind', '=', 'announcement')
    .execute();
  expect(notices).toEqual([]);

  // Newsletters and the directory: refused with a message saying they open with approval.
  for (const path of [
    '/announcements',
    `/announcements/${c.announcement.id}`,
    '/newsletters',
    `/newsletters/${c.newsletter.id}`,
    '/directory',
    '/directory/print',
  ]) {
    const res = await client.get(path);
    expect(res.status, path).toBe(403);
    const text = await res.text();
    expect(text, path).toContain(MEMBERS_ONLY_JA);
    expect(text, path).not.toContain('年末年始の休館');
    expect(text, path).not.toContain('つながり通信');
    expect(text, path).not.toContain('みどり子育てひろば');
  }
  for (const path of [
    '/api/v1/newsletters',
    '/api/v1/directory',
    `/api/v1/directory/${c.group.id}`,
  ]) {
    const res = await client.get(path, { 'accept-language': 'en' });
    expect(res.status, path).toBe(403);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.code, path).toBe('members_only');
    expect(error.message, path).toContain('once the center has approved your membership');
  }

  // Home: public events only; no news or directory in the menu or the actions.
  const home = await (await client.get('/')).text();
  expect(home).not.toContain('href="/announcements"');
  expect(home).not.toContain('href="/directory"');
  expect(home).not.toContain('年末年始の休館');
  expect(home).not.toContain('会員みんなの交流会');
}

async function expectMembersContent(p: Person, c: Content) {
  const { client } = p;
  const events = (await (await client.get('/api/v1/events')).json()) as {
    items: { id: string }[];
  };
  expect(events.items.map((e) => e.id)).toContain(c.membersEvent.id);
  expect((await client.get(`/events/${c.membersEvent.id}`)).status).toBe(200);
  const news = (await (await client.get('/api/v1/announcements')).json()) as {
    items: { id: string }[];
  };
  expect(news.items.map((a) => a.id)).toContain(c.announcement.id);
  for (const path of [
    `/announcements/${c.announcement.id}`,
    `/newsletters/${c.newsletter.id}`,
    '/directory',
  ])
    expect((await client.get(path)).status, path).toBe(200);
  expect((await client.get('/api/v1/directory')).status).toBe(200);
  expect((await client.get('/api/v1/newsletters')).status).toBe(200);
  const home = await (await client.get('/')).text();
  expect(home).toContain('href="/announcements"');
  expect(home).toContain('href="/directory"');
  const registered = await client.json(
    'POST',
    `/api/v1/events/${c.publicEvent.id}/registrations`,
    {},
  );
  expect(registered.status).toBe(201);
}

describe(
  'an applicant whose sides are all applied sees only public content (point 1)',
  { timeout: 30_000 },
  () => {
    it('a parent applicant: public events only, no news, newsletters or directory, no sign-up', async () => {
      const parent = await person('requester', { requesterStatus: 'applied' });
      const content = await centerContent();
      await expectPublicOnly(parent, content);
    });

    it('an applicant for both sides sees the same; a helper-side applicant too', async () => {
      const content = await centerContent();
      await expectPublicOnly(
        await person('both', { requesterStatus: 'applied', helperStatus: 'applied' }),
        content,
      );
      await expectPublicOnly(await person('helper', { helperStatus: 'applied' }), content);
    });

    it('staff cannot sign an applicant up either (422 member_applicant)', async () => {
      const parent = await person('requester', { requesterStatus: 'applied' });
      const { publicEvent } = await centerContent();
      const res = await staff.json('POST', `/api/v1/events/${publicEvent.id}/registrations`, {
        memberId: parent.member.id,
      });
      expect(res.status).toBe(422);
      expect(await res.json()).toMatchObject({ error: { code: 'member_applicant' } });
    });

    it('approval opens members’ content at once; a member with one approved side is not an applicant', async () => {
      const helper = await person('helper', { helperStatus: 'applied' });
      const content = await centerContent();
      await expectPublicOnly(helper, content);
      const approved = await staff.json('POST', `/api/v1/members/${helper.member.id}/approve`, {
        side: 'helper',
      });
      expect(approved.status).toBe(200);
      await expectMembersContent(helper, content);

      // Requester approved, helper side still applied: a member (her helper side awaits approval).
      await expectMembersContent(
        await person('both', { requesterStatus: 'active', helperStatus: 'applied' }),
        content,
      );
    });

    it('news published while she applied is not sent to her; news after approval is', async () => {
      const parent = await person('requester', { requesterStatus: 'applied' });
      const member = await person('requester', { requesterStatus: 'active' });
      const { announcement } = await created<{ announcement: { id: string }; notified: number }>(
        await staff.json('POST', '/api/v1/announcements', {
          title: '講習会のお知らせ',
          body: '来月、講習会があります。',
          audience: 'requesters',
          email: true,
          publish: true,
        }),
      );
      const told = await ctx.deps.db
        .selectFrom('notification')
        .select('user_id')
        .where('link', '=', `/announcements/${announcement.id}`)
        .execute();
      expect(told.map((n) => n.user_id)).toContain(member.user.id);
      expect(told.map((n) => n.user_id)).not.toContain(parent.user.id);
      const mailed = await ctx.deps.db
        .selectFrom('outbox')
        .select('to_email')
        .where('to_email', '=', parent.user.email)
        .execute();
      expect(mailed).toEqual([]);
    });
  },
);
