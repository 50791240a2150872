import type { AppDeps, CurrentUser } from '../../context.js';
import { conflict, notFound } from '../../lib/errors.js';
import { buildAuditInsert } from '../audit/audit.queries.js';
import { changeAudited } from '../audit/audit.service.js';
import {
  buildDeleteUnusedHelpCategory,
  buildUpdateHelpCategory,
  findHelpCategory,
  listHelpCategories,
} from './categories.queries.js';
import type { HelpCategoryInput } from './categories.schemas.js';
import type { HelpCategory } from './help-category-rules.js';

export { listHelpCategories };

/** Changes a category's names, order, availability, flags and national mapping (admin). */
export async function updateHelpCategory(
  deps: AppDeps,
  admin: CurrentUser,
  code: number,
  input: HelpCategoryInput,
  clientAddress?: string,
): Promise<HelpCategory> {
  const before = await findHelpCategory(deps.db, code);
  if (!before) throw notFound();
  const after: HelpCategory = { code, ...input };
  const now = deps.clock.now();
  await deps.atomic([
    buildUpdateHelpCategory(deps.db, after, now.toISOString()),
    buildAuditInsert(deps.db, {
      at: now,
      actorUserId: admin.id,
      action: 'help_category.update',
      subjectType: 'help_category',
      subjectId: String(code),
      clientAddress,
      details: { before, after },
    }),
  ]);
  return after;
}

/**
 * Deletes a category no request or activity uses; one in use is a 409 `category_in_use` (it can
 * only be deactivated, so past reports keep their rows).
 */
export async function deleteHelpCategory(
  deps: AppDeps,
  admin: CurrentUser,
  code: number,
  clientAddress?: string,
): Promise<void> {
  if (!(await findHelpCategory(deps.db, code))) throw notFound();
  const { changed } = await changeAudited(
    deps,
    admin,
    buildDeleteUnusedHelpCategory(deps.db, code),
    {
      action: 'help_category.delete',
      subjectType: 'help_category',
      subjectId: String(code),
      clientAddress,
    },
  );
  if (!changed) throw conflict('category_in_use', 'helpCategories.inUse');
}
