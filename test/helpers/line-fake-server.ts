/**
 * A local fake of the LINE platform for tests and local runs (issue #21 pt 6), over real HTTP so
 * the app's own client (@line/bot-sdk's MessagingApiClient) is what talks to it:
 *
 * - the Messaging API endpoints the app calls: `POST /v2/bot/message/push`,
 *   `POST /v2/bot/message/reply`, `GET /v2/bot/profile/{userId}` (a wrong bearer token: 401, as
 *   LINE answers); what was sent is kept in `pushes` / `replies`; `failNext` makes the next
 *   pushes fail (429 with a Retry-After, 5xx…);
 * - the platform's side of the webhook: `deliver(events)` posts them to the app's
 *   `/line/webhook`, signed with the channel secret as LINE signs them.
 *
 * Node only (node:http). Run it by hand with `npm run line:fake` (test/tools/line-fake.ts).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { messagingApi } from '@line/bot-sdk';
import { hmacBase64 } from '../../src/lib/line-signature.js';

export interface FakeLineApiOptions {
  /** The bearer token the app must send (its LINE_CHANNEL_ACCESS_TOKEN). */
  accessToken: string;
  /** The secret webhook bodies are signed with (the app's LINE_CHANNEL_SECRET). */
  channelSecret: string;
  /** The app's webhook URL, for `deliver`; can be set later. */
  webhookUrl?: string;
  /** 0 (default): any free port. */
  port?: number;
  /** Display names by LINE user id (others: "LINE user"). */
  profiles?: Record<string, string>;
  /** Called with each call the app makes (the CLI logs them). */
  onCall?: (call: { path: string; body: unknown }) => void;
}

export interface FakeLineApi {
  baseUrl: string;
  webhookUrl: string | undefined;
  readonly pushes: { to: string; messages: messagingApi.Message[]; retryKey: string | null }[];
  readonly replies: { replyToken: string; messages: messagingApi.Message[] }[];
  failNext: { status: number; retryAfter?: string }[];
  /** The texts of the replies to one reply token. */
  repliesTo(replyToken: string): string[];
  /** Posts events to the app's webhook, signed as LINE signs them; the app's answer. */
  deliver(events: unknown[]): Promise<Response>;
  stop(): Promise<void>;
}

const readBody = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

const send = (res: ServerResponse, status: number, body: unknown, headers = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

export async function startFakeLineApi(options: FakeLineApiOptions): Promise<FakeLineApi> {
  const fake: Omit<FakeLineApi, 'baseUrl' | 'stop'> = {
    webhookUrl: options.webhookUrl,
    pushes: [],
    replies: [],
    failNext: [],
    repliesTo: (token) =>
      fake.replies
        .filter((r) => r.replyToken === token)
        .flatMap((r) => r.messages.map((m) => (m.type === 'text' ? m.text : m.type))),
    async deliver(events) {
      if (!fake.webhookUrl) throw new Error('the fake LINE API has no webhook URL to deliver to');
      const body = JSON.stringify({ destination: 'Ufake-bot', events });
      return fetch(fake.webhookUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-line-signature': await hmacBase64(options.channelSecret, body),
        },
        body,
      });
    },
  };

  const server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://fake').pathname;
      const text = await readBody(req);
      if (req.headers.authorization !== `Bearer ${options.accessToken}`)
        return send(res, 401, { message: 'Authentication failed' });
      const body: unknown = text ? JSON.parse(text) : undefined;
      options.onCall?.({ path, body });
      if (req.method === 'POST' && path === '/v2/bot/message/push') {
        const failure = fake.failNext.shift();
        if (failure)
          return send(
            res,
            failure.status,
            { message: failure.status === 429 ? 'Too Many Requests' : 'Internal error' },
            failure.retryAfter ? { 'retry-after': failure.retryAfter } : {},
          );
        const { to, messages } = body as { to: string; messages: messagingApi.Message[] };
        const retryKey = req.headers['x-line-retry-key'];
        fake.pushes.push({
          to,
          messages,
          retryKey: typeof retryKey === 'string' ? retryKey : null,
        });
        return send(res, 200, { sentMessages: messages.map((_, i) => ({ id: `${i}` })) });
      }
      if (req.method === 'POST' && path === '/v2/bot/message/reply') {
        const { replyToken, messages } = body as {
          replyToken: string;
          messages: messagingApi.Message[];
        };
        fake.replies.push({ replyToken, messages });
        return send(res, 200, { sentMessages: messages.map((_, i) => ({ id: `${i}` })) });
      }
      const profile = /^\/v2\/bot\/profile\/([^/]+)$/.exec(path);
      if (req.method === 'GET' && profile) {
        const userId = decodeURIComponent(profile[1]!);
        return send(res, 200, {
          userId,
          displayName: options.profiles?.[userId] ?? 'LINE user',
          language: 'ja',
        });
      }
      send(res, 404, { message: 'Not found' });
    })().catch((err: unknown) => send(res, 500, { message: String(err) }));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  });
}
