import type { ActivityStatus } from './activity-text.js';
import type { Translator } from '../../../src/lib/i18n.js';

export function StatusBadge(props: { t: Translator; status: ActivityStatus }) {
  return (
    <span class={`act-badge act-badge--${props.status}`}>
      {props.t(`activities.status.${props.status}`)}
    </span>
  );
}
