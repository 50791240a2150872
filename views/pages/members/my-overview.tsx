import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import type { MemberKind, SideStatus } from '../../../db/schema.js';
import type { MessageKey } from '../../../src/lib/i18n.js';
import type { MemberTypeLabels } from '../../../src/modules/settings/settings.schemas.js';
import { kindLabel, statusLabel } from './labels.js';
import { StatusBadge } from '../../components/status-badge.js';

export interface MyOverviewProps {
  ctx: ViewContext;
  member: {
    name: string;
    memberNo: string | null;
    kind: MemberKind;
    requesterStatus: SideStatus | null;
    helperStatus: SideStatus | null;
  };
  labels: MemberTypeLabels;
  /** Where the requester side stands with its orientation (only while applied). */
  orientation: { state: 'none' } | { state: 'registered'; date: string } | { state: 'attended' };
}

/** The plain-language next step for one side in its status. */
function nextStep(
  side: 'requester' | 'helper',
  status: SideStatus,
  orientation: MyOverviewProps['orientation'],
): { key: MessageKey; params?: Record<string, string>; link?: 'book' | 'view' } {
  if (status === 'suspended') return { key: 'my.next.suspended' };
  if (status === 'withdrawn') return { key: 'my.next.withdrawn' };
  if (side === 'helper')
    return { key: status === 'active' ? 'my.next.helper.active' : 'my.next.helper.applied' };
  if (status === 'active') return { key: 'my.next.requester.active' };
  if (orientation.state === 'attended') return { key: 'my.next.requester.attended' };
  if (orientation.state === 'registered')
    return {
      key: 'my.next.requester.registered',
      params: { date: orientation.date },
      link: 'view',
    };
  return { key: 'my.next.requester.register', link: 'book' };
}

export function MyOverviewPage(props: MyOverviewProps) {
  const { ctx, member } = props;
  const { t, locale } = ctx;
  const sides = (
    [
      ['requester', member.requesterStatus],
      ['helper', member.helperStatus],
    ] as const
  ).filter((s): s is ['requester' | 'helper', SideStatus] => s[1] !== null);
  const hasRequester = member.requesterStatus !== null;
  const hasHelper = member.helperStatus !== null;
  const links: { href: string; label: MessageKey }[] = [
    { href: '/my/renewal', label: 'renewal.my.link' },
    { href: '/my/profile', label: 'my.link.profile' },
    ...(hasRequester ? [{ href: '/my/children', label: 'my.link.children' as const }] : []),
    { href: '/my/contacts', label: 'my.link.contacts' },
    ...(hasHelper ? [{ href: '/my/helper-profile', label: 'my.link.helperProfile' as const }] : []),
    { href: '/my/orientations', label: 'my.link.orientations' },
    { href: '/account/password', label: 'home.account.password' },
  ];
  return (
    <Layout ctx={ctx} title={t('my.title')}>
      <h1>{t('my.title')}</h1>
      <p>{t('my.lead', { name: member.name })}</p>

      <section class="card" aria-labelledby="my-status-title">
        <h2 id="my-status-title">{t('my.statusTitle')}</h2>
        <dl class="summary-list">
          <div>
            <dt>{t('memberField.memberNo')}</dt>
            <dd>
              {member.memberNo ? (
                <strong class="member-no">{member.memberNo}</strong>
              ) : (
                t('my.memberNoPending')
              )}
            </dd>
          </div>
          {sides.map(([side, status]) => {
            const step = nextStep(side, status, props.orientation);
            return (
              <div>
                <dt>{kindLabel(props.labels, side, locale)}</dt>
                <dd>
                  <StatusBadge kind="side" status={status}>
                    {statusLabel(t, status)}
                  </StatusBadge>
                  <p class="next-step">{t(step.key, step.params)}</p>
                  {step.link && (
                    <p>
                      <a
                        class={
                          step.link === 'book'
                            ? 'button button--primary'
                            : 'button button--secondary'
                        }
                        href="/my/orientations"
                      >
                        {t(step.link === 'book' ? 'my.next.bookButton' : 'my.link.orientations')}
                      </a>
                    </p>
                  )}
                </dd>
              </div>
            );
          })}
        </dl>
      </section>

      <section aria-labelledby="my-menu-title">
        <h2 id="my-menu-title">{t('my.menuTitle')}</h2>
        <ul class="action-list">
          {links.map((l) => (
            <li>
              <a class="action-list__link" href={l.href}>
                {t(l.label)}
              </a>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="my-data-title">
        <h2 id="my-data-title">{t('my.dataTitle')}</h2>
        <p>{t('my.dataLead')}</p>
        <p>
          <a class="button button--secondary" href="/my/data.json" download>
            {t('my.link.data')}
          </a>
        </p>
        <p>
          <a href="/my/withdraw">{t('my.link.withdraw')}</a>
        </p>
      </section>
    </Layout>
  );
}
