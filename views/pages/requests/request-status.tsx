import type { RequestStatus } from '../../../db/schema.js';
import type { Translator } from '../../../src/lib/i18n.js';

/**
 * 申込 → 紹介中 → 決定 → 完了, or 取消: each step says in (hidden) words whether it is done,
 * the current one or still to come, so the order and state do not depend on colour or icons.
 */
export function StatusTimeline(props: {
  t: Translator;
  status: RequestStatus;
  /** Whether a helper had been matched before a cancellation. */
  wasMatched: boolean;
}) {
  const { t, status } = props;
  type Step = {
    key: 'applied' | 'offered' | 'matched' | 'completed' | 'cancelled' | 'unfilled';
  };
  const order: Step['key'][] = ['applied', 'offered', 'matched', 'completed'];
  const reached: Record<RequestStatus, number> = {
    open: 0,
    offered: 1,
    matched: 2,
    completed: 3,
    cancelled: props.wasMatched ? 2 : 0,
    // Closed because its start passed without a helper (or the last one was taken off).
    unfilled: props.wasMatched ? 2 : 0,
  };
  const current = reached[status];
  // A request that ended without help ends its timeline with that ending.
  const ending = status === 'cancelled' || status === 'unfilled' ? status : null;
  const steps: Step['key'][] = ending ? [...order.slice(0, current + 1), ending] : order;
  return (
    <ol class="req-timeline" aria-label={t('req.timeline.label')}>
      {steps.map((key, i) => {
        const state: 'done' | 'current' | 'todo' = ending
          ? key === ending
            ? 'current'
            : 'done'
          : i < current
            ? 'done'
            : i === current
              ? 'current'
              : 'todo';
        return (
          <li
            class={`req-timeline__step req-timeline__step--${state}${key === ending ? ' req-timeline__step--cancelled' : ''}`}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <span class="visually-hidden">{t(`req.timeline.state.${state}`)}</span>
            <span class="req-timeline__mark" aria-hidden="true">
              {state === 'done' ? '✓' : key === ending ? '×' : String(i + 1)}
            </span>
            <span class="req-timeline__label">{t(`req.timeline.${key}`)}</span>
          </li>
        );
      })}
    </ol>
  );
}
