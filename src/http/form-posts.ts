import type { Hono, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import type { AppContext, AppEnv } from '../context.js';
import { formBody } from './validate.js';

/** What `formBody` calls with an invalid form: the page again, with the messages (422). */
type OnInvalid = Parameters<typeof formBody>[1];

/**
 * The form posts of one page that share their guards and what those load (the staff member and
 * the request of the path, …). Each post is registered with the guards before its validator
 * (authorization first), and its handler gets what `load` reads and the parsed form.
 */
export function formPosts<Loaded>(
  router: Hono<AppEnv>,
  guards: readonly [MiddlewareHandler<AppEnv>, ...MiddlewareHandler<AppEnv>[]],
  load: (c: AppContext) => Loaded,
) {
  return <S extends z.ZodType>(
    path: string,
    schema: S,
    onInvalid: OnInvalid,
    handler: (c: AppContext, loaded: Loaded, form: z.output<S>) => Promise<Response>,
  ) => {
    const validated = formBody(schema, onInvalid) as MiddlewareHandler<AppEnv>;
    router.post(path, ...guards, validated, (c) =>
      // The value `formBody` parsed (the untyped chain cannot name its type).
      handler(c, load(c), c.req.valid('form' as never) as z.output<S>),
    );
  };
}
