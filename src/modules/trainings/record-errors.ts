import type { AppContext, CurrentUser } from '../../context.js';
import { AppError } from '../../lib/errors.js';
import type { MemberWithEmail } from '../members/members.queries.js';
import { addTrainingRecords } from './trainings.service.js';

/** A certificate date in the future or an unknown module is a field problem on the form. */
function recordServiceErrors(
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

/**
 * Adds the training records a page form sent (the helper's own, or staff's for a helper): null
 * once added, or the field problems to show on the form again (422); anything else propagates.
 */
export async function addRecordsFromForm(
  c: AppContext,
  actor: CurrentUser,
  member: MemberWithEmail,
  input: Parameters<typeof addTrainingRecords>[3],
  by: { byStaff: boolean; moduleField: string },
): Promise<Record<string, string> | null> {
  try {
    await addTrainingRecords(c.var.deps, actor, member, input, {
      byStaff: by.byStaff,
      clientAddress: c.var.clientAddress,
    });
    return null;
  } catch (err) {
    const errors = recordServiceErrors(c, err, by.moduleField);
    if (!errors) throw err;
    return errors;
  }
}
