import { ScrollTable } from '../../components/scroll-table.js';
import { formatDate, paren } from '../../format.js';
import type { RecordView } from '../../../src/modules/trainings/trainings.views.js';
import { moduleTitle, validityText } from './training-text.js';
import type { ViewContext } from '../../view-context.js';

/** Every record of a helper, with its source, state and expiry. */
export function RecordsTable(props: {
  ctx: ViewContext;
  records: RecordView[];
  today: string;
  headingId: string;
}) {
  const { t, locale } = props.ctx;
  if (props.records.length === 0) return <p>{t('training.my.noRecords')}</p>;
  return (
    <ScrollTable
      labelledBy={props.headingId}
      head={[
        t('training.field.module'),
        t('training.field.completedOn'),
        t('training.curriculum.validity'),
        t('training.field.source'),
      ]}
    >
      {props.records.map((r) => {
        const validity = validityText(t, locale, r, props.today);
        return (
          <tr>
            <th scope="row" class="training-cell-title">
              {moduleTitle(locale, r.module)}
            </th>
            <td>{formatDate(r.completedOn, locale)}</td>
            <td>
              {r.status === 'approved' ? (
                <span class={validity.valid ? undefined : 'training-text-warning'}>
                  {validity.text}
                </span>
              ) : (
                <span class="training-text-warning">
                  {t(`training.recordStatus.${r.status}`)}
                  {r.reviewNote ? paren(locale, r.reviewNote) : ''}
                </span>
              )}
            </td>
            <td>
              {t(`training.source.${r.source}`)}
              {r.note && <span class="training-note">{r.note}</span>}
            </td>
          </tr>
        );
      })}
    </ScrollTable>
  );
}
