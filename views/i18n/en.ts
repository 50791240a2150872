import { common } from './en/common.js';
import type { Dictionary } from './ja.js';

export const en: Dictionary = {
  ...common,
};
