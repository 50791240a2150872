/**
 * Password hashes are self-describing strings, `algorithm$params$salt$hash` (base64), so the
 * parameters can change and old hashes are upgraded at the next login (`needsRehash`).
 * This file is runtime-neutral (Web Crypto); the scrypt hasher for Node is password.node.ts.
 */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
  needsRehash(stored: string): boolean;
}

export interface ParsedHash {
  algorithm: string;
  params: Record<string, number>;
  salt: Uint8Array<ArrayBuffer>;
  hash: Uint8Array;
}

export function parseHash(stored: string): ParsedHash | undefined {
  const parts = stored.split('$');
  if (parts.length !== 4) return undefined;
  const [algorithm, paramText, salt, hash] = parts as [string, string, string, string];
  const params: Record<string, number> = {};
  for (const pair of paramText.split(',')) {
    const [k, v] = pair.split('=');
    if (!k || v === undefined || !/^\d+$/.test(v)) return undefined;
    params[k] = Number(v);
  }
  return { algorithm, params, salt: fromBase64(salt), hash: fromBase64(hash) };
}

export function formatHash(h: ParsedHash): string {
  const params = Object.entries(h.params)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  return `${h.algorithm}$${params}$${toBase64(h.salt)}$${toBase64(h.hash)}`;
}

export function toBase64(buf: Uint8Array): string {
  let s = '';
  for (const b of buf) s += String.fromCharCode(b);
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Compares without an early exit, so timing does not reveal how many bytes matched. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

export function randomSalt(bytes = 16): Uint8Array<ArrayBuffer> {
  const salt = new Uint8Array(bytes);
  crypto.getRandomValues(salt);
  return salt;
}

// NOTE: 100,000 iterations is the most the Workers runtime allows for PBKDF2.
export const PBKDF2_ITERATIONS = 100_000;

export async function pbkdf2Sha256(
  password: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(password),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

export async function verifyPbkdf2(password: string, parsed: ParsedHash): Promise<boolean> {
  const iterations = parsed.params.i;
  if (!iterations || iterations > PBKDF2_ITERATIONS) return false;
  const derived = await pbkdf2Sha256(password, parsed.salt, iterations);
  return constantTimeEqual(derived, parsed.hash);
}

/** The Workers hasher: PBKDF2-SHA256 through Web Crypto. */
export const pbkdf2Hasher: PasswordHasher = {
  async hash(password) {
    const salt = randomSalt();
    const hash = await pbkdf2Sha256(password, salt, PBKDF2_ITERATIONS);
    return formatHash({ algorithm: 'pbkdf2-sha256', params: { i: PBKDF2_ITERATIONS }, salt, hash });
  },
  async verify(password, stored) {
    const parsed = parseHash(stored);
    // NOTE: a scrypt hash made on Node cannot be checked here (no scrypt in Web Crypto); such a
    // member resets the password once after a center moves from Node to Workers.
    if (!parsed || parsed.algorithm !== 'pbkdf2-sha256') return false;
    return verifyPbkdf2(password, parsed);
  },
  needsRehash(stored) {
    const parsed = parseHash(stored);
    return parsed?.algorithm !== 'pbkdf2-sha256' || parsed.params.i !== PBKDF2_ITERATIONS;
  },
};
