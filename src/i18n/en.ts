import * as modules from './en/index.js';
import { mergeDictionaries } from './dictionary.js';
import type { Dictionary } from './ja.js';

export const en: Dictionary = mergeDictionaries(modules);
