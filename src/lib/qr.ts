import { encode } from 'uqr';

/**
 * A QR code as one SVG path (uqr: pure ECMAScript, no dependencies, so it runs the same on Node
 * and on Workers; docs/decisions/2026-12-06-line-qr-and-rate-limits.md). `size`: modules per
 * side, quiet zone included; `d`: one 1×1 square per dark module, for a `viewBox="0 0 size size"`.
 * Error correction M: a phone reads it off a screen with glare.
 */
export function qrPath(text: string): { size: number; d: string } {
  const { size, data } = encode(text, { ecc: 'M', border: 2 });
  let d = '';
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    }),
  );
  return { size, d };
}

/**
 * The LINE URL that opens the chat with an official account with `text` typed in, from the
 * account's add-friend URL (`https://line.me/R/ti/p/@basic-id`); undefined when that URL does not
 * name the account's id (then only the add-friend URL can be offered).
 */
export function lineMessageUrl(addFriendUrl: string, text: string): string | undefined {
  const id = /^https:\/\/line\.me\/R\/ti\/p\/(@|%40)([\w.-]+)\/?$/i.exec(addFriendUrl)?.[2];
  return id ? `https://line.me/R/oaMessage/@${id}/?${encodeURIComponent(text)}` : undefined;
}
