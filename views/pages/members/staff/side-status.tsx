import type { Translator } from '../../../../src/lib/i18n.js';
import type { MemberTypeLabels } from '../../../../src/modules/settings/settings.schemas.js';
import type { Locale, Side, SideStatus } from '../../../../db/schema.js';

export const statusText = (t: Translator, status: SideStatus) => t(`memberAdmin.status.${status}`);

/** A side's status as a badge: the words carry the meaning, the colour only repeats it. */
export function StatusBadge(props: {
  t: Translator;
  labels: MemberTypeLabels;
  locale: Locale;
  side: Side;
  status: SideStatus;
}) {
  return (
    <span class={`badge badge--${props.status}`}>
      {props.t('memberAdmin.badge', {
        side: props.labels[props.side][props.locale],
        status: statusText(props.t, props.status),
      })}
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
