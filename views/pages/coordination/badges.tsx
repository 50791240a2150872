import { startsInText } from './coordination-text.js';
import type { Translator } from '../../../src/lib/i18n.js';
import { Badge, StatusBadge } from '../../components/status-badge.js';
import type { PreMeetingNeedReason } from '../../../src/modules/requests/pre-meeting-need-rules.js';

/** 至急 in words, with an icon and colour as second and third cues. */
export function UrgentBadge(props: { t: Translator; startsAt: string; nowIso: string }) {
  return (
    <Badge tone="danger" solid class="coord-urgent">
      <span aria-hidden="true" class="coord-urgent__icon">
        ⚠
      </span>
      {props.t('coord.urgent')}
      <span class="coord-urgent__time">{startsInText(props.t, props.startsAt, props.nowIso)}</span>
    </Badge>
  );
}

/** Why a pair needs a new pre-meeting, in words (none for a first one). */
export function PreMeetingReason(props: { t: Translator; reason: PreMeetingNeedReason | null }) {
  if (props.reason === null || props.reason === 'first') return null;
  return (
    <span class="coord-sub" data-pre-meeting-reason={props.reason}>
      {props.t(`coord.preMeeting.reason.${props.reason}`)}
    </span>
  );
}

export function PreMeetingBadge(props: {
  t: Translator;
  done: boolean;
  reason?: PreMeetingNeedReason | null;
}) {
  return props.done ? (
    <StatusBadge kind="preMeeting" status="done">
      <span aria-hidden="true">✓ </span>
      {props.t('coord.preMeeting.done')}
    </StatusBadge>
  ) : (
    <>
      <StatusBadge kind="preMeeting" status="missing">
        <span aria-hidden="true">⚠ </span>
        {props.t('coord.preMeeting.missing')}
      </StatusBadge>
      <PreMeetingReason t={props.t} reason={props.reason ?? null} />
    </>
  );
}
