import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import type { MessageKey } from '../../../src/lib/i18n.js';

interface Action {
  href: string;
  label: MessageKey;
}

/** The things a user can do from home, by role. Modules add their entries here as they land. */
function actionsFor(role: 'admin' | 'staff' | 'member'): Action[] {
  const actions: Action[] = [];
  if (role === 'admin') actions.push({ href: '/staff-accounts', label: 'home.staff.accounts' });
  if (role === 'admin') actions.push({ href: '/settings', label: 'settings.homeAction' });
  actions.push({ href: '/account/password', label: 'home.account.password' });
  return actions;
}

export function HomePage(props: {
  ctx: ViewContext & { user: { name: string; role: 'admin' | 'staff' | 'member' } };
}) {
  const { t, user } = props.ctx;
  return (
    <Layout ctx={props.ctx} title={t('home.title')}>
      <h1>{t('home.welcome', { name: user.name })}</h1>
      <p>{t('home.signedInAs', { role: t(`role.${user.role}`) })}</p>
      {user.role !== 'member' && <p>{t('home.staff.lead')}</p>}
      <section aria-labelledby="actions-title">
        <h2 id="actions-title">{t('home.whatYouCanDo')}</h2>
        <ul class="action-list">
          {actionsFor(user.role).map((a) => (
            <li>
              <a class="action-list__link" href={a.href}>
                {t(a.label)}
              </a>
            </li>
          ))}
        </ul>
        {user.role === 'member' && <p class="hint">{t('home.member.comingSoon')}</p>}
      </section>
    </Layout>
  );
}
