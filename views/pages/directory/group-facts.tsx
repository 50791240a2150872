import { areaName } from '../../../src/i18n/area-labels.js';
import type { Translator } from '../../../src/lib/i18n.js';
import type { Area } from '../../../src/modules/settings/settings.schemas.js';
import type { Locale, LocalGroupKind } from '../../../db/schema.js';

/** A group or place as the pages show it. */
export interface GroupView {
  id: string;
  name: string;
  kind: LocalGroupKind;
  area: string;
  schedule: string;
  contact: string;
  ageMin: number | null;
  ageMax: number | null;
  description: string;
  url: string | null;
}

export interface DirectoryFilters {
  q?: string | undefined;
  kind?: LocalGroupKind | undefined;
  area?: string | undefined;
  age?: number | undefined;
}

export const groupKindLabel = (t: Translator, kind: LocalGroupKind) => t(`dir.kind.${kind}`);

/** 「0〜6歳」「6歳から」「3歳まで」「年齢を問いません」. */
export function ageRangeText(t: Translator, min: number | null, max: number | null): string {
  if (min === null && max === null) return t('dir.age.any');
  if (min === null) return t('dir.age.upTo', { max: max! });
  if (max === null) return t('dir.age.from', { min });
  if (min === max) return t('dir.age.only', { age: min });
  return t('dir.age.range', { min, max });
}

/** The query string of a filter set (for links: print, the quick links). */
export function filterQuery(f: DirectoryFilters): string {
  const params = new URLSearchParams();
  if (f.q) params.set('q', f.q);
  if (f.kind) params.set('kind', f.kind);
  if (f.area) params.set('area', f.area);
  if (f.age !== undefined) params.set('age', String(f.age));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The filters in words (「キーワード：…」, the kind, the area, the age), for the list and the print. */
export function filterConditions(
  t: Translator,
  locale: Locale,
  areas: Area[],
  f: DirectoryFilters,
): string[] {
  return [
    f.q && t('dir.cond.q', { q: f.q }),
    f.kind && groupKindLabel(t, f.kind),
    f.area && areaName(areas, f.area, locale),
    f.age !== undefined && t('dir.ageOption', { age: f.age }),
  ].filter(Boolean) as string[];
}

/** One group's facts as a definition list (cards and the print list use it). */
export function GroupFacts(props: {
  t: Translator;
  locale: Locale;
  areas: Area[];
  group: GroupView;
}) {
  const { t, group: g } = props;
  return (
    <dl class="info-list info-list--cols cl-group-facts">
      <div class="info-list__row">
        <dt>{t('dir.field.area')}</dt>
        <dd>{areaName(props.areas, g.area, props.locale)}</dd>
      </div>
      <div class="info-list__row">
        <dt>{t('dir.field.ages')}</dt>
        <dd>{ageRangeText(t, g.ageMin, g.ageMax)}</dd>
      </div>
      {g.schedule && (
        <div class="info-list__row">
          <dt>{t('dir.field.schedule')}</dt>
          <dd>{g.schedule}</dd>
        </div>
      )}
      {g.contact && (
        <div class="info-list__row">
          <dt>{t('dir.field.contact')}</dt>
          <dd>{g.contact}</dd>
        </div>
      )}
      {g.url && (
        <div class="info-list__row">
          <dt>{t('dir.field.url')}</dt>
          <dd>
            <a href={g.url} rel="noopener noreferrer" class="cl-url">
              {g.url}
            </a>
          </dd>
        </div>
      )}
    </dl>
  );
}
