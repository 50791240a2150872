import { z } from 'zod';

/** Who may call a route, as documented (the handler still checks the actual object). */
export type Access = 'public' | 'signed-in' | 'member' | 'staff' | 'admin';

export interface ApiRouteDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path under /api/v1, with {param} placeholders. */
  path: string;
  summary: string;
  tag: string;
  access: Access;
  body?: z.ZodType;
  query?: z.ZodType;
  responses: Record<number, string>;
}

const errorBody = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        fields: {
          type: 'object',
          additionalProperties: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  },
};

function queryParameters(schema: z.ZodType) {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, unknown>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: s,
  }));
}

/** Builds the OpenAPI 3.1 document from the same zod schemas the handlers validate with. */
export function buildOpenApiDocument(routes: ApiRouteDoc[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const pathParams = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const responses: Record<string, unknown> = {};
    for (const [status, description] of Object.entries(r.responses)) {
      responses[status] =
        Number(status) >= 400
          ? { description, content: { 'application/json': { schema: errorBody } } }
          : { description };
    }
    (paths[r.path] ??= {})[r.method] = {
      summary: r.summary,
      tags: [r.tag],
      'x-access': r.access,
      security: r.access === 'public' ? [] : [{ session: [] }],
      parameters: [...pathParams, ...(r.query ? queryParameters(r.query) : [])],
      ...(r.body
        ? {
            requestBody: {
              required: true,
              content: {
                'application/json': {
                  schema: z.toJSONSchema(r.body, { io: 'input', unrepresentable: 'any' }),
                },
              },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tsunagu API',
      version: '1.0.0',
      description:
        'The JSON API of a Family Support Center. Dates are Asia/Tokyo; money is integer yen.',
    },
    servers: [{ url: '/api/v1' }],
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tsunagu_session' } },
    },
    paths,
  };
}
