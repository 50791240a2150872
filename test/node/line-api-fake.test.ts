/**
 * The app's LINE client (@line/bot-sdk's MessagingApiClient, src/lib/line-client.ts) against the
 * local fake of the Messaging API (test/helpers/line-fake-server.ts), over HTTP: the calls the app
 * makes (push with a retry key, reply, profile) and how a 429 with Retry-After comes back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSdkLineClient, LineApiError, retryAfterMs } from '../../src/lib/line-client.js';
import { startFakeLineApi, type FakeLineApi } from '../helpers/line-fake-server.js';

describe('the SDK client against the fake Messaging API', () => {
  let fake: FakeLineApi;
  beforeAll(async () => {
    fake = await startFakeLineApi({
      accessToken: 'token',
      channelSecret: 'secret',
      profiles: { U1: 'はなこ' },
    });
  });
  afterAll(() => fake.stop());

  it('pushes (with X-Line-Retry-Key), replies and reads a profile', async () => {
    const client = createSdkLineClient({ channelAccessToken: 'token', baseURL: fake.baseUrl });
    const key = '0b9f1c8e-2d4a-4f3b-9a7e-1c2d3e4f5a6b';
    await client.push('U1', [{ type: 'text', text: 'こんにちは' }], key);
    expect(fake.pushes).toEqual([
      { to: 'U1', messages: [{ type: 'text', text: 'こんにちは' }], retryKey: key },
    ]);
    await client.reply('reply-1', [{ type: 'text', text: 'ok' }]);
    expect(fake.repliesTo('reply-1')).toEqual(['ok']);
    expect(await client.profile('U1')).toEqual({ displayName: 'はなこ' });
  });

  it('a 429 is a retryable LineApiError carrying Retry-After; a bad token is a 401', async () => {
    const client = createSdkLineClient({ channelAccessToken: 'token', baseURL: fake.baseUrl });
    fake.failNext = [{ status: 429, retryAfter: '120' }];
    const err = await client.push('U1', [{ type: 'text', text: 'x' }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LineApiError);
    const e = err as LineApiError;
    expect([e.status, e.retryable, e.retryAfter]).toEqual([429, true, '120']);
    expect(retryAfterMs(e.retryAfter, new Date())).toBe(120_000);

    const wrong = createSdkLineClient({ channelAccessToken: 'nope', baseURL: fake.baseUrl });
    const denied = (await wrong.profile('U1').catch((x: unknown) => x)) as LineApiError;
    expect([denied.status, denied.retryable]).toEqual([401, false]);
  });
});
