import {
  OpenAPIHono,
  createRoute,
  type RouteConfig,
  type RouteConfigToTypedResponse,
  type RouteHandler,
} from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { requireAdmin, requireStaff, requireUser } from '../auth/guards.js';
import { isStaff, type AppContext, type AppEnv, type CurrentUser } from '../context.js';
import {
  errorCodesOf,
  errorResponses,
  openApiDocumentConfig,
  sessionSecurityScheme,
  type Access,
  type OperationInfo,
} from '../lib/openapi.js';
import { adminOnly, rejectMalformedJson, signedIn, staffOnly, throwApiError } from './validate.js';

/**
 * JSON routes as OpenAPI operations; the pattern is described in lib/openapi.ts.
 * NOTE: @hono/zod-openapi mounts a route's `middleware` before its validators
 * (`this.on(method, path, ...middleware, ...validators, handler)`), so the guard below runs first.
 */

/** A router whose validators answer with our 400 (`invalid_input` / `unknown_fields`). */
export const apiRouter = () =>
  new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => throwApiError(result, c as AppContext),
  });

const guardOf: Record<Access, MiddlewareHandler<AppEnv> | undefined> = {
  public: undefined,
  'signed-in': signedIn,
  member: signedIn,
  staff: staffOnly,
  admin: adminOnly,
};

/** A JSON request body validated against a `.strict()` schema. */
export const jsonRequest = <S extends z.ZodType>(schema: S, description?: string) => ({
  required: true as const,
  ...(description ? { description } : {}),
  content: { 'application/json': { schema } },
});

/** A JSON response with its schema. */
export const jsonResponse = <S extends z.ZodType>(description: string, schema: S) => ({
  description,
  content: { 'application/json': { schema } },
});

/** A response without a body (204). */
export const noContent = (description: string) => ({ description });

/** The `{id}` of a path. */
export const idParam = z.object({ id: z.string() });

/** The context of a handler on one object: its path `{id}`, the deps, the caller's address. */
interface OneObjectContext {
  var: Pick<AppEnv['Variables'], 'deps' | 'clientAddress'>;
  req: { valid(target: 'param'): { id: string } };
}

/**
 * What a command on one object reads from its request, read once:
 *
 *     const { deps, id, clientAddress } = onObject(c);
 *     return toFooJson(await closeFoo(deps, staff, id, c.req.valid('json'), clientAddress));
 */
export const onObject = (c: OneObjectContext) => ({
  deps: c.var.deps,
  id: c.req.valid('param').id,
  clientAddress: c.var.clientAddress,
});

/** An empty JSON body (`{}`): commands with nothing to say still send JSON. */
export const emptyBody = z.object({}).strict();

/**
 * A response schema pinned to the type its serializer returns, so the two cannot drift: tsc
 * fails unless the schema's output and `T` are assignable both ways (a field added, dropped or
 * retyped on either side). The behaviour tests then check real answers against the schema.
 *
 *     export const eventJson = responseOf<ReturnType<typeof toEventJson>>()(z.object({ ... }));
 */
export const responseOf =
  <T>() =>
  <S extends z.ZodType<T>>(schema: S & ([T] extends [z.output<S>] ? unknown : never)): S =>
    schema;

/** An instant in a JSON answer, as `toTokyoIso` writes it (lib/dates.ts). */
export const instantJson = z.string().describe('ISO-8601 with +09:00');

/** A whole list in one page (`page` 1, `pageSize` = its length): the envelope of API.md. */
export const wholeList = <T>(items: T[]) => ({
  items,
  total: items.length,
  page: 1,
  pageSize: items.length,
});

/** One page of a list, the one the query asked for (`page`, `pageSize`): the envelope of API.md. */
export const pageOf = <T>(
  query: { page: number; pageSize: number },
  items: T[],
  total: number,
) => ({
  items,
  total,
  page: query.page,
  pageSize: query.pageSize,
});

/**
 * Whose records a list shows the caller: staff all of them, a member their own (with the member
 * row); none for a login without a member record (an empty page).
 */
