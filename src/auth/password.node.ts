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

/** The Node hasher: scrypt; it also verifies PBKDF2 hashes made on Workers (then rehashes). */
export function createScryptHasher(params = SCRYPT_PARAMS): PasswordHasher {
  return {
    async hash(password) {
      const salt = randomSalt();
      const hash = await scryptAsync(password, salt, params);
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
