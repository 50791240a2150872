import { describe, expect, it } from 'vitest';
import { isCommonPassword, newPasswordSchema } from '../../src/auth/password-policy.js';
import { parseHash, pbkdf2Hasher, PBKDF2_ITERATIONS } from '../../src/auth/password.js';
import { createScryptHasher, SCRYPT_PARAMS } from '../../src/auth/password.node.js';

describe('password hashes', () => {
  it('scrypt hashes describe themselves with the production parameters and verify', async () => {
    const hasher = createScryptHasher();
    const hash = await hasher.hash('a long enough passphrase');
    const parsed = parseHash(hash)!;
    expect(parsed.algorithm).toBe('scrypt');
    expect(parsed.params).toEqual({ N: 131072, r: 8, p: 1 });
    expect(SCRYPT_PARAMS.N).toBeGreaterThanOrEqual(2 ** 17);
    expect(await hasher.verify('a long enough passphrase', hash)).toBe(true);
    expect(await hasher.verify('a long enough passphrasE', hash)).toBe(false);
    expect(hasher.needsRehash(hash)).toBe(false);
  }, 30_000); // three production-strength scrypt runs (~0.3 s each alone; seconds on a busy machine)

  it('salts every hash', async () => {
    const hasher = createScryptHasher({ N: 1024, r: 8, p: 1 });
    expect(await hasher.hash('same password here')).not.toBe(
      await hasher.hash('same password here'),
    );
  });

  it('asks for a rehash when parameters changed, and Node verifies PBKDF2 hashes made on Workers', async () => {
    const weak = createScryptHasher({ N: 1024, r: 8, p: 1 });
    const weakHash = await weak.hash('some passphrase 1');
    expect(createScryptHasher().needsRehash(weakHash)).toBe(true);
    expect(await createScryptHasher().verify('some passphrase 1', weakHash)).toBe(true);

    const workersHash = await pbkdf2Hasher.hash('some passphrase 2');
    expect(parseHash(workersHash)!.params).toEqual({ i: PBKDF2_ITERATIONS });
    expect(await createScryptHasher().verify('some passphrase 2', workersHash)).toBe(true);
    expect(createScryptHasher().needsRehash(workersHash)).toBe(true);
  });

  it('rejects garbage hashes without throwing', async () => {
    for (const stored of [
      '',
      'plain',
      'scrypt$N=1$x',
      'md5$i=1$AAAA$AAAA',
      'scrypt$N=99999999,r=8,p=1$AAAA$AAAA',
    ]) {
      expect(await createScryptHasher().verify('whatever', stored)).toBe(false);
      expect(await pbkdf2Hasher.verify('whatever', stored)).toBe(false);
    }
  });
});

describe('password policy', () => {
  it.each([
    ['short', false],
    ['elevenchars', false],
    ['twelve chars', true],
    ['password1234', false],
    ['aaaaaaaaaaaaaaaa', false],
    ['x'.repeat(128), false],
    ['ひらがなのながいパスワードです', true],
    ['y'.repeat(129), false],
  ])('%s → accepted: %s', (password, accepted) => {
    expect(newPasswordSchema.safeParse(password).success).toBe(accepted);
  });

  it('knows common passwords case-insensitively', () => {
    expect(isCommonPassword('PassWord1234')).toBe(true);
    expect(isCommonPassword('blue kettle on the hill')).toBe(false);
  });
});
