import { common } from './ja/common.js';
import { settings } from './ja/settings.js';
import { members } from './ja/members.js';

/**
 * The Japanese dictionary, the master list of keys, composed of one file per module
 * (views/i18n/ja/<module>.ts). en.ts must provide exactly the same keys (the compiler checks).
 */
export const ja = {
  ...common,
  ...settings,
  ...members,
} as const;

export type MessageKey = keyof typeof ja;
export type Dictionary = Record<MessageKey, string>;
