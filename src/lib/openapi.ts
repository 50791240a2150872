/**
 * The API contract, generated from the route definitions (`@hono/zod-openapi`).
 *
 * HOW A JSON ROUTE IS WRITTEN (see `modules/staff/staff.api.ts`, `modules/directory/directory.api.ts`):
 *
 *     const api = jsonApi();                           // an OpenAPIHono with our validation hook
 *     export const fooApi = api.router;                // mounted in app.ts
 *     const op = operationsOf('foo');                  // the tag
 *     const createFoo = op('staff', 'post /foos/{id}', {   // OpenAPI placeholders, not `:id`
 *       summary: 'Create a foo',
 *       errors: { 409: ['foo_taken'] },
 *       body: createFooBody,                            // {id} in the path adds idParam
 *       responses: { 201: jsonResponse('The foo', fooJson) },   // every success status
 *     });
 *     api.openapi(createFoo, async (c, staff) => { ... c.req.valid('json') ... return x });
 *
 * - The handler gets the caller the access lets through (`requireStaff(c)` for 'staff', none
 *   when public) and returns the body of the one success status, which answers it (204: none);
 *   a file, or one of two success statuses, is a Response it returns itself (`c.body(…)`).
 *
 * - `access` picks the guard that runs *before* the validators (`signedIn`/`staffOnly`/
 *   `adminOnly` from http/validate.ts, in the route's `middleware`, which @hono/zod-openapi
 *   mounts ahead of its validators), so a stranger gets 401/403, never a 400 about the schema.
 *   Handlers still check the actual object (scoping answers 404).
 * - The error responses are added from what the route does: 400 (`invalid_input`,
 *   `unknown_fields`, `malformed_json` with a body), 401 unless public, 403 `forbidden` for staff
 *   and admin routes and for every write (cross-site refusal), 404 for routes with path
 *   parameters, 413/415 for writes; `errors` adds the codes the handler's services throw
 *   (409 conflicts, 422 rules, 429, extra 403/404). Each error status documents the exact codes.
 * - Response schemas live beside the serializers (`*.json.ts`), pinned to the serializer's type
 *   with `responseOf` (tsc fails when they drift); the behaviour tests check every JSON answer
 *   against them (test/helpers/test-app.ts), and test/unit/openapi-error-codes.test.ts follows
 *   each handler's calls to every error it can throw and fails on one the document lacks.
 */
import { z } from 'zod';

/** Who may call a route, as documented (the handler still checks the actual object). */
export type Access = 'public' | 'signed-in' | 'member' | 'staff' | 'admin';

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429;

/** The error body of API.md, with the codes a route may answer for one status. */
export function errorSchema(codes: readonly [string, ...string[]]) {
  return z.object({
    error: z.object({
      code: z.enum(codes),
      message: z.string(),
      fields: z.record(z.string(), z.array(z.string())).optional(),
    }),
  });
}

const GLOBAL_DESCRIPTION: Record<ErrorStatus, string> = {
  400: 'Malformed or invalid input (`fields` names each problem)',
  401: 'Not signed in',
  403: 'Signed in but not allowed (or a cross-site write)',
  404: 'Not found, or not yours to see',
  409: 'State conflict',
  413: 'Body too large',
  415: 'Not application/json',
  422: 'Valid input that breaks a business rule (the code names the rule)',
  429: 'Too many attempts',
};

export interface ErrorCodes {
  400?: string[];
  401?: string[];
  403?: string[];
  404?: string[];
  409?: string[];
  422?: string[];
  429?: string[];
}

export interface OperationInfo {
  tag: string;
  summary: string;
  description?: string;
  access: Access;
  /** Codes the handler's services throw, beyond those the route's shape implies. */
  errors?: ErrorCodes;
}

/** Every error status and code a route can answer, from its shape and its declared codes. */
export function errorCodesOf(
  info: OperationInfo,
  route: { method: string; path: string; hasBody: boolean; hasQuery: boolean },
): Map<ErrorStatus, Set<string>> {
  const out = new Map<ErrorStatus, Set<string>>();
  const add = (status: ErrorStatus, ...codes: string[]) => {
    const set = out.get(status) ?? new Set<string>();
    for (const code of codes) set.add(code);
    out.set(status, set);
  };
  const write = route.method !== 'get';
  if (route.hasBody) add(400, 'invalid_input', 'unknown_fields', 'malformed_json');
  if (route.hasQuery) add(400, 'invalid_input', 'unknown_fields');
  if (info.access !== 'public') add(401, 'unauthorized');
  if (info.access === 'staff' || info.access === 'admin' || write) add(403, 'forbidden');
  if (route.path.includes('{')) add(404, 'not_found');
  if (write) {
    add(413, 'payload_too_large');
    add(415, 'unsupported_media_type');
  }
  for (const [status, codes] of Object.entries(info.errors ?? {}) as [string, string[]][])
    add(Number(status) as ErrorStatus, ...codes);
  return out;
}

/** The error responses of an operation, one schema per status with its codes. */
export function errorResponses(codes: Map<ErrorStatus, Set<string>>) {
  const out: Record<
    number,
    { description: string; content: Record<string, { schema: z.ZodType }> }
  > = {};
  for (const [status, set] of [...codes].sort(([a], [b]) => a - b)) {
    const list = [...set] as [string, ...string[]];
    out[status] = {
      description: `${GLOBAL_DESCRIPTION[status]}: ${list.join(', ')}`,
      content: { 'application/json': { schema: errorSchema(list) } },
    };
  }
  return out;
}

/** The document's frame: everything but the paths, which come from the routes. */
export const openApiDocumentConfig = {
  openapi: '3.1.0' as const,
  info: {
    title: 'Tsunagu API',
    version: '1.0.0',
    description:
      'The JSON API of a Family Support Center. Dates are Asia/Tokyo; money is integer yen. ' +
      'Errors: `{ error: { code, message, fields? } }`; each response lists its codes.',
  },
  servers: [{ url: '/api/v1' }],
};

export const sessionSecurityScheme = {
  type: 'apiKey',
  in: 'cookie',
  name: 'tsunagu_session',
} as const;
