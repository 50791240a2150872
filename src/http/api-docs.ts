import { Scalar } from '@scalar/hono-api-reference';
import type { Context, MiddlewareHandler } from 'hono';
import { NONCE } from 'hono/secure-headers';
import { requireStaff } from '../auth/guards.js';
import type { AppContext, AppEnv } from '../context.js';

/** The interactive API reference for staff integrators (Scalar), served from our own origin. */
export const API_DOCS_PATH = '/api/docs';
/**
 * The reference's single-file bundle, copied from @scalar/api-reference at start-up (Node serves
 * it from node_modules, see server.ts) or before `wrangler deploy` (package.json cf:build).
 */
export const API_DOCS_SCRIPT = '/assets/vendor/scalar-api-reference.js';
export const API_DOCS_SCRIPT_SOURCE =
  'node_modules/@scalar/api-reference/dist/browser/standalone.js';

/**
 * NOTE: the app's CSP forbids inline scripts and styles. Only this page gets a per-request nonce
 * (for the reference's inline config and theme); every other response keeps the plain policy.
 */
export const apiDocsNonce = (c: Context, directive: string) =>
  c.req.path === API_DOCS_PATH ? NONCE(c, directive) : '';

const reference = Scalar<AppEnv>((c) => ({
  url: '/api/v1/openapi.json',
  pageTitle: 'Tsunagu API',
  cdn: API_DOCS_SCRIPT,
  nonce: c.get('secureHeadersNonce'),
  withDefaultFonts: false,
  hideClientButton: true,
}));

export const apiDocsPage: MiddlewareHandler<AppEnv> = async (c, next) => {
  requireStaff(c as AppContext);
  return reference(c, next);
};
