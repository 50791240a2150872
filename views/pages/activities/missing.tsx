import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { formatDate } from '../../../src/lib/dates.js';
import { whenText } from './activity-text.js';
import { StaffBackLink } from '../../components/back-link.js';
import { ScrollTable } from '../../components/scroll-table.js';

export interface MissingItem {
  requestId: string;
  startsAt: string;
  endsAt: string;
  requesterName: string;
  helperName: string;
  dueOn: string;
}

/** 未提出の報告: matched requests whose report did not come in by the due day. */
export function MissingReportsPage(props: {
  ctx: ViewContext;
  items: MissingItem[];
  dueDay: number;
}) {
  const { ctx, items } = props;
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('activities.missing.title')}>
      <StaffBackLink href="/activities" label={t('activities.backToList')} />
      <h1>{t('activities.missing.title')}</h1>
      <p>{t('activities.missing.lead', { day: props.dueDay })}</p>
      {items.length === 0 ? (
        <p role="status">{t('activities.missing.none')}</p>
      ) : (
        <>
          <p role="status">{t('activities.missing.count', { count: items.length })}</p>
          <ScrollTable
            labelledBy="missing-caption"
            caption={t('activities.missing.title')}
            captionId="missing-caption"
            head={[
              t('activities.planned'),
              t('activities.requester'),
              t('activities.helper'),
              t('activities.missing.due'),
            ]}
          >
            {items.map((i) => (
              <tr>
                <td>{whenText(i.startsAt, i.endsAt, locale)}</td>
                <td class="name-cell">{i.requesterName}</td>
                <td class="name-cell">{i.helperName}</td>
                <td>{formatDate(i.dueOn, locale)}</td>
              </tr>
            ))}
          </ScrollTable>
        </>
      )}
    </Layout>
  );
}
