import type { z } from 'zod';
import type { AppContext } from '../context.js';
import { badRequest } from '../lib/errors.js';
import { parseOrThrow } from '../lib/validation.js';

/** Reads and validates a JSON body; malformed JSON and schema breaches are 400s. */
export async function readJson<S extends z.ZodType>(
  c: AppContext,
  schema: S,
): Promise<z.output<S>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw badRequest('malformed_json');
  }
  return parseOrThrow(schema, body, c.var.t);
}

export function parseQuery<S extends z.ZodType>(c: AppContext, schema: S): z.output<S> {
  return parseOrThrow(schema, c.req.query(), c.var.t);
}
