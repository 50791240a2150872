import { z } from 'zod';
import { textValues } from '../../http/validate.js';
import type { Side } from '../../../db/schema.js';
import { reissue } from './form-issues.js';
import { suspendBody } from './members.schemas.js';

/** The forms of the staff member page and the renewal list. */

/** The side an action is for; anything else is left to the action to refuse (422). */
export const readSide = (value: unknown): Side | undefined =>
  value === 'requester' || value === 'helper' ? value : undefined;

export const sideForm = z.unknown().transform((raw) => readSide(textValues(raw).side));

export const suspendForm = z.unknown().transform((raw, ctx) => {
  const form = textValues(raw);
  const parsed = suspendBody.safeParse({ side: form.side ?? '', reason: form.reason ?? '' });
  if (!parsed.success) {
    reissue(ctx, parsed.error.issues);
    return z.NEVER;
  }
  // The page shows the reason again as it was typed.
  return { ...parsed.data, values: { reason: form.reason ?? '' } };
});

/** The session staff sign an applicant up for. */
export const orientationChoiceForm = z
  .unknown()
  .transform((raw) => textValues(raw).orientationId ?? '');

/** A fiscal year from a form or query string; the current one when absent or implausible. */
export function readFiscalYear(value: string | undefined, current: number): number {
  const n = Number(value);
  return value && Number.isInteger(n) && n >= 2000 && n <= 2200 ? n : current;
}

export const lapseForm = z.unknown().transform((raw) => {
  const form = textValues(raw);
  return { fiscalYear: form.fiscalYear, confirmed: form.confirm === 'yes' };
});
