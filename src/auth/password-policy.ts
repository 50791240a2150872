import { z } from 'zod';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

// The most common passwords of 12+ characters in public breach lists (shorter ones already fail
// the length rule), plus obvious local ones. Compared case-insensitively.
const COMMON = new Set([
  '123456789012',
  '1234567890123',
  '12345678901234',
  '123123123123',
  '111111111111',
  '000000000000',
  '123456123456',
  'password1234',
  'password12345',
  'password123456',
  'passwordpassword',
  'qwertyuiop12',
  'qwertyuiopasdf',
  '1qaz2wsx3edc',
  'qwerty123456',
  'iloveyou1234',
  'abcdefghijkl',
  'abc123abc123',
  'administrator',
  'welcome12345',
  'letmein12345',
  'changeme1234',
  'football1234',
  'baseball1234',
  'sunshine1234',
  'princess1234',
  'dragon123456',
  'monkey123456',
  'asdfghjkl123',
  'zxcvbnm12345',
  'tsunagu12345',
  'tsunagutsunagu',
  'familysupport',
  'family123456',
  'passw0rd1234',
]);

export function isCommonPassword(password: string): boolean {
  const p = password.normalize('NFKC').toLowerCase();
  return COMMON.has(p) || /^(.)\1+$/u.test(p);
}

/** Length in code points of the form that is hashed (scrypt hashes the NFKC form). */
export const passwordLength = (password: string) => [...password.normalize('NFKC')].length;

/**
 * The zod schema every new password goes through. The rules apply to the NFKC form, so a
 * full-width or decomposed variant of a refused password is refused too. Messages are i18n keys.
 */
export const newPasswordSchema = z
  .string()
  .max(PASSWORD_MAX * 4, 'validation.password_too_long')
  .refine((p) => passwordLength(p) >= PASSWORD_MIN, 'validation.password_too_short')
  .refine((p) => passwordLength(p) <= PASSWORD_MAX, 'validation.password_too_long')
  .refine((p) => !isCommonPassword(p), 'validation.password_common');
