import { HTTPFetchError, messagingApi } from '@line/bot-sdk';
import { DAY } from './clock.js';

/** The configuration the LINE channel reads (src/config.ts). */
interface LineConfig {
  LINE_CHANNEL_SECRET?: string | undefined;
  LINE_CHANNEL_ACCESS_TOKEN?: string | undefined;
  LINE_API_BASE: string;
}

/** A message of the Messaging API, as @line/bot-sdk types it. */
export type LineMessage = messagingApi.Message;

/**
 * The Messaging API calls the app makes, behind one port so tests use a local fake (no internet).
 * Production: `createSdkLineClient`, the SDK's MessagingApiClient.
 */
export interface LineClient {
  /** Push messages to a user; `retryKey` (X-Line-Retry-Key) makes a retried push sent once. */
  push(to: string, messages: LineMessage[], retryKey?: string): Promise<void>;
  /** Answer an event with its reply token (free of charge, valid for a short while). */
  reply(replyToken: string, messages: LineMessage[]): Promise<void>;
  /** The user's display name (shown to staff next to a link). */
  profile(userId: string): Promise<{ displayName: string }>;
}

/**
 * A failed call: `status` as LINE answered it (0: no answer), `retryable` for 429 and 5xx;
 * `retryAfter`: LINE's Retry-After header, when it sent one (read with `retryAfterMs`).
 */
export class LineApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly retryAfter?: string | undefined,
  ) {
    super(message);
    this.name = 'LineApiError';
  }
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

/** The longest wait a Retry-After may ask for (past it, the outbox's own backoff applies). */
const MAX_RETRY_AFTER_MS = DAY;

/**
 * A Retry-After header (RFC 9110: delay-seconds or an HTTP date) as milliseconds from `now`;
 * undefined when absent or unreadable. Capped at a day, at least 0.
 */
export function retryAfterMs(header: string | null | undefined, now: Date): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  let ms: number;
  if (/^\d+$/.test(value)) ms = Number(value) * 1000;
  // An HTTP date is always in GMT ("Sun, 06 Dec 2026 03:10:00 GMT").
  else if (/ GMT$/.test(value)) ms = Date.parse(value) - now.getTime();
  else return undefined;
  if (Number.isNaN(ms)) return undefined;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms));
}

const wrap = async <T>(call: () => Promise<T>): Promise<T> => {
  try {
    return await call();
  } catch (err) {
    if (err instanceof HTTPFetchError)
      throw new LineApiError(
        `LINE answered ${err.status}: ${err.body.slice(0, 200)}`,
        err.status,
        err.headers.get('retry-after') ?? undefined,
      );
    throw new LineApiError(err instanceof Error ? err.message : String(err), 0);
  }
};

/** The SDK's client (global fetch: works on Node and on Workers with nodejs_compat). */
export function createSdkLineClient(options: {
  channelAccessToken: string;
  baseURL: string;
}): LineClient {
  const client = new messagingApi.MessagingApiClient(options);
  return {
    push: (to, messages, retryKey) =>
      wrap(async () => {
        await client.pushMessage({ to, messages }, retryKey);
      }),
    reply: (replyToken, messages) =>
      wrap(async () => {
        await client.replyMessage({ replyToken, messages });
      }),
    profile: (userId) =>
      wrap(async () => ({ displayName: (await client.getProfile(userId)).displayName })),
  };
}

/** The LINE channel is on only with both secrets set. */
export const lineEnabled = (config: LineConfig): boolean =>
  !!config.LINE_CHANNEL_SECRET && !!config.LINE_CHANNEL_ACCESS_TOKEN;

const built = new WeakMap<LineConfig, LineClient>();

/** The client of this deps: the injected one, else the SDK's from the config; undefined: off. */
export function lineClientOf(deps: {
  line?: LineClient | undefined;
  config: LineConfig;
}): LineClient | undefined {
  if (!lineEnabled(deps.config)) return undefined;
  if (deps.line) return deps.line;
  let client = built.get(deps.config);
  if (!client) {
    client = createSdkLineClient({
      channelAccessToken: deps.config.LINE_CHANNEL_ACCESS_TOKEN!,
      baseURL: deps.config.LINE_API_BASE,
    });
    built.set(deps.config, client);
  }
  return client;
}
