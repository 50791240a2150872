/**
 * HMAC-SHA256 with Web Crypto, the same on Node and on Workers: the webhook's x-line-signature
 * (base64 of the HMAC of the raw body with the channel secret) and the app's own signed postback
 * data. @line/bot-sdk's validateSignature needs node:crypto, so the shared path uses this instead
 * (test/unit/line-signature.test.ts checks both agree).
 */
const encoder = new TextEncoder();

const keyOf = (secret: string, usage: KeyUsage) =>
  crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    usage,
  ]);

function fromBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    const binary = atob(text);
    const bytes = new Uint8Array(new ArrayBuffer(binary.length));
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

const toBase64 = (bytes: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(bytes)));

/** base64 HMAC-SHA256 of `body` (the value LINE puts in x-line-signature). */
export async function hmacBase64(secret: string, body: string): Promise<string> {
  return toBase64(
    await crypto.subtle.sign('HMAC', await keyOf(secret, 'sign'), encoder.encode(body)),
  );
}

/** base64url HMAC-SHA256 of `body` without padding (for URL- and postback-safe tokens). */
export async function hmacBase64Url(secret: string, body: string): Promise<string> {
  return (await hmacBase64(secret, body))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** Whether `signature` (base64) is the HMAC of `body`; compared in constant time by Web Crypto. */
export async function verifyHmacBase64(
  secret: string,
  body: string,
  signature: string | undefined,
): Promise<boolean> {
  if (!signature) return false;
  const bytes = fromBase64(signature.trim());
  if (!bytes || bytes.length !== 32) return false;
  return crypto.subtle.verify('HMAC', await keyOf(secret, 'verify'), bytes, encoder.encode(body));
}
