import type { Locale, MemberKind, SideStatus } from '../../../db/schema.js';
import type { Translator } from '../../../src/lib/i18n.js';
import type { MemberTypeLabels } from '../../../src/modules/settings/settings.schemas.js';
import type { ChoiceOption } from '../../components/form-fields.js';

/** The center's own name for a member type (settings), in the page's language. */
export const kindLabel = (labels: MemberTypeLabels, kind: MemberKind, locale: Locale) =>
  labels[kind][locale];

export const sexOptions = (t: Translator): ChoiceOption[] => [
  { value: 'female', label: t('sex.female') },
  { value: 'male', label: t('sex.male') },
  { value: 'other', label: t('sex.other') },
  { value: '', label: t('sex.unspecified') },
];

export const sexLabel = (t: Translator, sex: string | null) =>
  sex === 'female' || sex === 'male' || sex === 'other' ? t(`sex.${sex}`) : t('my.children.empty');

export const statusLabel = (t: Translator, status: SideStatus) => t(`sideStatus.${status}`);
