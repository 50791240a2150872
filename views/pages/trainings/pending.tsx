import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { formatDate } from '../../../src/lib/dates.js';
import { formatMemberNo } from '../../../src/modules/members/members.json.js';
import { ActionError } from '../../components/form-fields.js';
import { moduleTitle } from './training-text.js';
import { TrainingSubnav } from './training-subnav.js';
import type { RecordView } from '../../../src/modules/trainings/trainings.views.js';

export interface PendingView extends RecordView {
  memberId: string;
  memberName: string;
  memberNo: number | null;
  createdAt: string;
}

/** Staff: helpers' submissions (certificates, exemptions) waiting to be approved or rejected. */
export function PendingRecordsPage(props: {
  ctx: ViewContext;
  items: PendingView[];
  actionError?: string | undefined;
}) {
  const { t, locale } = props.ctx;
  return (
    <Layout ctx={props.ctx} title={t('training.pending.title')}>
      <TrainingSubnav ctx={props.ctx} current="pending" pendingCount={props.items.length} />
      <h1>{t('training.pending.title')}</h1>
      <p>{t('training.pending.lead')}</p>
      <ActionError message={props.actionError} />
      {props.items.length === 0 ? (
        <p>{t('training.pending.none')}</p>
      ) : (
        <ul class="training-sessions">
          {props.items.map((r) => {
            const headingId = `pending-${r.id}`;
            return (
              <li class="card">
                <h2 id={headingId} class="training-card-title">
                  {t('training.pending.itemTitle', {
                    name: r.memberName,
                    module: moduleTitle(locale, r.module),
                  })}
                </h2>
                <dl class="training-facts">
                  <div>
                    <dt>{t('training.helpers.memberNo')}</dt>
                    <dd>
                      <a href={`/training/helpers/${r.memberId}`}>
                        {formatMemberNo(r.memberNo) ?? r.memberName}
                      </a>
                    </dd>
                  </div>
                  <div>
                    <dt>{t('training.field.source')}</dt>
                    <dd>{t(`training.source.${r.source}`)}</dd>
                  </div>
                  <div>
                    <dt>{t('training.field.completedOn')}</dt>
                    <dd>{formatDate(r.completedOn, locale)}</dd>
                  </div>
                  <div>
                    <dt>{t('training.field.note')}</dt>
                    <dd>{r.note}</dd>
                  </div>
                  <div>
                    <dt>{t('training.pending.submittedAt')}</dt>
                    <dd>{formatDate(r.createdAt, locale)}</dd>
                  </div>
                </dl>
                <form method="post" action={`/training/records/${r.id}/review`}>
                  <div class="field">
                    <label for={`note-${r.id}`}>{t('training.field.reviewNote')}</label>
                    <input id={`note-${r.id}`} name="note" type="text" maxlength={500} />
                  </div>
                  <div class="training-buttons">
                    <button
                      type="submit"
                      name="decision"
                      value="approve"
                      class="button button--primary"
                      aria-describedby={headingId}
                    >
                      {t('training.pending.approve')}
                    </button>
                    <button
                      type="submit"
                      name="decision"
                      value="reject"
                      class="button button--secondary"
                      aria-describedby={headingId}
                    >
                      {t('training.pending.reject')}
                    </button>
                  </div>
                </form>
              </li>
            );
          })}
        </ul>
      )}
    </Layout>
  );
}
