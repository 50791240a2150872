import { z } from 'zod';
import { newPasswordSchema } from '../../auth/password-policy.js';

const newPasswordPair = {
  newPassword: newPasswordSchema,
  confirmPassword: z.string().min(1),
};
const passwordsMatch = (v: { newPassword: string; confirmPassword: string }) =>
  v.newPassword === v.confirmPassword;
const mismatch = { message: 'password.mismatch', path: ['confirmPassword'] };

export const forgotPasswordBody = z.object({ email: z.string().trim().min(1).max(254) }).strict();

/** The mailed link's token: base64url, as randomToken makes it. */
const resetToken = z.string().regex(/^[\w-]{20,100}$/, 'recovery.invalid');

export const resetWithTokenBody = z
  .object({ token: resetToken, newPassword: newPasswordSchema })
  .strict();

export const resetWithCodeBody = z
  .object({
    email: z.string().trim().min(1).max(254),
    code: z.string().trim().min(1).max(40),
    newPassword: newPasswordSchema,
  })
  .strict();

export const resetWithTokenForm = z
  .object({ token: resetToken, ...newPasswordPair })
  .strict()
  .refine(passwordsMatch, mismatch);

export const resetWithCodeForm = z
  .object({
    email: z.string().trim().min(1).max(254),
    code: z.string().trim().min(1).max(40),
    ...newPasswordPair,
  })
  .strict()
  .refine(passwordsMatch, mismatch);

/** A reset code as issued: shown this once. */
export const resetCodeJson = z.object({ code: z.string(), expiresAt: z.string() }).strict();
