import { StatusBadge } from '../../components/status-badge.js';
import { formatDate } from '../../format.js';
import type {
  DisplayStatus,
  QualificationView,
} from '../../../src/modules/trainings/trainings.views.js';
import { moduleTitle } from './training-text.js';
import type { MessageKey, Translator } from '../../../src/lib/i18n.js';
import type { ViewContext } from '../../view-context.js';

/**
 * The status in words. The helper reads it about herself (「活動できます」); staff read it about a
 * helper (「活動できる」).
 */
export function trainingStatusText(
  t: Translator,
  status: DisplayStatus,
  audience: 'self' | 'staff' = 'self',
): string {
  const prefix = audience === 'staff' ? 'training.staffStatus' : 'training.status';
  return t(`${prefix}.${status}` as MessageKey);
}

/** The status card: badge, one plain sentence, the progress bar and any expiry warnings. */
export function StatusCard(props: {
  ctx: ViewContext;
  q: QualificationView;
  headingId: string;
  audience?: 'self' | 'staff';
}) {
  const { t, locale } = props.ctx;
  const { q } = props;
  const c = q.course;
  const progressText = t('training.progressText', {
    done: c.modulesDone,
    total: c.modulesTotal,
    hoursDone: String(c.hoursDone),
    hoursTotal: String(c.hoursTotal),
  });
  const showProgress = q.status !== 'not_helper' && c.modulesTotal > 0;
  return (
    <section
      class={`card training-status training-status--${q.status}`}
      aria-labelledby={props.headingId}
    >
      <h2 id={props.headingId} class="training-status__heading">
        <span class="training-status__label">{t('training.statusLabel')}</span>
        <StatusBadge kind="training" status={q.status} class="training-status__badge">
          {trainingStatusText(t, q.status, props.audience)}
        </StatusBadge>
      </h2>
      {props.audience !== 'staff' && (
        // Addressed to the helper; staff see the badge and the list of what is missing.
        <p class="training-status__text">
          {t(`training.statusText.${q.status === 'not_helper' ? 'inactive' : q.status}`, {
            count: q.missing.length,
          })}
        </p>
      )}
      {showProgress && (
        <div class="training-progress">
          <p class="training-progress__label" id={`${props.headingId}-progress`}>
            {t('training.progress')}
          </p>
          <progress
            class="training-progress__bar"
            max={c.modulesTotal}
            value={c.modulesDone}
            aria-labelledby={`${props.headingId}-progress`}
            aria-describedby={`${props.headingId}-progress-text`}
          >
            {progressText}
          </progress>
          <p class="training-progress__text" id={`${props.headingId}-progress-text`}>
            {progressText}
          </p>
        </div>
      )}
      {q.overdue.map((e) => (
        <p class="training-warning">
          {t(props.audience === 'staff' ? 'training.overdueStaff' : 'training.overdue', {
            module: moduleTitle(locale, e.module),
            date: formatDate(e.expiredOn, locale),
          })}
        </p>
      ))}
      {q.expiring.map((e) => (
        <p class="training-warning">
          {t('training.expiringSoon', {
            module: moduleTitle(locale, e.module),
            date: formatDate(e.expiresOn, locale),
          })}
        </p>
      ))}
    </section>
  );
}
