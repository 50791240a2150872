/**
 * Issue #21 pt 3: the other notices go through each member's channels (inbox always; email and
 * LINE as she chose per kind of notice) and a LINE push is rendered from the notification's
 * message key in her language. One test per kind, each raised by the real operation or job:
 * offer closed, matched (to the parent), pre-meeting due, the reminder the day before, report to
 * confirm, cancellation.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Locale, NoticeGroup } from '../../db/schema.js';
import { translator, type MessageKey } from '../../src/lib/i18n.js';
import { tokyoDateOf } from '../../src/lib/dates.js';
import { deliverLineOutbox } from '../../src/modules/line/line-delivery.service.js';
import { notifyPreMeetingsDue } from '../../src/modules/matching/offers.service.js';
import { notifyActivityReminders } from '../../src/modules/matching/reminders.service.js';
import { noticeGroupOf } from '../../src/modules/notifications/channels.js';
import { renderNotificationText } from '../../src/modules/notifications/notifications.service.js';
import { createChild, createEligibleHelper, createMember } from '../helpers/factories.js';
import { FakeLine, LINE_ENV, postWebhook, textEvent } from '../helpers/line-fake.js';
import { createUser, setupTestApp, TestClient, type TestContext } from '../helpers/test-app.js';

// The clock starts on Saturday 2026-11-21 10:00 JST; the help is on Monday 2026-11-23.
const jst = (date: string, time: string) => `${date}T${time}:00+09:00`;
const DAY = '2026-11-23';

interface Person {
  user: { id: string; email: string; role: 'member' | 'staff' | 'admin' };
  member: { id: string };
  locale: Locale;
  lineUserId: string;
}

let ctx: TestContext;
let line: FakeLine;
let parent: Person;
/** Helpers: A (ja) takes the request; B (en) and C (ja) are offered it too. */
let a: Person, b: Person, c: Person;
let childId: string;

async function person(kind: 'requester' | 'helper', locale: Locale, lineUserId: string) {
  const made =
    kind === 'helper' ? await createEligibleHelper(ctx.deps) : await createMember(ctx.deps);
  await ctx.deps.db.updateTable('user').set({ locale }).where('id', '=', made.user.id).execute();
  // Linked as a member links: a code from the API, sent in the LINE chat.
  const client = await TestClient.signedInAs(ctx, made.user);
  const { code } = (await (await client.json('POST', '/api/v1/me/line/code', {})).json()) as {
    code: string;
  };
  expect((await postWebhook(ctx, [textEvent(lineUserId, code)])).status).toBe(200);
  return { user: made.user, member: made.member, locale, lineUserId };
}

/** Her channels for the group of `kind`, chosen on the API as she would. */
async function choose(p: Person, kind: string, channels: { email: boolean; line: boolean }) {
  const client = await TestClient.signedInAs(ctx, p.user);
  const group: NoticeGroup = noticeGroupOf(kind);
  const res = await client.json('PUT', '/api/v1/me/line/channels', {
    channels: [{ group, ...channels }],
  });
  expect(res.status).toBe(200);
}

beforeEach(async () => {
  ctx = await setupTestApp({ env: LINE_ENV });
  line = new FakeLine();
  ctx.deps.line = line;
  parent = await person('requester', 'en', 'Uparent');
  a = await person('helper', 'ja', 'UhelperA');
  b = await person('helper', 'en', 'UhelperB');
  c = await person('helper', 'ja', 'UhelperC');
  childId = (await createChild(ctx.deps, parent.member.id)).id;
});

const staffClient = async () =>
  TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'staff' }));

/** Staff enter the request for Monday and offer it to A, B and C; A accepts. */
async function matched(): Promise<string> {
  const staff = await staffClient();
  const created = await staff.json('POST', '/api/v1/requests', {
    requesterId: parent.member.id,
    childIds: [childId],
    category: 8,
    startsAt: jst(DAY, '10:00'),
    endsAt: jst(DAY, '12:00'),
  });
  expect(created.status).toBe(201);
  const { request } = (await created.json()) as { request: { id: string } };
  const offered = await staff.json('POST', `/api/v1/requests/${request.id}/offers`, {
    helperIds: [a.member.id, b.member.id, c.member.id],
  });
  expect(offered.status).toBe(201);
  const offer = await ctx.deps.db
    .selectFrom('offer')
    .select('id')
    .where('request_id', '=', request.id)
    .where('helper_member_id', '=', a.member.id)
    .executeTakeFirstOrThrow();
  const helperA = await TestClient.signedInAs(ctx, a.user);
  expect((await helperA.json('POST', `/api/v1/offers/${offer.id}/accept`, {})).status).toBe(200);
  return request.id;
}

/**
 * After the LINE outbox ran: `p` got the `kind` notice in her inbox, and by LINE and email as
 * she chose; the LINE text is the notice's message key rendered in her language.
 */
