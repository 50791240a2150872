import type { Translator } from '../../../../src/lib/i18n.js';
import type { MemberTypeLabels } from '../../../../src/modules/settings/settings.schemas.js';
import type { Locale, Side, SideStatus } from '../../../../db/schema.js';
import { StatusBadge } from '../../../components/status-badge.js';

export const statusText = (t: Translator, status: SideStatus) => t(`memberAdmin.status.${status}`);

interface SideLabels {
  t: Translator;
  labels: MemberTypeLabels;
  locale: Locale;
}

/** A side's status as a badge, 「依頼会員：有効」: the words carry the meaning. */
export function SideBadge(props: SideLabels & { side: Side; status: SideStatus }) {
  return (
    <StatusBadge kind="side" status={props.status}>
      {props.t('memberAdmin.badge', {
        side: props.labels[props.side][props.locale],
        status: statusText(props.t, props.status),
      })}
    </StatusBadge>
  );
}

/** Every side a member has, each with its status badge. */
export function SideBadges(
  props: SideLabels & {
    member: { requester_status: SideStatus | null; helper_status: SideStatus | null };
  },
) {
  return (
    <span class="badge-list">
      {sidesOf(props.member).map((s) => (
        <SideBadge {...props} side={s.side} status={s.status} />
      ))}
    </span>
  );
}

/** The sides a member has, in a fixed order, with their status. */
export function sidesOf(member: {
  requester_status: SideStatus | null;
  helper_status: SideStatus | null;
}): { side: Side; status: SideStatus }[] {
  const out: { side: Side; status: SideStatus }[] = [];
  if (member.requester_status) out.push({ side: 'requester', status: member.requester_status });
  if (member.helper_status) out.push({ side: 'helper', status: member.helper_status });
  return out;
}
