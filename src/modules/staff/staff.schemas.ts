import { z } from 'zod';
import { singleLineText } from '../../lib/text-schemas.js';
import { newPasswordSchema } from '../../auth/password-policy.js';
import { emailSchema } from '../auth/auth.schemas.js';

export const createStaffBody = z
  .object({
    email: emailSchema,
    name: singleLineText(100),
    password: newPasswordSchema,
    role: z.enum(['staff', 'admin']),
  })
  .strict();
export type CreateStaffInput = z.output<typeof createStaffBody>;

export const staffRoleBody = z.object({ role: z.enum(['staff', 'admin']) }).strict();
