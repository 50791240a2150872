import { describe, expect, it } from 'vitest';
import { MINUTE } from '../../src/lib/clock.js';
import { deliverLineOutbox } from '../../src/modules/line/line-delivery.service.js';
import { createChild, createEligibleHelper, createMember } from '../helpers/factories.js';
import {
  eventId,
  FakeLine,
  followEvent,
  LINE_ENV,
  postbackEvent,
  postWebhook,
  textEvent,
} from '../helpers/line-fake.js';
import { createUser, setupTestApp, TestClient, type TestContext } from '../helpers/test-app.js';

async function lineApp() {
  const ctx = await setupTestApp({ env: LINE_ENV });
  const line = new FakeLine();
  ctx.deps.line = line;
  return { ctx, line };
}

/** A member links her LINE account: code from the API, sent in the chat. */
async function link(ctx: TestContext, client: TestClient, lineUserId: string) {
  const res = await client.json('POST', '/api/v1/me/line/code', {});
  expect(res.status).toBe(201);
  const { code } = (await res.json()) as { code: string };
  expect((await postWebhook(ctx, [textEvent(lineUserId, code)])).status).toBe(200);
  return code;
}

/** A linked member who wants every other notice by LINE only, and `n` notices for her. */
async function queued(n: number) {
  const { ctx, line } = await lineApp();
  const member = await createMember(ctx.deps);
  const client = await TestClient.signedInAs(ctx, member.user);
  await link(ctx, client, 'Ulimits');
  await client.json('PUT', '/api/v1/me/line/channels', {
    channels: [{ group: 'other', email: false, line: true }],
  });
  const { notify } = await import('../../src/modules/notifications/notifications.service.js');
  for (let i = 0; i < n; i++) {
    await notify(ctx.deps, {
      userId: member.user.id,
      kind: 'test',
      params: { name: 'A', number: i },
    });
    ctx.clock.advance(1000);
  }
  return { ctx, line, member };
}

