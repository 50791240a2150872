import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppDeps } from '../../src/context.js';
import { runJobs, type NamedJob } from '../../src/jobs/scheduled.js';
import { scheduledJobs } from '../../src/jobs/index.js';
import { MINUTE } from '../../src/lib/clock.js';
import type { Mailer, MemoryMailer } from '../../src/lib/mailer.js';
import {
  buildNotifyStatements,
  countUnread,
  notify,
  type NotificationInput,
} from '../../src/modules/notifications/notifications.service.js';
import { deliverOutbox } from '../../src/modules/notifications/outbox.service.js';
import { buildAuditInsert } from '../../src/modules/audit/audit.queries.js';
import { createMember } from '../helpers/factories.js';
import { createUser, setupTestApp, TestClient, type TestContext } from '../helpers/test-app.js';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await setupTestApp(); // 2026-11-21 10:00 JST
});
afterEach(() => {
  vi.restoreAllMocks();
});

const testNotice = (userId: string, extra: Partial<NotificationInput> = {}): NotificationInput => ({
  userId,
  kind: 'test',
  params: { name: 'Keiko', number: 7 },
  link: '/inbox',
  ...extra,
});

const notifications = () =>
  ctx.deps.db.selectFrom('notification').selectAll().orderBy('created_at').execute();
const outbox = () => ctx.deps.db.selectFrom('outbox').selectAll().orderBy('created_at').execute();
const sentMail = () => (ctx.deps.mailer as MemoryMailer).sent;

interface InboxJson {
  items: {
    id: string;
    kind: string;
    title: string;
    body: string;
    link: string | null;
    createdAt: string;
    readAt: string | null;
  }[];
  total: number;
  unread: number;
  page: number;
  pageSize: number;
}

describe('notify', () => {
  it('writes an inbox entry and a queued mail in the recipient’s language', async () => {
    const user = await createUser(ctx.deps, { locale: 'en' });
    await notify(ctx.deps, testNotice(user.id));

    const [n, ...more] = await notifications();
    expect(more).toEqual([]);
    expect(n).toMatchObject({
      user_id: user.id,
      kind: 'test',
      title: 'Test notification (for Keiko)',
      body: 'Keiko, this is a test notification. Number: 7',
      link: '/inbox',
      dedupe_key: null,
      created_at: '2026-11-21T01:00:00.000Z',
      read_at: null,
    });
    expect(JSON.parse(n!.params)).toEqual({ name: 'Keiko', number: 7 });

    const mails = await outbox();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      notification_id: n!.id,
      to_email: user.email,
      subject: '[Tsunagu] Test notification (for Keiko)',
      locale: 'en',
      status: 'pending',
      attempts: 0,
      last_error: null,
      sent_at: null,
      next_attempt_at: '2026-11-21T01:00:00.000Z',
    });
    expect(mails[0]!.body).toContain('Keiko, this is a test notification. Number: 7');
    expect(mails[0]!.body).toContain('Tsunagu');
  });

  it('writes Japanese for a member without a language setting', async () => {
    const { user } = await createMember(ctx.deps, { name: '鈴木 けいこ' });
    await notify(ctx.deps, testNotice(user.id, { params: { name: '鈴木 けいこ', number: 3 } }));
    const [n] = await notifications();
    expect(n).toMatchObject({
      title: 'テストのお知らせ（鈴木 けいこさんへ）',
      body: '鈴木 けいこさん、これはテスト用のお知らせです。番号：3',
    });
    const [mail] = await outbox();
    expect(mail).toMatchObject({
      locale: 'ja',
      subject: '【つなぐ】テストのお知らせ（鈴木 けいこさんへ）',
    });
  });

  it('follows a member’s language setting', async () => {
    const { user } = await createMember(ctx.deps);
    await ctx.deps.db.updateTable('user').set({ locale: 'en' }).where('id', '=', user.id).execute();
    await notify(ctx.deps, testNotice(user.id));
    expect((await notifications())[0]!.title).toBe('Test notification (for Keiko)');
    expect((await outbox())[0]!.locale).toBe('en');
  });

  it('falls back to the generic text for a kind without texts, without failing', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const user = await createUser(ctx.deps);
    await notify(ctx.deps, { userId: user.id, kind: 'no_such_kind_yet' });
    expect(await notifications()).toEqual([
      expect.objectContaining({
        kind: 'no_such_kind_yet',
        title: '新しいお知らせがあります',
        link: null,
        params: '{}',
      }),
    ]);
  });

  it('queues no mail when email is false', async () => {
    const user = await createUser(ctx.deps);
    await notify(ctx.deps, testNotice(user.id, { email: false }));
    expect(await notifications()).toHaveLength(1);
    expect(await outbox()).toEqual([]);
  });

  it('keeps only same-site links', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const user = await createUser(ctx.deps);
    await notify(ctx.deps, testNotice(user.id, { link: '//evil.example/phish' }));
    await notify(ctx.deps, testNotice(user.id, { link: 'https://evil.example/' }));
    expect((await notifications()).map((n) => n.link)).toEqual([null, null]);
  });

  it('puts the full link in the mail when the public origin is configured', async () => {
    ctx = await setupTestApp({ env: { PUBLIC_ORIGIN: 'https://fsc.example.jp' } });
    const user = await createUser(ctx.deps);
    await notify(ctx.deps, testNotice(user.id, { link: '/offers/123' }));
    expect((await outbox())[0]!.body).toContain('https://fsc.example.jp/offers/123');
  });
});

