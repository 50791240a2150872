import { createMiddleware } from 'hono/factory';
import { underlyingDb } from '../../lib/batch-read.js';
import type { AppDeps, AppEnv } from '../../context.js';
import type { Db } from '../../lib/db.js';
import type { MessageKey, Translator } from '../../lib/i18n.js';
import { listHelpCategories } from './categories.queries.js';
import { helpCategoryLabel, type HelpCategory } from './help-category-rules.js';

/**
 * The names admins give the help categories (migration 0027) replace the dictionary's
 * `category.N` on every page of a signed-in request: the shared label functions
 * (src/i18n/category-labels.ts) read them through `t`. The short names of dense tables
 * (`category.short.N`) follow an edited name; an unedited one keeps its short form.
 * The rows are cached per database under the settings stamp, which their triggers bump, so a
 * request that read the stamp with its session needs no query; requests without a session keep
 * the dictionary's names.
 */
const cache = new Map<Db, { stamp: number; categories: HelpCategory[] }>();

async function cachedCategories(deps: AppDeps, stamp: number): Promise<HelpCategory[]> {
  const key = underlyingDb(deps.db);
  const hit = cache.get(key);
  if (hit?.stamp === stamp) return hit.categories;
  const categories = await listHelpCategories(deps.db);
  if (cache.size >= 4) cache.clear();
  cache.set(key, { stamp, categories });
  return categories;
}

export function withCategoryLabels(
  t: Translator,
  locale: string,
  categories: readonly HelpCategory[],
): Translator {
  const overrides = new Map<string, string>();
  for (const c of categories) {
    const label = helpCategoryLabel(c, locale);
    const full = `category.${c.code}` as MessageKey;
    if (label === t(full)) continue;
    overrides.set(full, label);
    overrides.set(`category.short.${c.code}`, label);
  }
  if (overrides.size === 0) return t;
  return (key, params) => overrides.get(key) ?? t(key, params);
}

export const categoryLabelsMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  const stamps = c.var.deps.stamps;
  if (stamps) {
    const categories = await cachedCategories(c.var.deps, stamps.settings);
    c.set('t', withCategoryLabels(c.var.t, c.var.locale, categories));
  }
  await next();
});