export function listScopeOf(c: AppContext, user: CurrentUser) {
  if (isStaff(user)) return { kind: 'staff' as const, member: undefined };
  const member = c.var.member;
  return member ? { kind: 'member' as const, memberId: member.id, member } : undefined;
}

/** The list envelope of API.md. */
export const listOf = <S extends z.ZodType>(item: S) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

/**
 * An operation: the route config of @hono/zod-openapi plus who may call it and the codes its
 * services throw. Adds the guard (before validation), the malformed-JSON check, the security
 * requirement and every error response. `scope` is an object check that must also run before
 * validation (a member's record that isn't yours is a 404 whatever the body says).
 */
function apiRoute<R extends Omit<RouteConfig, 'middleware'>>(
  info: OperationInfo,
  route: R,
  scope?: MiddlewareHandler<AppEnv> | MiddlewareHandler<AppEnv>[],
) {
  const hasBody = !!route.request?.body;
  const codes = errorCodesOf(info, {
    method: route.method,
    path: route.path,
    hasBody,
    hasQuery: !!route.request?.query,
  });
  const guard = guardOf[info.access];
  const middleware = [
    ...(guard ? [guard] : []),
    ...(scope ? [scope].flat() : []),
    ...(hasBody ? [rejectMalformedJson] : []),
  ];
  return createRoute({
    ...route,
    tags: [info.tag],
    summary: info.summary,
    ...(info.description ? { description: info.description } : {}),
    'x-access': info.access,
    security: info.access === 'public' ? [] : [{ session: [] }],
    middleware,
    // The error responses are documented, not returned: handlers throw AppErrors for them.
    responses: { ...route.responses, ...errorResponses(codes) },
  }) as R & { middleware: MiddlewareHandler<AppEnv>[] };
}

type Method = RouteConfig['method'];
type Scope = MiddlewareHandler<AppEnv> | MiddlewareHandler<AppEnv>[];
type RouteRequest = NonNullable<RouteConfig['request']>;
/**
 * What an operation says beyond its tag, access and endpoint: its docs, a JSON `body` and a
 * `query` schema, its responses. The `{id}` of the path is its `idParam`; `request` instead
 * gives the whole request (other path parameters, a described body).
 */
type OperationSpec = Omit<OperationInfo, 'tag' | 'access'> &
  Pick<RouteConfig, 'request' | 'responses'> & {
    body?: z.ZodType;
    query?: RouteRequest['query'];
    scope?: Scope;
  };
type None = Record<never, never>;
type JsonBody<B extends z.ZodType> = ReturnType<typeof jsonRequest<B>>;
/** The request of an operation, as precise as its spec (the handler's types come from it). */
type RequestOf<S extends OperationSpec, P extends string> = S extends { request: infer Q }
  ? Q
  : (P extends `${string}{id}${string}` ? { params: typeof idParam } : None) &
      (S extends { body: infer B extends z.ZodType } ? { body: JsonBody<B> } : None) &
      (S extends { query: infer Q extends RouteRequest['query'] } ? { query: Q } : None);
type OperationRoute<
  S extends OperationSpec,
  M extends Method,
  P extends string,
  A extends Access = Access,
> = {
  method: M;
  path: P;
  request: RequestOf<S, P>;
  responses: S['responses'];
  middleware: MiddlewareHandler<AppEnv>[];
  'x-access': A;
};

/**
 * The operations of one tag, each on one line with who may call it and its endpoint, as the
 * API reference reads (`'post /members/{id}/approve'`); the spec holds the rest. The same
 * operation as `apiRoute`:
 *
 *     const op = operationsOf('members');
 *     const approveRoute = op('staff', 'post /members/{id}/approve', { summary, body, responses });
 */