const count = async (ctx: TestContext, table: 'line_webhook_event' | 'line_link') =>
  Number(
    (
      await ctx.deps.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('LINE webhook', () => {
  it('answers 404 while the LINE channel is off', async () => {
    const ctx = await setupTestApp();
    expect((await postWebhook(ctx, [])).status).toBe(404);
  });

  it('refuses a forged or missing signature before reading anything (401, no rows)', async () => {
    const { ctx, line } = await lineApp();
    const event = textEvent('Uforger', 'ABCD-2345');
    expect((await postWebhook(ctx, [event], { secret: 'not-the-secret' })).status).toBe(401);
    expect((await postWebhook(ctx, [event], { signature: '' })).status).toBe(401);
    expect((await postWebhook(ctx, [event], { signature: 'garbage!!' })).status).toBe(401);
    expect(await count(ctx, 'line_webhook_event')).toBe(0);
    expect(line.replies).toHaveLength(0);
  });

  it('links with a one-time code; a redelivered event is handled once; unfollow unlinks', async () => {
    const { ctx, line } = await lineApp();
    const member = await createMember(ctx.deps);
    const client = await TestClient.signedInAs(ctx, member.user);
    const res = await client.json('POST', '/api/v1/me/line/code', {});
    const { code } = (await res.json()) as { code: string };
    // Typed loosely in the chat: lower case, spaces.
    const event = textEvent('Uhelper1', code.toLowerCase().replace('-', ' '));
    expect((await postWebhook(ctx, [event])).status).toBe(200);
    expect((await postWebhook(ctx, [event])).status).toBe(200); // redelivery
    expect(line.replies).toHaveLength(1);
    const status = (await (await client.get('/api/v1/me/line')).json()) as { linked: boolean };
    expect(status.linked).toBe(true);
    // The code was used once: the same code again from another account does nothing.
    const again = textEvent('Uintruder', code);
    await postWebhook(ctx, [again]);
    expect(line.textsTo(again.replyToken)[0]).toMatch(/cannot be used|使えません/);
    expect(await count(ctx, 'line_link')).toBe(1);
    // Blocking the account unlinks it.
    await postWebhook(ctx, [followEvent('Uhelper1', 'unfollow')]);
    expect(await count(ctx, 'line_link')).toBe(0);
  });

  it('refuses an expired code, and a message from an unknown user is told to link', async () => {
    const { ctx, line } = await lineApp();
    const member = await createMember(ctx.deps);
    const client = await TestClient.signedInAs(ctx, member.user);
    const { code } = (await (await client.json('POST', '/api/v1/me/line/code', {})).json()) as {
      code: string;
    };
    ctx.clock.advance(10 * MINUTE + 1);
    const late = textEvent('Ulate', code);
    await postWebhook(ctx, [late]);
    expect(line.textsTo(late.replyToken)[0]).toContain('使えません');
    expect(await count(ctx, 'line_link')).toBe(0);
    const hello = textEvent('Ustranger', 'こんにちは');
    await postWebhook(ctx, [hello]);
    expect(line.textsTo(hello.replyToken)[0]).toContain('まだ連携されていません');
  });

  it('unlinks from the site and keeps the channels a member chooses', async () => {
    const { ctx } = await lineApp();
    const member = await createMember(ctx.deps);
    const client = await TestClient.signedInAs(ctx, member.user);
    await link(ctx, client, 'Uchooser');
    const page = await client.get('/my/line');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('LINEと連携しています');
    const saved = await client.json('PUT', '/api/v1/me/line/channels', {
      channels: [{ group: 'offers', email: false, line: true }],
    });
    expect(saved.status).toBe(200);
    const body = (await saved.json()) as { channels: { group: string; email: boolean }[] };
    expect(body.channels.find((c) => c.group === 'offers')?.email).toBe(false);
    expect((await client.form('/my/line/unlink', {})).status).toBe(303);
    expect(await count(ctx, 'line_link')).toBe(0);
  });
});

describe('the link page', () => {
  it('shows a QR code to add the account, and one to send the code (server-side SVG)', async () => {
    const ctx = await setupTestApp({
      env: { ...LINE_ENV, LINE_ADD_FRIEND_URL: 'https://line.me/R/ti/p/@tsunagu-test' },
    });
    const member = await createMember(ctx.deps);
    const client = await TestClient.signedInAs(ctx, member.user);
    const before = await (await client.get('/my/line')).text();
    expect(before.match(/<svg class="qr-code"[^>]*role="img"/g)).toHaveLength(1);
    const page = await client.form('/my/line/code', {});
    expect(page.status).toBe(200);
    const html = await page.text();
    const code = /data-testid="line-code">([A-Z2-9]{4}-[A-Z2-9]{4})</.exec(html)?.[1];
    expect(code).toBeDefined();
    expect(html.match(/<svg class="qr-code"/g)).toHaveLength(2);
    expect(html).toContain(`href="https://line.me/R/oaMessage/@tsunagu-test/?${code}"`);
    expect(html).toMatch(/<path d="(M\d+ \d+h1v1h-1z)+" fill="#000"/);
  });
});

describe('offers in LINE', () => {
  it('5 linked helpers get the offer as Flex and press Accept at once: exactly one wins', async () => {
    const { ctx, line } = await lineApp();
    const staff = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'staff' }));
    const parent = await createMember(ctx.deps);
    const child = await createChild(ctx.deps, parent.member.id);
    const helpers: Awaited<ReturnType<typeof createEligibleHelper>>[] = [];
    for (let i = 0; i < 5; i++) {
      const h = await createEligibleHelper(ctx.deps);
      await link(ctx, await TestClient.signedInAs(ctx, h.user), `Uhelper${i}`);
      helpers.push(h);
    }
    // Email off for offers for the first helper: LINE only.
    await (
      await TestClient.signedInAs(ctx, helpers[0]!.user)
    ).json('PUT', '/api/v1/me/line/channels', {
      channels: [{ group: 'offers', email: false, line: true }],
    });
    const created = await staff.json('POST', '/api/v1/requests', {
      requesterId: parent.member.id,
      childIds: [child.id],
      category: 8,
      startsAt: '2026-11-25T10:00:00+09:00',
      endsAt: '2026-11-25T12:00:00+09:00',
    });
    const { request } = (await created.json()) as { request: { id: string } };
    const offered = await staff.json('POST', `/api/v1/requests/${request.id}/offers`, {
      helperIds: helpers.map((h) => h.member.id),
    });
    expect(offered.status).toBe(201);
    const mails = await ctx.deps.db
      .selectFrom('outbox')
      .innerJoin('user', 'user.email', 'outbox.to_email')
      .select('user.id')
      .where('outbox.subject', 'like', '%')
      .execute();
    expect(mails.some((m) => m.id === helpers[0]!.user.id)).toBe(false);

    expect(await deliverLineOutbox(ctx.deps)).toEqual({ sent: 5, failed: 0, deferred: 0 });
    expect(line.pushes).toHaveLength(5);
    // Delivering again pushes nothing twice.
    await deliverLineOutbox(ctx.deps);
    expect(line.pushes).toHaveLength(5);
    const flex = line.pushes.find((p) => p.to === 'Uhelper0')!.messages[0]!;
    expect(flex.type).toBe('flex');
    const json = JSON.stringify(flex);
    // Date, times, category and ages; never the family's name nor the child's.
    expect(json).toContain('10:00–12:00');
    expect(json).not.toContain(parent.member.name);
    expect(json).not.toContain(child.name);
    const buttons = (
      flex as {
        contents: {
          footer: { contents: { action: { type: string; data?: string; label: string } }[] };
        };
      }
    ).contents.footer.contents;
    expect(buttons.map((b) => b.action.label)).toEqual(['引き受ける', 'お断りする']);
    // Opaque data: not the bare offer id.
    const dataOf = (i: number) => {
      const push = line.pushes.find((p) => p.to === `Uhelper${i}`)!;
      const f = push.messages[0] as typeof flex & {
        contents: typeof buttons extends never
          ? never
          : { footer: { contents: { action: { data: string } }[] } };
      };
      return f.contents.footer.contents[0]!.action.data;
    };
    expect(dataOf(0)).toMatch(/^o1\.a\.[0-9a-f-]{36}\.[\w-]{20,}$/);
    // A helper's button pressed from another LINE account, or tampered: nothing happens.
    const stolen = postbackEvent('Uhelper1', dataOf(0));
    await postWebhook(ctx, [stolen]);
    expect(line.textsTo(stolen.replyToken)[0]).toContain('見つかりませんでした');

    const presses = helpers.map((_, i) => postbackEvent(`Uhelper${i}`, dataOf(i)));
    const answers = await Promise.all(presses.map((p) => postWebhook(ctx, [p])));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    const texts = presses.map((p) => line.textsTo(p.replyToken)[0] ?? '');
    expect(
      texts.filter((t) => t.includes('ありがとうございます。') && t.includes('決まりました'))
        .length,
    ).toBe(1);
    expect(texts.filter((t) => t.includes('ほかの提供会員さんに決まりました')).length).toBe(4);
    const accepted = await ctx.deps.db
      .selectFrom('offer')
      .select('id')
      .where('status', '=', 'accepted')
      .execute();
    expect(accepted).toHaveLength(1);
    const pairings = await ctx.deps.db.selectFrom('pairing').select('id').execute();
    expect(pairings.length).toBeLessThanOrEqual(1);

    // The redelivered press changes nothing and is not answered twice.
    const before = line.replies.length;
    await postWebhook(ctx, [presses[0]!]);
    expect(line.replies.length).toBe(before);
    // The others' "offer closed" notice goes out through LINE as text in their language.
    await deliverLineOutbox(ctx.deps);
    expect(line.pushes.some((p) => p.messages[0]?.type === 'text')).toBe(true);
  }, 30_000); // 5 simultaneous presses on D1: seconds on a busy machine

  it('retries a push on 429/5xx and mails the notice once LINE fails for good', async () => {
    const { ctx, line, member } = await queued(1);
    line.failNext = [429, 500, 503, 500, 502];
    for (let i = 0; i < 5; i++) {
      await deliverLineOutbox(ctx.deps);
      ctx.clock.advance(13 * 60 * MINUTE);
    }
    const row = await ctx.deps.db.selectFrom('line_outbox').selectAll().executeTakeFirstOrThrow();
    expect(row.status).toBe('dead');
    expect(row.attempts).toBe(5);
    const mails = await ctx.deps.db
      .selectFrom('outbox')
      .select(['to_email'])
      .where('notification_id', '=', row.notification_id)
      .execute();
    expect(mails.map((m) => m.to_email)).toEqual([member.user.email]);
    const staff = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'staff' }));
    const page = await staff.get('/line/members');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('LINE answered 502');
  });
});

