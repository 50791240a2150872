import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpMailer } from '../../src/lib/http-mailer.js';
import { newId } from '../../src/lib/ids.js';
import { deliverOutbox } from '../../src/modules/notifications/outbox.service.js';
import { setupTestApp } from '../helpers/test-app.js';

// The Workers mailer against a local fake of the mail API: what it sends, and the outbox
// retrying a message the API refused.
const servers: ReturnType<typeof createServer>[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

async function fakeMailApi(statuses: number[]) {
  const received: { auth: string | undefined; body: unknown }[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ auth: req.headers.authorization, body: JSON.parse(body) as unknown });
      res.writeHead(statuses.shift() ?? 200, { 'content-type': 'application/json' });
      res.end('{"id":"fake"}');
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/emails`, received };
}

describe('HTTP mailer (Workers)', () => {
  it('posts the message with the key, and the outbox retries what the API refused', async () => {
    const api = await fakeMailApi([503]);
    const ctx = await setupTestApp();
    ctx.deps.mailer = createHttpMailer({
      url: api.url,
      apiKey: 're_test',
      from: 'FSC <fsc@example.jp>',
    });
    const id = newId();
    await ctx.deps.db
      .insertInto('outbox')
      .values({
        id,
        notification_id: null,
        to_email: 'parent@example.jp',
        subject: '依頼が成立しました',
        body: '本文',
        locale: 'ja',
        created_at: ctx.clock.now().toISOString(),
        sent_at: null,
        next_attempt_at: ctx.clock.now().toISOString(),
      })
      .execute();

    expect(await deliverOutbox(ctx.deps)).toEqual({ sent: 0, failed: 1 });
    const failed = await ctx.deps.db
      .selectFrom('outbox')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.last_error).toContain('503');

    ctx.clock.set(failed.next_attempt_at!);
    expect(await deliverOutbox(ctx.deps)).toEqual({ sent: 1, failed: 0 });
    expect(api.received).toHaveLength(2);
    expect(api.received[1]).toEqual({
      auth: 'Bearer re_test',
      body: {
        from: 'FSC <fsc@example.jp>',
        to: ['parent@example.jp'],
        subject: '依頼が成立しました',
        text: '本文',
      },
    });
    const sent = await ctx.deps.db
      .selectFrom('outbox')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(sent.status).toBe('sent');
  });
});
