import { en } from '../i18n/en.js';
import { ja, type Dictionary, type MessageKey } from '../i18n/ja.js';
import type { Locale } from '../../db/schema.js';

export type { MessageKey };
export const LOCALES: readonly Locale[] = ['ja', 'en'];
export const DEFAULT_LOCALE: Locale = 'ja';
const dictionaries: Record<Locale, Dictionary> = { ja, en };

export type Translator = (key: MessageKey, params?: Record<string, string | number>) => string;

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(ja, key);
}

export function translator(locale: Locale): Translator {
  const dict = dictionaries[locale];
  return (key, params) => {
    const text = dict[key] ?? ja[key] ?? key;
    return params
      ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m))
      : text;
  };
}

/** Translates a key that arrived as data (e.g. a zod message); unknown keys fall back. */
export function translateLoose(
  t: Translator,
  key: string,
  fallback: MessageKey,
  params?: Record<string, string | number>,
): string {
  return isMessageKey(key) ? t(key, params) : t(fallback);
}

/**
 * The plain-words message of a refused rule: the error's own rule message (with the center's
 * configured numbers), else the rule named by its code, else its message key (or the generic 422 title).
 */
export function ruleText(
  t: Translator,
  err: { code: string; messageKey: string; params?: Record<string, string | number> | undefined },
): string {
  const ruleKey = `rule.${err.code}`;
  if (err.messageKey.startsWith('rule.') && isMessageKey(err.messageKey))
    return t(err.messageKey, err.params);
  if (isMessageKey(ruleKey)) return t(ruleKey, err.params);
  return translateLoose(t, err.messageKey, 'error.title.422', err.params);
}

export function isLocale(value: unknown): value is Locale {
  return value === 'ja' || value === 'en';
}

/** The user's setting first, then the language cookie, then Accept-Language; Japanese by default. */
export function negotiateLocale(
  userLocale: Locale | null | undefined,
  cookieLocale: string | undefined,
  acceptLanguage: string | undefined,
): Locale {
  if (isLocale(userLocale)) return userLocale;
  if (isLocale(cookieLocale)) return cookieLocale;
  if (acceptLanguage) {
    const ranked = acceptLanguage
      .split(',')
      .map((part) => {
        const [tag, ...params] = part.trim().split(';');
        const q = params.find((p) => p.trim().startsWith('q='));
        return {
          lang: (tag ?? '').toLowerCase().split('-')[0],
          q: q ? Number(q.split('=')[1]) : 1,
        };
      })
      .filter((x) => x.lang && !Number.isNaN(x.q) && x.q > 0)
      .sort((a, b) => b.q - a.q);
    for (const { lang } of ranked) if (isLocale(lang)) return lang;
  }
  return DEFAULT_LOCALE;
}
