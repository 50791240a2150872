import { MemberNameCell } from '../../../components/member-name-cell.js';
import { formatPhone } from '../../../format.js';
import { areaName } from '../../../../src/i18n/area-labels.js';
import { Layout } from '../../../layout.js';
import type { ViewContext } from '../../../view-context.js';
import { formatMemberNo } from '../../../../src/modules/members/members.json.js';
import type { Area, MemberTypeLabels } from '../../../../src/modules/settings/settings.schemas.js';
import type { MemberKind, SideStatus } from '../../../../db/schema.js';
import { kindLabel } from '../labels.js';
import { Pagination } from '../../../components/pagination.js';
import { SideBadges } from './side-status.js';
import { ScrollTable } from '../../../components/scroll-table.js';

export interface DirectoryFilters {
  q?: string | undefined;
  kind?: MemberKind | undefined;
  status?: SideStatus | undefined;
  area?: string | undefined;
}

export interface DirectoryRow {
  id: string;
  member_no: number | null;
  name: string;
  name_kana: string;
  kind: MemberKind;
  requester_status: SideStatus | null;
  helper_status: SideStatus | null;
  area: string;
  phone: string;
}

/** The query string of a filter set (empty values left out), optionally with a page. */
export function filterQuery(filters: DirectoryFilters, page?: number): string {
  const params = new URLSearchParams();
  for (const key of ['q', 'kind', 'status', 'area'] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (page && page > 1) params.set('page', String(page));
  const s = params.toString();
  return s ? `?${s}` : '';
}

const STATUSES: SideStatus[] = ['applied', 'active', 'suspended', 'withdrawn'];

export function MemberDirectoryPage(props: {
  ctx: ViewContext;
  filters: DirectoryFilters;
  rows: DirectoryRow[];
  total: number;
  page: number;
  pageSize: number;
  exportLimit: number;
  labels: MemberTypeLabels;
  areas: Area[];
}) {
  const { t, locale } = props.ctx;
  const { filters, labels } = props;
  const pageCount = Math.max(1, Math.ceil(props.total / props.pageSize));
  const from = (props.page - 1) * props.pageSize + 1;
  const to = Math.min(props.total, props.page * props.pageSize);
  const select = (
    name: 'kind' | 'status' | 'area',
    label: string,
    options: { value: string; label: string }[],
  ) => (
    <div class="field">
      <label for={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name}>
        <option value="">{t('memberAdmin.directory.all')}</option>
        {options.map((o) => (
          <option value={o.value} selected={filters[name] === o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  const both = kindLabel(labels, 'both', locale);
  return (
    <Layout ctx={props.ctx} title={t('memberAdmin.directory.title')}>
      <div class="page-head">
        <h1>{t('memberAdmin.directory.title')}</h1>
        <a class="button button--secondary" href="/members/new">
          {t('memberAdmin.directory.new')}
        </a>
      </div>
      <form method="get" action="/members" class="search-form card" role="search">
        <div class="field search-form__q">
          <label for="filter-q">{t('memberAdmin.directory.search')}</label>
          <p class="hint" id="filter-q-hint">
            {t('memberAdmin.directory.lead')} {t('memberAdmin.directory.searchHint')}
          </p>
          <input
            id="filter-q"
            name="q"
            type="search"
            value={filters.q ?? ''}
            maxlength={100}
            aria-describedby="filter-q-hint"
            autocomplete="off"
          />
        </div>
        <div class="search-form__filters">
          {select('kind', t('memberAdmin.field.kind'), [
            {
              value: 'requester',
              label: t('memberAdmin.directory.kindWithBoth', {
                kind: kindLabel(labels, 'requester', locale),
                both,
              }),
            },
            {
              value: 'helper',
              label: t('memberAdmin.directory.kindWithBoth', {
                kind: kindLabel(labels, 'helper', locale),
                both,
              }),
            },
            { value: 'both', label: both },
          ])}
          {select(
            'status',
            t('memberAdmin.field.status'),
            STATUSES.map((s) => ({ value: s, label: t(`memberAdmin.status.${s}`) })),
          )}
          {select(
            'area',
            t('memberAdmin.field.area'),
            props.areas.map((a) => ({
              value: a.code,
              label: areaName(props.areas, a.code, locale),
            })),
          )}
        </div>
        <div class="button-row">
          <button type="submit" class="button button--primary">
            {t('memberAdmin.directory.submit')}
          </button>
          <a class="button button--secondary" href="/members">
            {t('memberAdmin.directory.clear')}
          </a>
        </div>
      </form>

      <section aria-labelledby="results-title">
        <div class="results-head">
          <h2 id="results-title">
            {t('memberAdmin.directory.results')}
            <span class="results-head__count">
              {props.total === 0
                ? t('memberAdmin.directory.countZero')
                : t('memberAdmin.directory.count', {
                    total: props.total.toLocaleString(locale === 'ja' ? 'ja-JP' : 'en-US'),
                    from,
                    to,
                  })}
            </span>
          </h2>
          {props.total > 0 && (
            <div class="results-head__export">
              <a
                class="button button--secondary"
                href={`/members.csv${filterQuery(filters)}`}
                download
                aria-describedby="csv-hint"
              >
                {t('memberAdmin.directory.csv')}
              </a>
              <p class="hint" id="csv-hint">
                {t('memberAdmin.directory.csvHint')}
                {props.total > props.exportLimit &&
                  ` ${t('memberAdmin.directory.csvLimit', { limit: props.exportLimit.toLocaleString() })}`}
              </p>
            </div>
          )}
        </div>
        {props.rows.length === 0 ? (
          <p>{t('memberAdmin.directory.empty')}</p>
        ) : (
          <ScrollTable
            labelledBy="results-title"
            class="table--members"
            head={[
              t('memberAdmin.field.memberNo'),
              t('memberAdmin.field.nameAndKana'),
              t('memberAdmin.field.kind'),
              t('memberAdmin.field.status'),
              t('memberAdmin.field.area'),
              t('memberAdmin.field.phone'),
            ]}
          >
            {props.rows.map((m) => (
              <tr>
                <td class="num">
                  {m.member_no === null ? (
                    <span class="muted">{t('memberAdmin.noNumber')}</span>
                  ) : (
                    formatMemberNo(m.member_no)
                  )}
                </td>
                <MemberNameCell id={m.id} name={m.name} nameKana={m.name_kana} />
                <td>{kindLabel(labels, m.kind, locale)}</td>
                <td>
                  <SideBadges t={t} labels={labels} locale={locale} member={m} />
                </td>
                <td>{areaName(props.areas, m.area, locale)}</td>
                <td class="nowrap">{formatPhone(m.phone)}</td>
              </tr>
            ))}
          </ScrollTable>
        )}
        <Pagination
          t={t}
          page={props.page}
          pageCount={pageCount}
          href={(p) => `/members${filterQuery(filters, p)}`}
        />
      </section>
    </Layout>
  );
}
