import { LineApiError, type LineClient, type LineMessage } from '../../src/lib/line-client.js';
import { hmacBase64 } from '../../src/lib/line-signature.js';
import type { TestContext } from './test-app.js';

// test-app's ORIGIN, not imported: the browser project loads this file without #test-runtime.
const ORIGIN = 'http://localhost';

export const LINE_ENV = {
  LINE_CHANNEL_SECRET: 'test-channel-secret',
  LINE_CHANNEL_ACCESS_TOKEN: 'test-access-token',
  LINE_API_BASE: 'http://127.0.0.1:9',
};

/** A local fake of the Messaging API calls the app makes: it keeps what was sent. */
export class FakeLine implements LineClient {
  readonly pushes: { to: string; messages: LineMessage[]; retryKey?: string | undefined }[] = [];
  readonly replies: { replyToken: string; messages: LineMessage[] }[] = [];
  /** Status codes the next pushes fail with (429, 500, 400…), with a Retry-After if given. */
  failNext: (number | { status: number; retryAfter: string })[] = [];
  push(to: string, messages: LineMessage[], retryKey?: string) {
    const failure = this.failNext.shift();
    if (failure !== undefined) {
      const { status, retryAfter } =
        typeof failure === 'number' ? { status: failure, retryAfter: undefined } : failure;
      return Promise.reject(new LineApiError(`LINE answered ${status}`, status, retryAfter));
    }
    this.pushes.push({ to, messages, retryKey });
    return Promise.resolve();
  }
  reply(replyToken: string, messages: LineMessage[]) {
    this.replies.push({ replyToken, messages });
    return Promise.resolve();
  }
  profile() {
    return Promise.resolve({ displayName: 'テスト' });
  }
  textsTo(replyToken: string): string[] {
    return this.replies
      .filter((r) => r.replyToken === replyToken)
      .flatMap((r) => r.messages.map((m) => (m.type === 'text' ? m.text : m.type)));
  }
}

let sequence = 0;
export const eventId = () => `01TESTEVENT${String((sequence += 1)).padStart(12, '0')}`;

/** Posts a webhook body signed with the channel secret (or with `secret`). */
export async function postWebhook(
  ctx: TestContext,
  events: unknown[],
  {
    secret = LINE_ENV.LINE_CHANNEL_SECRET,
    signature,
  }: { secret?: string; signature?: string } = {},
) {
  const body = JSON.stringify({ destination: 'Utest', events });
  return ctx.app.request(`${ORIGIN}/line/webhook`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-line-signature': signature ?? (await hmacBase64(secret, body)),
    },
    body,
  });
}

/** The fields every event from a user's chat has. */
const base = (type: string, lineUserId: string, id: string, replyable = true) => ({
  type,
  webhookEventId: id,
  ...(replyable ? { replyToken: `reply-${id}` } : {}),
  timestamp: 0,
  mode: 'active',
  deliveryContext: { isRedelivery: false },
  source: { type: 'user', userId: lineUserId },
});

export const textEvent = (lineUserId: string, text: string, id = eventId()) => ({
  ...base('message', lineUserId, id),
  replyToken: `reply-${id}`,
  message: { type: 'text', id: `m-${id}`, text },
});

export const postbackEvent = (lineUserId: string, data: string, id = eventId()) => ({
  ...base('postback', lineUserId, id),
  replyToken: `reply-${id}`,
  postback: { data },
});

export const followEvent = (lineUserId: string, type: 'follow' | 'unfollow', id = eventId()) =>
  base(type, lineUserId, id, type === 'follow');
