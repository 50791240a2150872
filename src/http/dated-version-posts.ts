import type { Hono } from 'hono';
import type { z } from 'zod';
import { requireAdmin } from '../auth/guards.js';
import type { AppContext, AppDeps, AppEnv, CurrentUser } from '../context.js';
import type { DatedVersion } from '../lib/dated-versions.js';
import type { MessageKey } from '../lib/i18n.js';
import { formPosts } from './form-posts.js';
import { fieldRefusal } from './refusal.js';
import { setFlash } from './render.js';
import { adminOnly } from './validate.js';

/** A change to a setting kept as dated versions, by an admin (the service audits it). */
type VersionChange<T> = (
  deps: AppDeps,
  admin: CurrentUser,
  value: T,
  clientAddress?: string,
) => Promise<unknown>;

/**
 * The two posts of an admin page for a setting kept as dated versions (fee tables, subsidy rule
 * sets): add a version from the form (a date already used is refused beside `validFrom`), and
 * delete one not in force yet. Both go back to `page` with a notice naming the version's date.
 */
export function datedVersionPosts<V extends DatedVersion>(
  router: Hono<AppEnv>,
  spec: {
    /** The page, e.g. '/settings/fees'; versions are added at `${page}/${versions}`. */
    page: string;
    versions: string;
    /** The form: the new version and the form's text fields. */
    form: z.ZodType<{ version: V; form: Record<string, string> }>;
    /** The page again with the sent form and its problems (422). */
    rerender: (
      c: AppContext,
      form: Record<string, string>,
      errors: Record<string, string>,
    ) => Promise<Response>;
    add: VersionChange<V>;
    remove: VersionChange<string>;
    messages: { duplicate: MessageKey; added: MessageKey; deleted: MessageKey };
  },
) {
  const { page, form, rerender, messages } = spec;
  formPosts(router, [adminOnly], requireAdmin)(
    `${page}/${spec.versions}`,
    form,
    rerender,
    async (c, admin, { version, form }) => {
      try {
        await spec.add(c.var.deps, admin, version, c.var.clientAddress);
      } catch (err) {
        const errors = fieldRefusal(c, err, { duplicate: ['validFrom', messages.duplicate] });
        if (!errors) throw err;
        return rerender(c, form, errors);
      }
      setFlash(c, messages.added, { date: version.validFrom });
      return c.redirect(page, 303);
    },
  );

  router.post(`${page}/${spec.versions}/:validFrom/delete`, async (c) => {
    const admin = requireAdmin(c);
    const validFrom = c.req.param('validFrom');
    await spec.remove(c.var.deps, admin, validFrom, c.var.clientAddress);
    setFlash(c, messages.deleted, { date: validFrom });
    return c.redirect(page, 303);
  });
}
