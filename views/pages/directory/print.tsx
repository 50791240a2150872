import { areaName } from '../../../src/i18n/area-labels.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { formatDate } from '../../../src/lib/dates.js';
import type { Area } from '../../../src/modules/settings/settings.schemas.js';
import {
  ageRangeText,
  filterConditions,
  filterQuery,
  groupKindLabel,
  type DirectoryFilters,
  type GroupView,
} from './group-facts.js';
import { StaffBackLink } from '../../components/back-link.js';
import { ScrollTable } from '../../components/scroll-table.js';

/**
 * The directory as a printable list (staff hand it to a family at the counter; a parent prints
 * it at home): one table per area, the filters and the date at the top, the center's contact at
 * the bottom. On screen it is an ordinary page; print rules hide the site around it.
 */
export function DirectoryPrintPage(props: {
  ctx: ViewContext;
  groups: GroupView[];
  filters: DirectoryFilters;
  areas: Area[];
  today: string;
}) {
  const { t, locale } = props.ctx;
  const f = props.filters;
  const title = t('dir.printTitle');
  const areaOrder = new Map(props.areas.map((a, i) => [a.code, i] as const));
  const byArea = new Map<string, GroupView[]>();
  for (const g of props.groups) byArea.set(g.area, [...(byArea.get(g.area) ?? []), g]);
  const areaCodes = [...byArea.keys()].sort(
    (a, b) => (areaOrder.get(a) ?? 999) - (areaOrder.get(b) ?? 999) || a.localeCompare(b),
  );
  const conditions = filterConditions(t, locale, props.areas, f);
  return (
    <Layout ctx={props.ctx} title={title}>
      <div class="no-print">
        <StaffBackLink href={`/directory${filterQuery(f)}`} label={t('dir.backToList')} />
        <p class="alert alert--info">{t('dir.printHowTo')}</p>
      </div>
      <div class="cl-print-list">
        <h1>{title}</h1>
        <p>
          {t('app.center')} {t('dir.printedOn', { date: formatDate(props.today, locale) })}
          <br />
          {conditions.length > 0
            ? t('dir.printConditions', { conditions: conditions.join('・') })
            : t('dir.printAll')}
        </p>
        {props.groups.length === 0 && <p>{t('dir.none')}</p>}
        {areaCodes.map((code) => (
          <section aria-labelledby={`area-${code}`} class="cl-print-area">
            <h2 id={`area-${code}`}>{areaName(props.areas, code, locale)}</h2>
            <ScrollTable
              labelledBy={`area-${code}`}
              class="cl-print-table"
              head={[
                t('dir.field.name'),
                t('dir.field.kind'),
                t('dir.field.ages'),
                t('dir.field.schedule'),
                t('dir.field.contact'),
              ]}
            >
              {byArea.get(code)!.map((g) => (
                <tr>
                  <th scope="row">
                    {g.name}
                    {g.description && <span class="cl-print-desc">{g.description}</span>}
                  </th>
                  <td>{groupKindLabel(t, g.kind)}</td>
                  <td>{ageRangeText(t, g.ageMin, g.ageMax)}</td>
                  <td class="wrap">{g.schedule || '—'}</td>
                  <td class="wrap">
                    {g.contact || '—'}
                    {g.url && <span class="cl-print-url">{g.url}</span>}
                  </td>
                </tr>
              ))}
            </ScrollTable>
          </section>
        ))}
        <p class="cl-print-footer">{t('footer.contact')}</p>
      </div>
    </Layout>
  );
}
