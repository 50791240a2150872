import { scrypt, timingSafeEqual } from 'node:crypto';
import {
  formatHash,
  parseHash,
  randomSalt,
  verifyPbkdf2,
  type PasswordHasher,
} from './password.js';

// NOTE: N=2^17, r=8, p=1 is OWASP's scrypt recommendation; it needs 128 MiB, above Node's
// default maxmem, hence the explicit limit.
export const SCRYPT_PARAMS = { N: 2 ** 17, r: 8, p: 1 };
const KEY_LENGTH = 32;

function scryptAsync(password: string, salt: Uint8Array, params: typeof SCRYPT_PARAMS) {
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(
      password.normalize('NFKC'),
      salt,
      KEY_LENGTH,
      { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}

/** Runs at most `limit` tasks at once; the rest wait in order. */
export function concurrencyLimit(limit: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await task();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}

/**
 * The Node hasher: scrypt; it also verifies PBKDF2 hashes made on Workers (then rehashes).
 * Making a new hash (an application, a new or reset password) runs one at a time: a burst of
 * public applications then holds one libuv thread and 128 MiB, and sign-ins (`verify`, not
 * limited) keep the other threads of the pool.
 */
export function createScryptHasher(params = SCRYPT_PARAMS, newHashesAtOnce = 1): PasswordHasher {
  const oneAtATime = concurrencyLimit(newHashesAtOnce);
  return {
    async hash(password) {
      const salt = randomSalt();
      const hash = await oneAtATime(() => scryptAsync(password, salt, params));
      return formatHash({ algorithm: 'scrypt', params, salt, hash });
    },
    async verify(password, stored) {
      const parsed = parseHash(stored);
      if (!parsed) return false;
      if (parsed.algorithm === 'pbkdf2-sha256') return verifyPbkdf2(password, parsed);
      if (parsed.algorithm !== 'scrypt') return false;
      const { N, r, p } = parsed.params;
      if (!N || !r || !p || N > 2 ** 20) return false;
      const derived = await scryptAsync(password, parsed.salt, { N, r, p });
      return derived.length === parsed.hash.length && timingSafeEqual(derived, parsed.hash);
    },
    needsRehash(stored) {
      const parsed = parseHash(stored);
      return (
        parsed?.algorithm !== 'scrypt' ||
        parsed.params.N !== params.N ||
        parsed.params.r !== params.r ||
        parsed.params.p !== params.p
      );
    },
  };
}
