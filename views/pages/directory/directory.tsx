import { PageHead } from '../../components/page-head.js';
import { StatusBadge } from '../../components/status-badge.js';
import { areaName } from '../../../src/i18n/area-labels.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import type { Area } from '../../../src/modules/settings/settings.schemas.js';
import { GROUP_KINDS, MAX_AGE } from '../../../src/modules/directory/directory.schemas.js';
import { SelectField, TextField } from '../../components/form-fields.js';
import {
  filterConditions,
  filterQuery,
  GroupFacts,
  groupKindLabel,
  type DirectoryFilters,
  type GroupView,
} from './group-facts.js';

/** Shortcuts for a parent: her own area, and each child's age in it. */
export interface DirectoryShortcut {
  label: string;
  filters: DirectoryFilters;
}

/**
 * 地域の子育て情報: the local groups and places (子ども食堂, play parks, parents' circles …),
 * searched by name or description and filtered by kind, area and a child's age. A parent gets
 * shortcuts for her area and her children's ages. The list prints (see /directory/print).
 */
export function DirectoryPage(props: {
  ctx: ViewContext;
  groups: GroupView[];
  filters: DirectoryFilters;
  areas: Area[];
  shortcuts: DirectoryShortcut[];
  isStaff: boolean;
}) {
  const { t, locale } = props.ctx;
  const f = props.filters;
  const title = t('dir.title');
  const filtered = Boolean(f.q || f.kind || f.area || f.age !== undefined);
  const conditions = filterConditions(t, locale, props.areas, f);
  return (
    <Layout ctx={props.ctx} title={title}>
      <PageHead
        title={title}
        action={props.isStaff && { href: '/directory/new', label: t('dir.new') }}
      />
      <p>{t('dir.lead')}</p>

      {props.shortcuts.length > 0 && (
        <section aria-labelledby="shortcuts-title" class="cl-shortcuts">
          <h2 id="shortcuts-title">{t('dir.shortcuts')}</h2>
          <ul class="action-list">
            {props.shortcuts.map((s) => (
              <li>
                <a class="action-list__link" href={`/directory${filterQuery(s.filters)}#results`}>
                  {s.label}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}

      <form
        method="get"
        // NOTE: #results: after a search, a phone shows the results, not the form again.
        action="/directory#results"
        class="card search-form"
        role="search"
        aria-label={t('dir.searchLabel')}
      >
        <div class="search-form__q">
          <TextField
            t={t}
            name="q"
            label={t('dir.field.q')}
            value={f.q}
            maxlength={100}
            hint={t('dir.field.qHint')}
          />
        </div>
        <div class="search-form__filters">
          <SelectField
            t={t}
            name="kind"
            label={t('dir.field.kind')}
            value={f.kind ?? ''}
            placeholder={t('dir.any')}
            options={GROUP_KINDS.map((k) => ({ value: k, label: groupKindLabel(t, k) }))}
          />
          <SelectField
            t={t}
            name="area"
            label={t('dir.field.area')}
            value={f.area ?? ''}
            placeholder={t('dir.any')}
            options={props.areas.map((a) => ({
              value: a.code,
              label: areaName(props.areas, a.code, locale),
            }))}
          />
          <SelectField
            t={t}
            name="age"
            label={t('dir.field.childAge')}
            value={f.age === undefined ? '' : String(f.age)}
            placeholder={t('dir.any')}
            options={Array.from({ length: MAX_AGE + 1 }, (_, n) => ({
              value: String(n),
              label: t('dir.ageOption', { age: n }),
            }))}
          />
        </div>
        <div class="button-row">
          <button type="submit" class="button button--primary">
            {t('dir.search')}
          </button>
          {filtered && (
            <a class="button button--secondary" href="/directory">
              {t('dir.clear')}
            </a>
          )}
        </div>
      </form>

      <div class="results-head">
        <h2 id="results" tabindex={-1}>
          {t('dir.results')}
          <span class="results-head__count">{t('dir.count', { count: props.groups.length })}</span>
          {conditions.length > 0 && (
            <span class="block cl-conditions">{conditions.join('・')}</span>
          )}
        </h2>
        <a href={`/directory/print${filterQuery(f)}`}>{t('dir.print')}</a>
      </div>
      {props.groups.length === 0 ? (
        <p class="card">{t('dir.none')}</p>
      ) : (
        <ul class="plain-list cl-cards" aria-labelledby="results">
          {props.groups.map((g) => (
            <li class="card cl-card">
              <h3 class="cl-card__title">{g.name}</h3>
              <p class="badge-list cl-badges">
                <StatusBadge kind="groupKind" status={g.kind}>
                  {groupKindLabel(t, g.kind)}
                </StatusBadge>
              </p>
              {g.description && <p>{g.description}</p>}
              <GroupFacts t={t} locale={locale} areas={props.areas} group={g} />
              {props.isStaff && (
                <p class="cl-card__staff">
                  <a
                    href={`/directory/${g.id}/edit`}
                    aria-label={t('dir.editFor', { name: g.name })}
                  >
                    {t('dir.edit')}
                  </a>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
