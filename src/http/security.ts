import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from '../context.js';
import { apiDocsNonce } from './api-docs.js';
import { AppError, forbidden } from '../lib/errors.js';

// NOTE: no inline scripts or styles anywhere, so the policy can forbid them outright; only the
// API reference page (/api/docs) gets a per-request nonce for its inline config and theme.
export const securityHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'", apiDocsNonce],
    styleSrc: ["'self'", apiDocsNonce],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    objectSrc: ["'none'"],
  },
  strictTransportSecurity: 'max-age=31536000; includeSubDomains',
  referrerPolicy: 'strict-origin-when-cross-origin',
  xFrameOptions: 'DENY',
  permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
});

const UNSAFE = /^(POST|PUT|PATCH|DELETE)$/;

/**
 * JSON API writes must say application/json: this also shuts out cross-site form posts.
 * NOTE: a browser always marks a cross-site write (Origin, Sec-Fetch-Site), so those are refused
 * too, as JSON: defence in depth behind CORS preflight and SameSite=Lax cookies. Clients that
 * are not browsers send neither header and are unaffected.
 */
export const requireJsonForWrites = (uploads: readonly string[] = []) => {
  // An upload route (a path pattern, e.g. /api/v1/incidents/:id/attachments) may take a POSTed
  // multipart/form-data body instead; it is still refused cross-site, below and by csrf().
  const upload = new RegExp(
    `^(?:${uploads.map((p) => p.replace(/:\w+/g, '[^/]+')).join('|') || '(?!)'})$`,
  );
  return createMiddleware<AppEnv>(async (c, next) => {
    if (UNSAFE.test(c.req.method)) {
      const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
      const isUpload =
        type === 'multipart/form-data' && c.req.method === 'POST' && upload.test(c.req.path);
      if (type !== 'application/json' && !isUpload) {
        throw new AppError(415, 'unsupported_media_type', 'error.unsupported_media_type');
      }
      const origin = c.req.header('origin');
      const ours =
        origin === undefined ||
        origin === new URL(c.req.url).origin ||
        origin === c.var.deps.config.PUBLIC_ORIGIN;
      if (!ours || c.req.header('sec-fetch-site') === 'cross-site') throw forbidden();
    }
    await next();
  });
};

/** Pages and API answers may hold personal data: never let a shared PC's cache keep them. */
export const noStore = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
});
