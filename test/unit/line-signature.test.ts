import { validateSignature } from '@line/bot-sdk';
import { describe, expect, it } from 'vitest';
import { retryAfterMs } from '../../src/lib/line-client.js';
import { hmacBase64, verifyHmacBase64 } from '../../src/lib/line-signature.js';
import {
  newLinkCode,
  normalizeLinkCode,
  readOfferPostback,
  signOfferPostback,
} from '../../src/modules/line/line-rules.js';

const OFFER = '0b9f1c8e-2d4a-4f3b-9a7e-1c2d3e4f5a6b';

describe('LINE signatures with Web Crypto', () => {
  it('agree with the SDK’s validateSignature (node:crypto)', async () => {
    for (const body of ['{}', '{"events":[]}', 'こんにちは', 'x'.repeat(5000)]) {
      const signature = await hmacBase64('secret', body);
      expect(validateSignature(body, 'secret', signature)).toBe(true);
      expect(await verifyHmacBase64('secret', body, signature)).toBe(true);
      expect(await verifyHmacBase64('other', body, signature)).toBe(false);
      expect(await verifyHmacBase64('secret', `${body} `, signature)).toBe(false);
    }
    expect(await verifyHmacBase64('secret', '{}', undefined)).toBe(false);
    expect(await verifyHmacBase64('secret', '{}', '%%%')).toBe(false);
  });

  it('signs postback data for one LINE account and one answer', async () => {
    const data = await signOfferPostback('s', 'accept', OFFER, 'U1');
    expect(data.length).toBeLessThanOrEqual(300);
    expect(await readOfferPostback('s', data, 'U1')).toEqual({ answer: 'accept', offerId: OFFER });
    expect(await readOfferPostback('s', data, 'U2')).toBeUndefined();
    expect(await readOfferPostback('t', data, 'U1')).toBeUndefined();
    expect(await readOfferPostback('s', data.replace('.a.', '.d.'), 'U1')).toBeUndefined();
    expect(await readOfferPostback('s', OFFER, 'U1')).toBeUndefined();
  });
});

describe('link codes', () => {
  it('are 8 unambiguous letters, read back however typed', () => {
    for (let i = 0; i < 200; i++) {
      const code = newLinkCode();
      expect(code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
      expect(normalizeLinkCode(code.toLowerCase().replace('-', ' '))).toBe(code);
    }
    expect(normalizeLinkCode('ＡＢＣＤ－２３４５')).toBe('ABCD-2345');
    expect(normalizeLinkCode('こんにちは')).toBeUndefined();
    expect(normalizeLinkCode('ABCD-1234')).toBeUndefined(); // 1 is not in the alphabet
  });
});

describe('retryAfterMs', () => {
  const now = new Date('2026-12-06T03:00:00Z');
  it('reads delay-seconds and HTTP dates, capped at a day', () => {
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs(' 0 ', now)).toBe(0);
    expect(retryAfterMs('Sun, 06 Dec 2026 03:10:00 GMT', now)).toBe(600_000);
    expect(retryAfterMs('Sun, 06 Dec 2026 02:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('999999', now)).toBe(24 * 3_600_000);
  });
  it('gives nothing for a missing or unreadable header', () => {
    expect(retryAfterMs(undefined, now)).toBeUndefined();
    expect(retryAfterMs('', now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs('-5', now)).toBeUndefined();
  });
});
