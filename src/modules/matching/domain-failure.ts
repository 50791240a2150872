import type { AppContext } from '../../context.js';
import { AppError } from '../../lib/errors.js';
import { ruleText } from '../../lib/i18n.js';

/** A refusal the staff pages show by their form (a rule's 422, a state's 409). */
export const isDomainFailure = (err: unknown): err is AppError =>
  err instanceof AppError && (err.status === 422 || err.status === 409);

/** The plain-words message of a domain error: the rule's text, with its dates when it names some. */
export function failureMessage(c: AppContext, err: AppError): string {
  const t = c.var.t;
  const base = ruleText(t, err);
  const dates = err.fields?.occurrences;
  if (!dates?.length) return base;
  return c.var.locale === 'ja' ? `${base}（${dates.join('、')}）` : `${base} (${dates.join(', ')})`;
}