describe('who is notified', () => {
  it('nobody whose every side is suspended or withdrawn, and no disabled login', async () => {
    const suspended = await createMember(ctx.deps, { requesterStatus: 'suspended' });
    const allOff = await createMember(ctx.deps, {
      kind: 'both',
      requesterStatus: 'suspended',
      helperStatus: 'withdrawn',
    });
    const withdrawn = await createMember(ctx.deps, { kind: 'helper', helperStatus: 'withdrawn' });
    const disabled = await createUser(ctx.deps, { disabled_at: '2026-11-01T00:00:00.000Z' });
    const disabledStaff = await createUser(ctx.deps, {
      role: 'staff',
      disabled_at: '2026-11-01T00:00:00.000Z',
    });
    for (const userId of [
      suspended.user.id,
      allOff.user.id,
      withdrawn.user.id,
      disabled.id,
      disabledStaff.id,
    ]) {
      expect(await buildNotifyStatements(ctx.deps, testNotice(userId))).toEqual([]);
      await notify(ctx.deps, testNotice(userId));
    }
    await notify(ctx.deps, testNotice('no-such-user'));
    expect(await notifications()).toEqual([]);
    expect(await outbox()).toEqual([]);
  });

  it('a member with one side still applied or active, and staff always', async () => {
    const halfActive = await createMember(ctx.deps, {
      kind: 'both',
      requesterStatus: 'suspended',
      helperStatus: 'active',
    });
    const applicant = await createMember(ctx.deps, { requesterStatus: 'applied' });
    const staff = await createUser(ctx.deps, { role: 'staff' });
    const admin = await createUser(ctx.deps, { role: 'admin' });
    for (const userId of [halfActive.user.id, applicant.user.id, staff.id, admin.id])
      await notify(ctx.deps, testNotice(userId));
    expect(await notifications()).toHaveLength(4);
    expect(await outbox()).toHaveLength(4);
  });
});

describe('dedupe keys', () => {
  it('make a second notify with the same key do nothing', async () => {
    const user = await createUser(ctx.deps);
    const notice = testNotice(user.id, { dedupeKey: 'test:2026-11-21' });
    await notify(ctx.deps, notice);
    ctx.clock.advance(10 * MINUTE);
    await notify(ctx.deps, notice);
    await notify(ctx.deps, { ...notice, params: { name: 'other', number: 1 } });
    expect(await notifications()).toHaveLength(1);
    expect(await outbox()).toHaveLength(1);
    await notify(ctx.deps, testNotice(user.id, { dedupeKey: 'test:2026-11-22' }));
    expect(await notifications()).toHaveLength(2);
  });

  it('work inside a caller’s atomic batch, even twice in the same batch', async () => {
    const user = await createUser(ctx.deps);
    const notice = testNotice(user.id, { dedupeKey: 'batch-key' });
    await ctx.deps.atomic([
      buildAuditInsert(ctx.deps.db, { at: ctx.clock.now(), actorUserId: null, action: 'x' }),
      ...(await buildNotifyStatements(ctx.deps, notice)),
      ...(await buildNotifyStatements(ctx.deps, notice)),
    ]);
    expect(await notifications()).toHaveLength(1);
    expect(await outbox()).toHaveLength(1);
    expect(await countUnread(ctx.deps.db, user.id)).toBe(1);
  });
});

