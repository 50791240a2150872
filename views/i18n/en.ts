import { common } from './en/common.js';
import { settings } from './en/settings.js';
import { members } from './en/members.js';
import type { Dictionary } from './ja.js';

export const en: Dictionary = {
  ...common,
  ...settings,
  ...members,
};
