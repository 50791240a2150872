import { z } from 'zod';
import { textValues } from '../../http/validate.js';
import { loginBody } from './auth.schemas.js';

/** The sign-in form ↔ `loginBody`, and where to go once signed in (checked by safeNextPath). */
export const loginForm = z.unknown().transform((raw, ctx) => {
  const form = textValues(raw);
  const parsed = loginBody.safeParse({ email: form.email ?? '', password: form.password ?? '' });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ ...(issue as z.core.$ZodIssueCustom) });
    return z.NEVER;
  }
  return { ...parsed.data, next: form.next ?? '' };
});

/** The values the sign-in page shows again (never the password). */
export const loginFormValues = (form: Record<string, string>) => ({
  email: form.email ?? '',
  next: form.next ?? '',
});
