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
    <div class="table-scroll" tabindex={0} role="region" aria-labelledby={props.headingId}>
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{t('training.field.module')}</th>
            <th scope="col">{t('training.field.completedOn')}</th>
            <th scope="col">{t('training.curriculum.validity')}</th>
            <th scope="col">{t('training.field.source')}</th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </div>
  );
}
