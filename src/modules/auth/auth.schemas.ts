import { z } from 'zod';
import { newPasswordSchema } from '../../auth/password-policy.js';

export const emailSchema = z.string().trim().min(1).max(254).pipe(z.email());

export const loginBody = z
  .object({
    email: z.string().trim().min(1).max(254),
    // Any length is accepted at login (old accounts); the cap only bounds hashing work.
    password: z.string().min(1).max(1024),
  })
  .strict();

export const changePasswordBody = z
  .object({
    currentPassword: z.string().min(1).max(1024),
    newPassword: newPasswordSchema,
  })
  .strict();

export const changePasswordForm = z
  .object({
    currentPassword: z.string().min(1).max(1024),
    newPassword: newPasswordSchema,
    confirmPassword: z.string().min(1),
  })
  .strict()
  .refine((v) => v.newPassword === v.confirmPassword, {
    message: 'password.mismatch',
    path: ['confirmPassword'],
  });

export const localeForm = z
  .object({
    locale: z.enum(['ja', 'en']),
    next: z.string().optional(),
  })
  .strict();