describe('LINE rate limits', () => {
  const rows = (ctx: TestContext) =>
    ctx.deps.db
      .selectFrom('line_outbox')
      .select(['status', 'attempts', 'next_attempt_at'])
      .orderBy('created_at')
      .execute();

  it('a run pushes at most its cap; the rest go with the next runs', async () => {
    const { ctx, line } = await queued(5);
    expect(await deliverLineOutbox(ctx.deps, { limit: 2 })).toEqual({
      sent: 2,
      failed: 0,
      deferred: 0,
    });
    expect(line.pushes).toHaveLength(2);
    expect(await deliverLineOutbox(ctx.deps, { limit: 2 })).toMatchObject({ sent: 2 });
    expect(await deliverLineOutbox(ctx.deps, { limit: 2 })).toMatchObject({ sent: 1 });
    expect(line.pushes).toHaveLength(5);
    expect((await rows(ctx)).every((r) => r.status === 'sent')).toBe(true);
  });

  it('a 429 stops the run and everything waits as long as Retry-After says, untried', async () => {
    const { ctx, line } = await queued(3);
    line.failNext = [{ status: 429, retryAfter: '3600' }];
    const start = ctx.clock.now().getTime();
    expect(await deliverLineOutbox(ctx.deps)).toEqual({ sent: 0, failed: 1, deferred: 2 });
    expect(line.pushes).toHaveLength(0);
    const after429 = await rows(ctx);
    const inAnHour = new Date(start + 60 * MINUTE).toISOString();
    expect(after429.map((r) => [r.status, r.attempts, r.next_attempt_at])).toEqual([
      ['failed', 1, inAnHour],
      ['pending', 0, inAnHour],
      ['pending', 0, inAnHour],
    ]);
    // Half an hour later LINE is still left alone; after the hour all three go.
    ctx.clock.advance(30 * MINUTE);
    expect(await deliverLineOutbox(ctx.deps)).toEqual({ sent: 0, failed: 0, deferred: 0 });
    ctx.clock.advance(31 * MINUTE);
    expect(await deliverLineOutbox(ctx.deps)).toEqual({ sent: 3, failed: 0, deferred: 0 });
    expect(line.pushes).toHaveLength(3);
  });

  it('a 429 without Retry-After backs off the push and leaves the rest to the next run', async () => {
    const { ctx, line } = await queued(2);
    line.failNext = [429];
    expect(await deliverLineOutbox(ctx.deps)).toEqual({ sent: 0, failed: 1, deferred: 1 });
    expect(await deliverLineOutbox(ctx.deps)).toEqual({ sent: 1, failed: 0, deferred: 0 });
    // The throttled one waits the outbox's first backoff (5 minutes).
    ctx.clock.advance(5 * MINUTE);
    expect(await deliverLineOutbox(ctx.deps)).toEqual({ sent: 1, failed: 0, deferred: 0 });
    expect(line.pushes).toHaveLength(2);
  });
});

void eventId;
