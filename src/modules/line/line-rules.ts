import type { messagingApi } from '@line/bot-sdk';
import { hmacBase64Url } from '../../lib/line-signature.js';

/**
 * Pure rules of the LINE channel (issue #21): link codes, the signed postback data of an offer's
 * buttons, and the Flex message of an offer. No database.
 */

/** A link code is valid this long, and once. */
export const LINK_CODE_MINUTES = 10;
/** No 0/O, 1/I/L: read off a screen and typed on a phone without mistakes. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;

/** A fresh code, shown as "ABCD-2345" (about 40 bits; with 10 minutes and one use, enough). */
export function newLinkCode(random: (n: number) => Uint8Array = randomBytes): string {
  // Rejection sampling keeps every letter equally likely.
  const limit = 256 - (256 % CODE_ALPHABET.length);
  let code = '';
  while (code.length < CODE_LENGTH)
    for (const b of random(CODE_LENGTH * 2))
      if (b < limit && code.length < CODE_LENGTH) code += CODE_ALPHABET[b % CODE_ALPHABET.length];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

function randomBytes(n: number): Uint8Array {
  const buf = new Uint8Array(n);
  crypto.getRandomValues(buf);
  return buf;
}

/**
 * The code in what a member typed into LINE ("abcd 2345", "ＡＢＣＤ－２３４５"), or undefined
 * when the text is not a code.
 */
export function normalizeLinkCode(text: string): string | undefined {
  const plain = text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-‐‑–—ー]/g, '');
  if (plain.length !== CODE_LENGTH) return undefined;
  for (const ch of plain) if (!CODE_ALPHABET.includes(ch)) return undefined;
  return `${plain.slice(0, 4)}-${plain.slice(4)}`;
}

// Postback data ---------------------------------------------------------------------------------

export type OfferAnswer = 'accept' | 'decline';
const ANSWER_CODE = { accept: 'a', decline: 'd' } as const;
const POSTBACK_VERSION = 'o1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const macInput = (answer: OfferAnswer, offerId: string, lineUserId: string) =>
  `tsunagu-offer|${POSTBACK_VERSION}|${answer}|${offerId}|${lineUserId}`;

/**
 * The data of an Accept/Decline button: the answer and the offer, signed with the channel secret
 * for the LINE account it is pushed to (so it cannot be made up, changed, or used from another
 * account).
 */
export async function signOfferPostback(
  secret: string,
  answer: OfferAnswer,
  offerId: string,
  lineUserId: string,
): Promise<string> {
  const mac = await hmacBase64Url(secret, macInput(answer, offerId, lineUserId));
  return `${POSTBACK_VERSION}.${ANSWER_CODE[answer]}.${offerId}.${mac}`;
}

/** The answer and offer of postback data, if it was signed by us for this LINE account. */
export async function readOfferPostback(
  secret: string,
  data: string,
  lineUserId: string,
): Promise<{ answer: OfferAnswer; offerId: string } | undefined> {
  const parts = data.split('.');
  if (parts.length !== 4 || parts[0] !== POSTBACK_VERSION) return undefined;
  const [, code, offerId, mac] = parts as [string, string, string, string];
  const answer = code === 'a' ? 'accept' : code === 'd' ? 'decline' : undefined;
  if (!answer || !UUID.test(offerId)) return undefined;
  const expected = await hmacBase64Url(secret, macInput(answer, offerId, lineUserId));
  // Both are fixed-length MACs of our own: compare every character.
  let diff = expected.length ^ mac.length;
  for (let i = 0; i < expected.length; i += 1)
    diff |= expected.charCodeAt(i) ^ (mac.charCodeAt(i) || 0);
  return diff === 0 ? { answer, offerId } : undefined;
}

// The Flex message of an offer ------------------------------------------------------------------

/** What an offer shows in LINE: the same as on /offers before acceptance (no names, no health). */
export interface OfferFlexView {
  heading: string;
  rows: readonly { label: string; value: string }[];
  note: string;
  accept: { label: string; data: string; displayText: string };
  decline: { label: string; data: string; displayText: string };
  /** The page with the offer, when the public origin is known. */
  link?: { label: string; uri: string };
  altText: string;
}

const row = (label: string, value: string): messagingApi.FlexBox => ({
  type: 'box',
  layout: 'baseline',
  spacing: 'sm',
  contents: [
    { type: 'text', text: label, size: 'sm', color: '#6b6b6b', flex: 2, wrap: true },
    { type: 'text', text: value, size: 'sm', color: '#1f1f1f', flex: 5, wrap: true },
  ],
});

/** One offer as a Flex bubble with Accept and Decline postback buttons. */
export function offerFlexMessage(view: OfferFlexView): messagingApi.FlexMessage {
  const footer: messagingApi.FlexComponent[] = [
    {
      type: 'button',
      style: 'primary',
      color: '#1b6e4c',
      action: {
        type: 'postback',
        label: view.accept.label,
        data: view.accept.data,
        displayText: view.accept.displayText,
      },
    },
    {
      type: 'button',
      style: 'secondary',
      action: {
        type: 'postback',
        label: view.decline.label,
        data: view.decline.data,
        displayText: view.decline.displayText,
      },
    },
  ];
  if (view.link)
    footer.push({
      type: 'button',
      style: 'link',
      action: { type: 'uri', label: view.link.label, uri: view.link.uri },
    });
  return {
    type: 'flex',
    // LINE shows the alt text in notifications and chat lists (at most 400 characters).
    altText: view.altText.slice(0, 400),
    contents: {
      type: 'bubble',
      body: {
        type: 'box',
        layout: 'vertical',
        spacing: 'md',
        contents: [
          { type: 'text', text: view.heading, weight: 'bold', size: 'lg', wrap: true },
          ...view.rows.map((r) => row(r.label, r.value)),
          { type: 'text', text: view.note, size: 'xs', color: '#6b6b6b', wrap: true },
        ],
      },
      footer: { type: 'box', layout: 'vertical', spacing: 'sm', contents: footer },
    },
  };
}