describe('the notifications API', () => {
  async function twoUsersWithNotices() {
    const me = await createUser(ctx.deps);
    const other = await createUser(ctx.deps);
    await notify(ctx.deps, testNotice(me.id, { params: { name: 'first', number: 1 } }));
    ctx.clock.advance(MINUTE);
    await notify(ctx.deps, testNotice(me.id, { params: { name: 'second', number: 2 } }));
    await notify(ctx.deps, testNotice(other.id));
    const client = await TestClient.signedInAs(ctx, me);
    return { me, other, client };
  }

  it('lists only the caller’s own notifications, newest first, with the unread count', async () => {
    const { client } = await twoUsersWithNotices();
    const res = await client.get('/api/v1/notifications');
    expect(res.status).toBe(200);
    const body = (await res.json()) as InboxJson;
    expect(body).toMatchObject({ total: 2, unread: 2, page: 1, pageSize: 20 });
    expect(body.items.map((i) => i.title)).toEqual([
      'テストのお知らせ（secondさんへ）',
      'テストのお知らせ（firstさんへ）',
    ]);
    expect(Object.keys(body.items[0]!).sort()).toEqual(
      ['body', 'createdAt', 'id', 'kind', 'link', 'readAt', 'title'].sort(),
    );
    expect(body.items[0]).toMatchObject({
      kind: 'test',
      link: '/inbox',
      createdAt: '2026-11-21T10:01:00+09:00',
      readAt: null,
    });

    const page2 = (await (
      await client.get('/api/v1/notifications?page=2&pageSize=1')
    ).json()) as InboxJson;
    expect(page2).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(page2.items.map((i) => i.title)).toEqual(['テストのお知らせ（firstさんへ）']);
  });

  it('marks one read (204, repeatable) and the unread count drops', async () => {
    const { client } = await twoUsersWithNotices();
    const { items } = (await (await client.get('/api/v1/notifications')).json()) as InboxJson;
    ctx.clock.advance(5 * MINUTE);
    const res = await client.json('POST', `/api/v1/notifications/${items[0]!.id}/read`);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    ctx.clock.advance(5 * MINUTE);
    expect((await client.json('POST', `/api/v1/notifications/${items[0]!.id}/read`)).status).toBe(
      204,
    );
    const after = (await (await client.get('/api/v1/notifications')).json()) as InboxJson;
    expect(after.unread).toBe(1);
    // The first read time is kept.
    expect(after.items[0]!.readAt).toBe('2026-11-21T10:06:00+09:00');
    expect(after.items[1]!.readAt).toBeNull();
  });

  it('answers 404 for another user’s notification and leaves it unread', async () => {
    const { other, client } = await twoUsersWithNotices();
    const [theirs] = await ctx.deps.db
      .selectFrom('notification')
      .select('id')
      .where('user_id', '=', other.id)
      .execute();
    const res = await client.json('POST', `/api/v1/notifications/${theirs!.id}/read`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
    expect((await client.json('POST', '/api/v1/notifications/nope/read')).status).toBe(404);
    expect(await countUnread(ctx.deps.db, other.id)).toBe(1);
  });

  it('marks all read', async () => {
    const { me, other, client } = await twoUsersWithNotices();
    expect((await client.json('POST', '/api/v1/notifications/read-all')).status).toBe(204);
    expect(await countUnread(ctx.deps.db, me.id)).toBe(0);
    expect(await countUnread(ctx.deps.db, other.id)).toBe(1);
  });

  it('refuses anonymous callers with 401', async () => {
    const anonymous = new TestClient(ctx);
    expect((await anonymous.get('/api/v1/notifications')).status).toBe(401);
    expect((await anonymous.json('POST', '/api/v1/notifications/x/read')).status).toBe(401);
    expect((await anonymous.json('POST', '/api/v1/notifications/read-all')).status).toBe(401);
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = (await (await new TestClient(ctx).get('/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(doc.paths['/notifications'] ?? {})).toEqual(['get']);
    expect(Object.keys(doc.paths['/notifications/{id}/read'] ?? {})).toEqual(['post']);
    expect(Object.keys(doc.paths['/notifications/read-all'] ?? {})).toEqual(['post']);
  });
});

describe('the inbox page and the header', () => {
  it('lists notifications with unread ones marked in words, and the header shows the count', async () => {
    const { user } = await createMember(ctx.deps);
    await notify(ctx.deps, testNotice(user.id, { params: { name: 'A', number: 1 } }));
    await notify(ctx.deps, testNotice(user.id, { params: { name: 'B', number: 2 } }));
    const client = await TestClient.signedInAs(ctx, user);

    const res = await client.get('/inbox');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('テストのお知らせ（Aさんへ）');
    expect(html).toContain('テストのお知らせ（Bさんへ）');
    expect(html.match(/inbox-item__status">未読</g)).toHaveLength(2);
    expect(html).toContain('既読にする');
    expect(html).toContain('すべて既読にする');
    expect(html).toContain('href="/inbox"');
    expect(html).toMatch(/aria-label="お知らせ（未読 2 件）"[^>]*>お知らせ \(2\)<\/a>/);

    const home = await (await client.get('/')).text();
    expect(home).toContain('お知らせ (2)');
  });

  it('marks one read from the page (303 back) and then all, and the header follows', async () => {
    const { user } = await createMember(ctx.deps);
    await notify(ctx.deps, testNotice(user.id));
    await notify(ctx.deps, testNotice(user.id));
    const [first] = await notifications();
    const client = await TestClient.signedInAs(ctx, user);

    const res = await client.form(`/inbox/${first!.id}/read`, { page: '1' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/inbox');
    const after = await (await client.get('/inbox')).text();
    expect(after).toContain('お知らせを既読にしました。');
    expect(after).toContain('お知らせ (1)');

    expect((await client.form('/inbox/read-all', {})).status).toBe(303);
    const done = await (await client.get('/inbox')).text();
    expect(done).toContain('未読のお知らせはありません。');
    expect(done).not.toMatch(/お知らせ \(\d+\)/);
  });

  it('answers 404 when marking another user’s notification from the page', async () => {
    const { user } = await createMember(ctx.deps);
    const other = await createUser(ctx.deps);
    await notify(ctx.deps, testNotice(other.id));
    const [theirs] = await notifications();
    const client = await TestClient.signedInAs(ctx, user);
    expect((await client.form(`/inbox/${theirs!.id}/read`, {})).status).toBe(404);
    expect(await countUnread(ctx.deps.db, other.id)).toBe(1);
  });

  it('pages through a long inbox, in English for an English user', async () => {
    const user = await createUser(ctx.deps, { locale: 'en' });
    for (let i = 1; i <= 21; i++) {
      await notify(ctx.deps, testNotice(user.id, { params: { name: `N${i}`, number: i } }));
      ctx.clock.advance(MINUTE);
    }
    const client = await TestClient.signedInAs(ctx, user);
    const first = await (await client.get('/inbox')).text();
    expect(first).toContain('Test notification (for N21)');
    expect(first).not.toContain('Test notification (for N1)<');
    expect(first).toContain('href="/inbox?page=2"');
    expect(first).toContain('Notifications (21)');
    const second = await (await client.get('/inbox?page=2')).text();
    expect(second).toContain('Test notification (for N1)');
    expect(second).toContain('Page 2 of 2');
  });

  it('sends anonymous visitors to the login page', async () => {
    const res = await new TestClient(ctx).get('/inbox');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?next=%2Finbox');
  });
});

describe('outbox delivery', () => {
  const failing = (deps: AppDeps): AppDeps => ({
    ...deps,
    mailer: { send: () => Promise.reject(new Error('smtp down')) } satisfies Mailer,
  });

  it('sends pending mail through the mailer and marks it sent, once', async () => {
    const a = await createUser(ctx.deps, { locale: 'en' });
    const b = await createUser(ctx.deps);
    await notify(ctx.deps, testNotice(a.id));
    await notify(ctx.deps, testNotice(b.id));
    await notify(ctx.deps, testNotice(b.id, { email: false }));

    expect(await deliverOutbox(ctx.deps, { limit: 10 })).toEqual({ sent: 2, failed: 0 });
    expect(
      sentMail()
        .map((m) => m.to)
        .sort(),
    ).toEqual([a.email, b.email].sort());
    const english = sentMail().find((m) => m.to === a.email)!;
    expect(english.subject).toBe('[Tsunagu] Test notification (for Keiko)');
    expect(english.text).toContain('Keiko, this is a test notification.');
    for (const row of await outbox())
      expect(row).toMatchObject({
        status: 'sent',
        attempts: 1,
        sent_at: '2026-11-21T01:00:00.000Z',
        next_attempt_at: null,
        last_error: null,
      });

    expect(await deliverOutbox(ctx.deps, { limit: 10 })).toEqual({ sent: 0, failed: 0 });
    expect(sentMail()).toHaveLength(2);
  });

  it('respects the limit', async () => {
    const user = await createUser(ctx.deps);
    for (let i = 0; i < 3; i++) await notify(ctx.deps, testNotice(user.id));
    expect(await deliverOutbox(ctx.deps, { limit: 2 })).toEqual({ sent: 2, failed: 0 });
    expect(await deliverOutbox(ctx.deps, { limit: 2 })).toEqual({ sent: 1, failed: 0 });
  });

  it('marks a failed send with the error and retries later with backoff, at most 5 times', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const user = await createUser(ctx.deps);
    await notify(ctx.deps, testNotice(user.id));

    expect(await deliverOutbox(failing(ctx.deps), {})).toEqual({ sent: 0, failed: 1 });
    expect((await outbox())[0]).toMatchObject({
      status: 'failed',
      attempts: 1,
      last_error: 'smtp down',
      sent_at: null,
      next_attempt_at: '2026-11-21T01:05:00.000Z',
    });
    // Not due yet.
    expect(await deliverOutbox(failing(ctx.deps), {})).toEqual({ sent: 0, failed: 0 });

    const expectedWaits = [30, 120, 720];
    for (const wait of expectedWaits) {
      ctx.clock.set((await outbox())[0]!.next_attempt_at!);
      expect(await deliverOutbox(failing(ctx.deps), {})).toEqual({ sent: 0, failed: 1 });
      const row = (await outbox())[0]!;
      expect(Date.parse(row.next_attempt_at!) - ctx.clock.now().getTime()).toBe(wait * MINUTE);
    }
    ctx.clock.set((await outbox())[0]!.next_attempt_at!);
    expect(await deliverOutbox(failing(ctx.deps), {})).toEqual({ sent: 0, failed: 1 });
    expect((await outbox())[0]).toMatchObject({
      status: 'failed',
      attempts: 5,
      next_attempt_at: null,
    });
    // Given up: even a working mailer much later does not pick it up again.
    ctx.clock.advance(7 * 24 * 60 * MINUTE);
    expect(await deliverOutbox(ctx.deps, {})).toEqual({ sent: 0, failed: 0 });
    expect(sentMail()).toEqual([]);
  });

  it('sends a failed message on a later try once the mailer works again', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const user = await createUser(ctx.deps);
    await notify(ctx.deps, testNotice(user.id));
    await deliverOutbox(failing(ctx.deps), {});
    ctx.clock.advance(5 * MINUTE);
    expect(await deliverOutbox(ctx.deps, {})).toEqual({ sent: 1, failed: 0 });
    expect((await outbox())[0]).toMatchObject({
      status: 'sent',
      attempts: 2,
      last_error: null,
      next_attempt_at: null,
    });
  });
});

describe('scheduled jobs', () => {
  it('runs every listed job, survives a throwing one, then delivers the outbox', async () => {
    vi.spyOn(console, 'info').mockImplementation(() => {});
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const user = await createUser(ctx.deps);
    const seen: string[] = [];
    const jobs: NamedJob[] = [
      ...scheduledJobs,
      [
        'test:broken',
        () => {
          throw new Error('boom');
        },
      ],
      [
        'test:daily-notice',
        async (deps, now) => {
          seen.push(now.toISOString());
          const day = now.toISOString().slice(0, 10);
          await notify(deps, testNotice(user.id, { dedupeKey: `test-daily:${user.id}:${day}` }));
        },
      ],
    ];
    const outcomes = await runJobs(ctx.deps, jobs);
    expect(outcomes.map((o) => o.name)).toEqual([
      ...scheduledJobs.map(([name]) => name),
      'test:broken',
      'test:daily-notice',
      'outbox',
    ]);
    expect(outcomes.find((o) => o.name === 'test:broken')).toMatchObject({
      ok: false,
      error: 'boom',
    });
    expect(outcomes.filter((o) => o.name !== 'test:broken').every((o) => o.ok)).toBe(true);
    expect(errors).toHaveBeenCalled();
    expect(seen).toEqual(['2026-11-21T01:00:00.000Z']);
    expect(await notifications()).toHaveLength(1);
    expect(sentMail()).toHaveLength(1); // the job's mail went out in the same run

    // Run again ten minutes later: the job is idempotent, nothing new.
    ctx.clock.advance(10 * MINUTE);
    await runJobs(ctx.deps, jobs);
    expect(seen).toHaveLength(2);
    expect(await notifications()).toHaveLength(1);
    expect(sentMail()).toHaveLength(1);
  });
});
