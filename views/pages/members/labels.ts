import type { Locale, MemberKind, SideStatus } from '../../../db/schema.js';
import type { Translator } from '../../../src/lib/i18n.js';
import type { Area, MemberTypeLabels } from '../../../src/modules/settings/settings.schemas.js';
import type { ChoiceOption } from './fields.js';

/** The center's own name for a member type (settings), in the page's language. */
export const kindLabel = (labels: MemberTypeLabels, kind: MemberKind, locale: Locale) =>
  labels[kind][locale];

export const areaName = (areas: Area[], code: string, locale: Locale) => {
  const area = areas.find((a) => a.code === code);
  return area ? (locale === 'ja' ? area.nameJa : area.nameEn) : code;
};

export const areaOptions = (areas: Area[], locale: Locale) =>
  areas.map((a) => ({ value: a.code, label: locale === 'ja' ? a.nameJa : a.nameEn }));

export const sexOptions = (t: Translator): ChoiceOption[] => [
  { value: 'female', label: t('sex.female') },
  { value: 'male', label: t('sex.male') },
  { value: 'other', label: t('sex.other') },
  { value: '', label: t('sex.unspecified') },
];

export const sexLabel = (t: Translator, sex: string | null) =>
  sex === 'female' || sex === 'male' || sex === 'other' ? t(`sex.${sex}`) : t('my.children.empty');

export const statusLabel = (t: Translator, status: SideStatus) => t(`sideStatus.${status}`);