async function expectDelivered(p: Person, kind: string, want: { email: boolean; line: boolean }) {
  const notice = await ctx.deps.db
    .selectFrom('notification')
    .select(['id', 'params'])
    .where('user_id', '=', p.user.id)
    .where('kind', '=', kind)
    .executeTakeFirst();
  expect(notice, `${kind} in the inbox of ${p.lineUserId}`).toBeDefined();
  const mails = await ctx.deps.db
    .selectFrom('outbox')
    .select(['to_email', 'locale'])
    .where('notification_id', '=', notice!.id)
    .execute();
  expect(mails).toEqual(want.email ? [{ to_email: p.user.email, locale: p.locale }] : []);
  const pushes = line.pushes.filter((push) => push.to === p.lineUserId);
  const texts = pushes.flatMap((push) =>
    push.messages.flatMap((m) => (m.type === 'text' ? [m.text] : [])),
  );
  const titleKey = `notification.${kind}.title` as MessageKey;
  const title = translator(p.locale)(titleKey);
  const sent = texts.filter((text) => text.startsWith(`${title}\n\n`));
  if (!want.line) {
    expect(sent).toEqual([]);
    return;
  }
  expect(sent).toHaveLength(1);
  const today = tokyoDateOf(ctx.clock.now());
  const { body } = renderNotificationText(
    p.locale,
    kind,
    JSON.parse(notice!.params) as Record<string, string | number>,
    today,
  );
  expect(sent[0]).toContain(`${title}\n\n${body}`);
  // Rendered from the key, not the words stored at sending time in another language.
  expect(sent[0]).not.toContain(translator(p.locale === 'en' ? 'ja' : 'en')(titleKey));
}

const LINE_ONLY = { email: false, line: true };
const EMAIL_ONLY = { email: true, line: false };

describe('other notices through the channels, in the reader’s language (issue #21 pt 3)', () => {
  it('offer closed: to the helpers who were not chosen', async () => {
    await choose(b, 'offer_closed', LINE_ONLY);
    await choose(c, 'offer_closed', EMAIL_ONLY);
    await matched();
    await deliverLineOutbox(ctx.deps);
    await expectDelivered(b, 'offer_closed', LINE_ONLY);
    await expectDelivered(c, 'offer_closed', EMAIL_ONLY);
  });

  it('matched: to the parent', async () => {
    await choose(parent, 'request_matched', LINE_ONLY);
    await matched();
    await deliverLineOutbox(ctx.deps);
    await expectDelivered(parent, 'request_matched', LINE_ONLY);
  });

  it('pre-meeting due: to the parent and the helper', async () => {
    await choose(parent, 'pre_meeting_due', LINE_ONLY);
    await choose(a, 'pre_meeting_due', { email: true, line: true });
    await matched();
    await notifyPreMeetingsDue(ctx.deps, ctx.clock.now());
    await deliverLineOutbox(ctx.deps);
    await expectDelivered(parent, 'pre_meeting_due', LINE_ONLY);
    await expectDelivered(a, 'pre_meeting_due', { email: true, line: true });
  });

  it('the reminder the day before: from 17:00, once, to both', async () => {
    await choose(parent, 'activity_reminder', LINE_ONLY);
    await choose(a, 'activity_reminder', EMAIL_ONLY);
    await matched();
    // Sunday 16:59: not yet; 17:00: due; again at 17:10: nothing more.
    ctx.clock.set(jst('2026-11-22', '16:59'));
    await notifyActivityReminders(ctx.deps, ctx.clock.now());
    const reminders = () =>
      ctx.deps.db
        .selectFrom('notification')
        .select('user_id')
        .where('kind', '=', 'activity_reminder')
        .execute();
    expect(await reminders()).toEqual([]);
    ctx.clock.set(jst('2026-11-22', '17:00'));
    await notifyActivityReminders(ctx.deps, ctx.clock.now());
    ctx.clock.set(jst('2026-11-22', '17:10'));
    await notifyActivityReminders(ctx.deps, ctx.clock.now());
    expect((await reminders()).map((r) => r.user_id).sort()).toEqual(
      [parent.user.id, a.user.id].sort(),
    );
    await deliverLineOutbox(ctx.deps);
    await expectDelivered(parent, 'activity_reminder', LINE_ONLY);
    await expectDelivered(a, 'activity_reminder', EMAIL_ONLY);
  });

  it('report to confirm: to the parent', async () => {
    await choose(parent, 'activity_reported', LINE_ONLY);
    const requestId = await matched();
    ctx.clock.set(jst(DAY, '13:00'));
    const helperA = await TestClient.signedInAs(ctx, a.user);
    const reported = await helperA.json('POST', '/api/v1/activities', {
      requestId,
      startedAt: jst(DAY, '10:00'),
      endedAt: jst(DAY, '12:00'),
      childIds: [childId],
      categories: [8],
      transportCost: 0,
      mealCost: 0,
      notes: '絵本を読みました。',
    });
    expect(reported.status).toBe(201);
    await deliverLineOutbox(ctx.deps);
    await expectDelivered(parent, 'activity_reported', LINE_ONLY);
  });

  it('cancellation: to the helper when the parent cancels', async () => {
    await choose(a, 'request_cancelled', LINE_ONLY);
    const requestId = await matched();
    const parentClient = await TestClient.signedInAs(ctx, parent.user);
    const res = await parentClient.json('POST', `/api/v1/requests/${requestId}/cancel`, {
      reason: '子どもの予定が変わりました',
    });
    expect(res.status).toBe(200);
    await deliverLineOutbox(ctx.deps);
    await expectDelivered(a, 'request_cancelled', LINE_ONLY);
  });
});
