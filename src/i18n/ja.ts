import * as modules from './ja/index.js';
import { mergeDictionaries } from './dictionary.js';

/**
 * The Japanese dictionary, the master list of keys, composed of one file per module
 * (src/i18n/ja/<module>.ts, listed in ja/index.ts). en.ts must provide exactly the same keys (the
 * compiler checks).
 */
export const ja = mergeDictionaries(modules);

export type MessageKey = keyof typeof ja;
export type Dictionary = Record<MessageKey, string>;
