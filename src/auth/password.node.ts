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

/**
 * Password work in two classes. Checks (sign-in) start at once. New hashes (an application, a new
 * or reset password) run at most `newHashesAtOnce` at a time and only start while no check is
 * running, so a burst of public applications holds one libuv thread and 128 MiB, and a sign-in
 * competes with at most the one hash already under way.
 */
export function passwordWorkQueue(newHashesAtOnce: number) {
  let checks = 0;
  let hashing = 0;
  const waiting: (() => void)[] = [];
  const startNext = () => {
    while (checks === 0 && hashing < newHashesAtOnce && waiting.length) {
      hashing += 1;
      waiting.shift()!();
    }
  };
  return {
    async check<T>(task: () => Promise<T>): Promise<T> {
      checks += 1;
      try {
        return await task();
      } finally {
        checks -= 1;
        startNext();
      }
    },
    async newHash<T>(task: () => Promise<T>): Promise<T> {
      await new Promise<void>((resolve) => {
        waiting.push(resolve);
        startNext();
      });
      try {
        return await task();
      } finally {
        hashing -= 1;
        startNext();
      }
    },
  };
}

/** The Node hasher: scrypt; it also verifies PBKDF2 hashes made on Workers (then rehashes). */
export function createScryptHasher(params = SCRYPT_PARAMS, newHashesAtOnce = 1): PasswordHasher {
  const work = passwordWorkQueue(newHashesAtOnce);
  return {
    async hash(password) {
      const salt = randomSalt();
      const hash = await work.newHash(() => scryptAsync(password, salt, params));
      return formatHash({ algorithm: 'scrypt', params, salt, hash });
    },
    async verify(password, stored) {
      const parsed = parseHash(stored);
      if (!parsed) return false;
      if (parsed.algorithm === 'pbkdf2-sha256') return verifyPbkdf2(password, parsed);
      if (parsed.algorithm !== 'scrypt') return false;
      const { N, r, p } = parsed.params;
      if (!N || !r || !p || N > 2 ** 20) return false;
      const derived = await work.check(() => scryptAsync(password, parsed.salt, { N, r, p }));
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
