import type { AppContext } from '../../context.js';
import { requireUser } from '../../auth/guards.js';
import { AppError, notFound } from '../../lib/errors.js';
import { isMessageKey } from '../../lib/i18n.js';
import type { Viewer } from '../events/audience.js';
import { loadViewer } from '../events/viewer.js';

/** What the announcement and newsletter pages share. */

export const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** A refused action (409/422) becomes a message on the page; anything else propagates. */
export function refusal(
  c: AppContext,
  err: unknown,
): { status: 409 | 422; message: string } | null {
  if (err instanceof AppError && (err.status === 409 || err.status === 422)) {
    const key = isMessageKey(err.messageKey) ? err.messageKey : 'error.conflict';
    return { status: err.status, message: c.var.t(key) };
  }
  return null;
}

/** Members and staff; a login without a live member record (withdrawn) sees nothing. */
export async function memberOrStaff(c: AppContext): Promise<Viewer> {
  const viewer = await loadViewer(c.var.deps.db, requireUser(c));
  if (viewer.kind === 'member' && !viewer.memberId) throw notFound();
  return viewer;
}
