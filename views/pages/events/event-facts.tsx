import { Badge, StatusBadge } from '../../components/status-badge.js';
import { formatDate, tokyoTimeOf } from '../../../src/lib/dates.js';
import type { Translator } from '../../../src/lib/i18n.js';
import type { EventAudience, EventKind, Locale } from '../../../db/schema.js';

/** An event as the pages show it (plain data, no database rows). */
export interface EventView {
  id: string;
  kind: EventKind;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  venue: string;
  capacity: number;
  audience: EventAudience;
  childcare: boolean;
  registered: number;
  waitlisted: number;
  /** Children registered for care (seats only). */
  children: number;
  cancelled: boolean;
  /** Started already (members can no longer sign up online). */
  started: boolean;
  ended: boolean;
  mine: {
    status: 'registered' | 'waitlisted';
    children: number;
    waitlistPosition: number | null;
  } | null;
}

export const seatsLeftOf = (e: Pick<EventView, 'capacity' | 'registered'>) =>
  Math.max(0, e.capacity - e.registered);

/** 「2026年12月5日(土) 10:00〜12:00」. */
export function eventWhen(
  t: Translator,
  locale: Locale,
  e: Pick<EventView, 'startsAt' | 'endsAt'>,
) {
  return `${formatDate(e.startsAt, locale)} ${t('events.timeRange', {
    start: tokyoTimeOf(e.startsAt),
    end: tokyoTimeOf(e.endsAt),
  })}`;
}

export const kindLabel = (t: Translator, kind: EventKind) => t(`events.kind.${kind}`);
export const audienceLabel = (t: Translator, audience: EventAudience) =>
  t(`events.audience.${audience}`);

/** The state of seats in words: 「残り3席」「満席（キャンセル待ちできます）」. */
export function seatsText(t: Translator, e: EventView): string {
  const left = seatsLeftOf(e);
  if (left > 0 && e.waitlisted === 0)
    return t('events.seatsLeft', { count: left, capacity: e.capacity });
  return t('events.full', { count: e.waitlisted });
}

/** Badges: kind, audience, 託児あり, and the viewer's own status. Words carry the meaning. */
export function EventBadges(props: { t: Translator; event: EventView }) {
  const { t, event: e } = props;
  return (
    <p class="badge-list cl-badges">
      <StatusBadge kind="eventKind" status={e.kind}>
        {kindLabel(t, e.kind)}
      </StatusBadge>
      <Badge>{audienceLabel(t, e.audience)}</Badge>
      {e.childcare && <Badge>{t('events.childcareBadge')}</Badge>}
      {e.cancelled && (
        <StatusBadge kind="publication" status="cancelled">
          {t('events.cancelledBadge')}
        </StatusBadge>
      )}
      {e.mine?.status === 'registered' && (
        <StatusBadge kind="registration" status="registered">
          {t('events.mine.registered')}
        </StatusBadge>
      )}
      {e.mine?.status === 'waitlisted' && (
        <StatusBadge kind="registration" status="waitlisted">
          {t('events.mine.waitlisted', { position: e.mine.waitlistPosition ?? 1 })}
        </StatusBadge>
      )}
    </p>
  );
}

/** The action error at the top of a page (a refused registration, a stale page). */
export function ActionAlert(props: { title: string; message: string | undefined }) {
  if (!props.message) return null;
  return (
    <div class="alert alert--error" role="alert">
      <p>
        <strong>{props.title}</strong>
        <br />
        {props.message}
      </p>
    </div>
  );
}
