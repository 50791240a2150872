import { startsInText } from './coordination-text.js';
import type { Translator } from '../../../src/lib/i18n.js';
import type { OfferStatus, RequestStatus } from '../../../db/schema.js';

/** A request's status in words; the border and tint only repeat it. */
export function RequestStatusBadge(props: { t: Translator; status: RequestStatus }) {
  return (
    <span class={`coord-status coord-status--${props.status}`}>
      {props.t(`coord.status.${props.status}`)}
    </span>
  );
}

export function OfferStatusBadge(props: { t: Translator; status: OfferStatus }) {
  return (
    <span class={`coord-offer coord-offer--${props.status}`}>
      {props.t(`coord.offerStatus.${props.status}`)}
    </span>
  );
}

/** 至急 in words, with an icon and colour as second and third cues. */
export function UrgentBadge(props: { t: Translator; startsAt: string; nowIso: string }) {
  return (
    <span class="coord-urgent">
      <span aria-hidden="true" class="coord-urgent__icon">
        ⚠
      </span>
      {props.t('coord.urgent')}
      <span class="coord-urgent__time">{startsInText(props.t, props.startsAt, props.nowIso)}</span>
    </span>
  );
}

export function PreMeetingBadge(props: { t: Translator; done: boolean }) {
  return props.done ? (
    <span class="coord-pm coord-pm--done">
      <span aria-hidden="true">✓ </span>
      {props.t('coord.preMeeting.done')}
    </span>
  ) : (
    <span class="coord-pm coord-pm--missing">
      <span aria-hidden="true">⚠ </span>
      {props.t('coord.preMeeting.missing')}
    </span>
  );
}
