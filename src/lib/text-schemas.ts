import { z } from 'zod';

/**
 * Text as it is stored. C0 control characters (and DEL) can corrupt exports, logs and terminals;
 * bidi override/isolate characters (U+202A–U+202E, U+2066–U+2069) make a name or note display
 * as something other than what it contains (the "Trojan Source" trick). Multi-line text keeps
 * newline and tab.
 */
// eslint-disable-next-line no-control-regex
const SINGLE_LINE_REFUSED = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/u;
const MULTI_LINE_REFUSED =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/u;

export const hasRefusedCharacter = (text: string, multiLine = false) =>
  (multiLine ? MULTI_LINE_REFUSED : SINGLE_LINE_REFUSED).test(text);

const REFUSED_MESSAGE = 'validation.control_characters';

/** A one-line field (names, kana, addresses, titles): trimmed, 1..max, no control or bidi characters. */
export const singleLineText = (max: number, min = 1) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((s) => !hasRefusedCharacter(s), REFUSED_MESSAGE);

/** A free-text field that may span lines (notes, bodies): newline and tab allowed. */
export const multiLineText = (max: number, min = 0) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((s) => !hasRefusedCharacter(s, true), REFUSED_MESSAGE);

/** An optional free-text field: empty or missing becomes null. */
export const optionalMultiLineText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !hasRefusedCharacter(s, true), REFUSED_MESSAGE)
    .nullish()
    .transform((v) => (v ? v : null));
