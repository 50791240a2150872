import { z } from 'zod';
import { textValues } from '../../http/validate.js';
import { reissue } from './form-issues.js';
import { withdrawBody } from './members.schemas.js';

/** Withdrawal, asked by the member on マイページ or entered by staff on the member page. */

export const withdrawValues = (raw: unknown) => {
  const form = textValues(raw);
  return { reason: form.reason ?? '', confirm: form.confirm ?? '' };
};

/** The member's own: an optional reason and the ticked confirmation. */
export const withdrawForm = z.unknown().transform((raw, ctx) => {
  const values = withdrawValues(raw);
  const parsed = withdrawBody.safeParse({ reason: values.reason });
  if (!parsed.success) reissue(ctx, parsed.error.issues);
  if (values.confirm !== 'yes') {
    ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'my.withdraw.confirmRequired' });
  }
  if (!parsed.success || values.confirm !== 'yes') return z.NEVER;
  return { reason: parsed.data.reason || null, values };
});

/** Staff's, on the member page: the first problem is the one shown. */
export const staffWithdrawForm = z
  .object({
    reason: z.string().trim().max(500).default(''),
    confirm: z.literal('yes', 'memberAdmin.error.withdrawConfirm'),
  })
  .transform((v) => ({ reason: v.reason || null }));
