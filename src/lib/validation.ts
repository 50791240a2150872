import type { z } from 'zod';
import { badRequest } from './errors.js';
import { isMessageKey, type MessageKey, type Translator } from './i18n.js';

export type FieldErrors = Record<string, string[]>;

/** Maps a zod issue to an i18n key: schemas may name a key as the message; else by issue code. */
function issueMessageKey(issue: z.core.$ZodIssue): MessageKey {
  if (isMessageKey(issue.message)) return issue.message;
  switch (issue.code) {
    case 'too_small':
      return 'validation.required';
    case 'too_big':
      return 'validation.too_long';
    case 'invalid_format':
      return issue.format === 'email' ? 'validation.email' : 'validation.invalid';
    case 'invalid_value':
      return 'validation.choice';
    case 'invalid_type':
      return issue.input === undefined ? 'validation.required' : 'validation.invalid';
    default:
      return 'validation.invalid';
  }
}

/** The message's `{placeholders}`: a limit, or what a form's own check put in `params`. */
function issueParams(issue: z.core.$ZodIssue): Record<string, string | number> | undefined {
  if (issue.code === 'too_big') return { max: Number(issue.maximum) };
  if (issue.code === 'custom' && issue.params) return issue.params as Record<string, string>;
  return undefined;
}

/** Field path → translated messages. Unknown keys are reported under their own names. */
export function fieldErrors(error: z.core.$ZodError, t: Translator): FieldErrors {
  // No prototype: a field named `constructor` or `toString` (an unknown key sent by a client)
  // must not find Object.prototype's function where its list of messages goes.
  const out = Object.create(null) as FieldErrors;
  const add = (path: string, message: string) => (out[path] ??= []).push(message);
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add([...issue.path, key].join('.'), 'unknown field');
      continue;
    }
    add(issue.path.map(String).join('.') || '_', t(issueMessageKey(issue), issueParams(issue)));
  }
  return out;
}

/** First message per field, as forms show them next to each field. */
export function firstErrors(errors: FieldErrors): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, v[0] ?? '']));
}

/** Parses API input or throws the 400 of API.md with per-field messages. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  input: unknown,
  t: Translator,
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const unknownKeys = result.error.issues.some((i) => i.code === 'unrecognized_keys');
  throw badRequest(unknownKeys ? 'unknown_fields' : 'invalid_input', fieldErrors(result.error, t));
}
