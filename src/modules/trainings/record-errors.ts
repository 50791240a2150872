import type { AppContext } from '../../context.js';
import { AppError } from '../../lib/errors.js';

/** A certificate date in the future or an unknown module is a field problem on the form. */
export function recordServiceErrors(
  c: AppContext,
  err: unknown,
  moduleField: string,
): Record<string, string> | null {
  if (!(err instanceof AppError)) return null;
  if (err.code === 'completed_in_future')
    return { completedOn: c.var.t('training.rule.completed_in_future') };
  if (err.code === 'unknown_module')
    return { [moduleField]: c.var.t('training.rule.unknown_module') };
  return null;
}
