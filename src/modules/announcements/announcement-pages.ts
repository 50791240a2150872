import type { AppContext } from '../../context.js';
import { requireUser } from '../../auth/guards.js';
import { notFound } from '../../lib/errors.js';
import type { Viewer } from '../events/audience.js';
import { loadViewer } from '../events/viewer.js';

/** What the announcement and newsletter pages share. */

export const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** Members and staff; a login without a live member record (withdrawn) sees nothing. */
export async function memberOrStaff(c: AppContext): Promise<Viewer> {
  const viewer = await loadViewer(c.var.deps.db, requireUser(c));
  if (viewer.kind === 'member' && !viewer.memberId) throw notFound();
  return viewer;
}