export const operationsOf =
  (tag: string) =>
  <S extends OperationSpec, M extends Method, P extends string, A extends Access>(
    access: A,
    endpoint: `${M} ${P}`,
    spec: S,
  ): OperationRoute<S, M, P, A> => {
    const { summary, description, errors, scope, body, query, responses } = spec;
    const space = endpoint.indexOf(' ');
    const method = endpoint.slice(0, space) as M;
    const path = endpoint.slice(space + 1);
    const request = spec.request ?? {
      ...(path.includes('{id}') ? { params: idParam } : {}),
      ...(body ? { body: jsonRequest(body) } : {}),
      ...(query ? { query } : {}),
    };
    const route = apiRoute(
      { tag, access, summary, description, errors },
      { method, path, responses, ...(Object.keys(request).length > 0 ? { request } : {}) },
      scope,
    );
    return route as unknown as OperationRoute<S, M, P, A>;
  };

type MaybePromise<T> = T | Promise<T>;
type AnyOperation = OperationRoute<OperationSpec, Method, string>;
/** Who called: the user the route's guard let through (no one on a public route). */
type CallerOf<A extends Access> = A extends 'public' ? undefined : CurrentUser;
const callerOf: Record<Access, (c: AppContext) => CurrentUser | undefined> = {
  public: () => undefined,
  'signed-in': requireUser,
  member: requireUser,
  staff: requireStaff,
  admin: requireAdmin,
};
type SuccessOf<R extends AnyOperation> = keyof R['responses'] & SuccessStatusCode;
/** What the handler of a route with one success response returns: its JSON body (none: 204). */
type BodyOf<R extends AnyOperation, K = SuccessOf<R>> = [K] extends [keyof R['responses']]
  ? [K] extends [SuccessStatusCode]
    ? R['responses'][K] extends { content: { 'application/json': { schema: infer B } } }
      ? B extends z.ZodType
        ? z.output<B>
        : never
      : void
    : never
  : never;
/** The handler `jsonApi().openapi` takes for a route (for a handler shared by routes). */
export type OperationHandler<R extends AnyOperation> = (
  c: Parameters<RouteHandler<R, AppEnv>>[0],
  caller: CallerOf<R['x-access']>,
) => MaybePromise<BodyOf<R> | RouteConfigToTypedResponse<R>>;

/** The one success status of a route's responses (a handler that returns a body answers it). */
function successStatus(responses: RouteConfig['responses']) {
  const success = Object.keys(responses)
    .map(Number)
    .filter((status) => status >= 200 && status < 300);
  return success.length === 1 ? (success[0] as SuccessStatusCode) : undefined;
}

/**
 * A router of JSON operations (`router`, to mount) and the one way to serve an operation of
 * `operationsOf` on it: `openapi(route, handler)` registers the route as OpenAPIHono's does, but
 * the handler gets the caller the route's access lets through (`requireStaff` for 'staff', …)
 * and returns the body of the route's success response, answered with its status (204: no
 * body). A handler that answers otherwise (a file, one of two statuses) returns its Response,
 * typed against the route as before.
 *
 *     const api = jsonApi();
 *     export const fooApi = api.router;
 *     api.openapi(createFoo, async (c, staff) => toFooJson(await addFoo(c.var.deps, staff, …)));
 */
export function jsonApi() {
  const router = apiRouter();
  return {
    router,
    openapi<R extends AnyOperation>(route: R, handler: OperationHandler<R>) {
      const caller = callerOf[route['x-access']];
      const status = successStatus(route.responses);
      router.openapi(route, (async (c: AppContext) => {
        const result = await handler(c as never, caller(c) as never);
        if (result instanceof Response) return result;
        if (status === undefined) throw new Error(`${route.path}: which success status?`);
        return status === 204 ? c.body(null, 204) : c.json(result, status as never);
      }) as never);
    },
  };
}

/** The OpenAPI 3.1 document of an API router (built once: the routes do not change). */
export function openApiDocumentOf(api: OpenAPIHono<AppEnv>) {
  api.openAPIRegistry.registerComponent('securitySchemes', 'session', sessionSecurityScheme);
  let document: ReturnType<typeof api.getOpenAPI31Document> | undefined;
  return () => (document ??= api.getOpenAPI31Document(openApiDocumentConfig));
}
