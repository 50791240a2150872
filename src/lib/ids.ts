/**
 * Ids are generated in application code (not by the database) so that the statements of one
 * atomic batch can refer to each other's rows without reading results back (D1 has no
 * interactive transactions).
 */
export function newId(): string {
  return crypto.randomUUID();
}

/** A random URL-safe token with `bytes` of entropy (for tokenized links). */
export function randomToken(bytes = 32): string {
  const buf = new Uint8Array(bytes);
  crypto.getRandomValues(buf);
  return base64Url(buf);
}

export function base64Url(buf: Uint8Array): string {
  let s = '';
  for (const b of buf) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
