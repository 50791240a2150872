import type { MessageKey, Translator } from '../lib/i18n.js';

/** Activity categories 1–12 (DOMAIN.md); their names are `category.N` (src/i18n/*\/categories.ts). */
export const CATEGORIES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

const known = (n: number) => Number.isInteger(n) && n >= 1 && n <= 12;

/** The full name, as parents and helpers read it on forms. */
export const categoryLabel = (t: Translator, n: number) =>
  known(n) ? t(`category.${n}` as MessageKey) : String(n);

/** "8 買い物等外出・リフレッシュ時の預かり": the number staff use on paper, then the name. */
export const categoryNumberedLabel = (t: Translator, n: number) => `${n} ${categoryLabel(t, n)}`;

/** The short name for dense tables (board, dashboard, planner). */
export const categoryShortLabel = (t: Translator, n: number) =>
  known(n) ? t(`category.short.${n}` as MessageKey) : String(n);
