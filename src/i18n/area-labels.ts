import type { Locale } from '../../db/schema.js';
import type { Area } from '../modules/settings/settings.schemas.js';

/** The center's name for an area (settings), in the page's language; the code if it was removed. */
export const areaName = (areas: Area[], code: string, locale: Locale) => {
  const area = areas.find((a) => a.code === code);
  return area ? (locale === 'ja' ? area.nameJa : area.nameEn) : code;
};

export const areaOptions = (areas: Area[], locale: Locale) =>
  areas.map((a) => ({ value: a.code, label: areaName(areas, a.code, locale) }));
