import { Validator, type Schema } from '@cfworker/json-schema';

/**
 * The API contract as the behaviour tests see it: every answer of a documented route must have
 * a documented status, and a JSON body must match that status's schema in the OpenAPI document
 * the app serves. `@cfworker/json-schema` compiles nothing at run time, so the same check runs
 * on Node and inside workerd.
 */

interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  params: number;
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components?: { schemas?: Record<string, unknown> };
}

export const API_BASE = '/api/v1';

export class ApiContract {
  private readonly operations: Operation[] = [];
  private readonly validators = new Map<string, Validator>();
  private readonly defs: Record<string, unknown>;

  constructor(document: OpenApiDocument) {
    this.defs = (document.components?.schemas ?? {}) as Record<string, unknown>;
    for (const [template, ops] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (!op || typeof op !== 'object' || !('responses' in op)) continue;
        const source = template.replace(/[.]/g, '\\.').replace(/\{\w+\}/g, '[^/]+');
        this.operations.push({
          method: method.toUpperCase(),
          template,
          pattern: new RegExp(`^${source}$`),
          params: (template.match(/\{/g) ?? []).length,
          responses: op.responses as Operation['responses'],
        });
      }
    }
    // A literal segment wins over a parameter (`/requests/mine` before `/requests/{id}`).
    this.operations.sort((a, b) => a.params - b.params);
  }

  find(method: string, path: string): Operation | undefined {
    return this.operations.find((o) => o.method === method && o.pattern.test(path));
  }

  /** Problems with one answer, or [] when it keeps the contract. */
  check(
    method: string,
    path: string,
    status: number,
    contentType: string,
    body: unknown,
  ): string[] {
    const op = this.find(method, path);
    if (!op) return status === 404 ? [] : [`${method} ${path}: no documented operation`];
    const where = `${method} ${op.template} → ${status}`;
    const response = op.responses[String(status)];
    if (!response) return [`${where}: undocumented status`];
    const schema = response.content?.['application/json']?.schema;
    const isJson = /^application\/json/i.test(contentType);
    if (!schema) return isJson ? [`${where}: a JSON body, not documented`] : [];
    if (!isJson)
      return [`${where}: documented as JSON, answered ${contentType || 'no content type'}`];
    const result = this.validator(`${method} ${op.template} ${status}`, schema).validate(body);
    return result.valid
      ? []
      : [
          `${where}: body does not match its schema`,
          ...result.errors.slice(0, 8).map((e) => `  ${e.instanceLocation}: ${e.error}`),
          `  body: ${JSON.stringify(body).slice(0, 600)}`,
        ];
  }

  private validator(key: string, schema: unknown): Validator {
    let v = this.validators.get(key);
    if (!v) {
      // Component refs become local $defs, so each schema is self-contained.
      const text = JSON.stringify({ ...(schema as object), $defs: this.defs }).replaceAll(
        '#/components/schemas/',
        '#/$defs/',
      );
      v = new Validator(JSON.parse(text) as Schema, '2020-12', false);
      this.validators.set(key, v);
    }
    return v;
  }
}

const contracts = new Map<string, ApiContract>();

/** The contract of a document, compiled once per distinct document text. */
export function contractOf(documentText: string): ApiContract {
  let contract = contracts.get(documentText);
  if (!contract) {
    contract = new ApiContract(JSON.parse(documentText) as OpenApiDocument);
    contracts.set(documentText, contract);
  }
  return contract;
}
