import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import { createMiddleware } from 'hono/factory';
import { createLucia } from './auth/lucia.js';
import { sessionMiddleware, setLocale } from './auth/session.middleware.js';
import type { AppDeps, AppEnv } from './context.js';
import { clientAddressOf } from './http/client-address.js';
import { handleError, handleNotFound } from './http/errors.js';
import { noStore, requireJsonForWrites, securityHeaders } from './http/security.js';
import { AppError } from './lib/errors.js';
import { buildOpenApiDocument } from './lib/openapi.js';
import { authApi, authApiDocs } from './modules/auth/auth.api.js';
import { authPages } from './modules/auth/auth.routes.js';
import { homePages } from './modules/home.routes.js';
import { staffApi, staffApiDocs } from './modules/staff/staff.api.js';
import { staffPages } from './modules/staff/staff.routes.js';
import { settingsApi, settingsApiDocs } from './modules/settings/settings.api.js';
import { settingsPages } from './modules/settings/settings.routes.js';
import { membersApi, membersApiDocs } from './modules/members/members.api.js';
import { orientationsApi, orientationsApiDocs } from './modules/orientations/orientations.api.js';

export const apiDocs = [
  ...authApiDocs,
  ...staffApiDocs,
  ...settingsApiDocs,
  ...membersApiDocs,
  ...orientationsApiDocs,
];

export interface AppOptions {
  /** Serves /assets/* on runtimes where the app itself serves files (Node). */
  assets?: MiddlewareHandler;
}

/** The whole application, for either runtime. Imports nothing Node-only. */
export function createApp(deps: AppDeps, options: AppOptions = {}) {
  const lucia = createLucia(deps.db, deps.clock, deps.config);
  const app = new Hono<AppEnv>();

  app.use(
    '*',
    createMiddleware<AppEnv>(async (c, next) => {
      c.set('deps', deps);
      c.set('lucia', lucia);
      c.set('user', null);
      c.set('sessionToken', null);
      c.set('clientAddress', clientAddressOf(c));
      setLocale(c); // provisional, for errors raised before the session is known
      await next();
    }),
  );
  app.use('*', securityHeaders);
  if (options.assets) app.use('/assets/*', options.assets);
  app.use('*', noStore);
  app.use(
    '*',
    bodyLimit({
      maxSize: deps.config.BODY_LIMIT_BYTES,
      onError: () => {
        throw new AppError(413, 'payload_too_large', 'error.payload_too_large');
      },
    }),
  );
  app.use('/api/*', requireJsonForWrites);
  // NOTE: form posts must come from our own origin (Origin or Sec-Fetch-Site); a missing or
  // text/plain content type is treated as a form, so it is checked too.
  app.use(
    '*',
    csrf({
      origin: (origin, c) =>
        origin === new URL(c.req.url).origin || origin === deps.config.PUBLIC_ORIGIN,
    }),
  );
  app.use('*', sessionMiddleware);

  const api = new Hono<AppEnv>();
  api.get('/healthz', (c) => c.json({ ok: true }));
  api.get('/openapi.json', (c) => c.json(buildOpenApiDocument(apiDocs)));
  api.route('/', authApi);
  api.route('/', staffApi);
  api.route('/', settingsApi);
  api.route('/', membersApi);
  api.route('/', orientationsApi);
  app.route('/api/v1', api);

  app.route('/', homePages);
  app.route('/', authPages);
  app.route('/', staffPages);
  app.route('/', settingsPages);

  app.notFound(handleNotFound);
  app.onError(handleError);
  return app;
}

export type App = ReturnType<typeof createApp>;
