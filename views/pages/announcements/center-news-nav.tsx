import type { Translator } from '../../../src/lib/i18n.js';

/** The sub-menu shared by the announcements and the newsletter archive. */
export function CenterNewsNav(props: { t: Translator; current: 'announcements' | 'newsletters' }) {
  const { t } = props;
  return (
    <nav class="cl-tabs" aria-label={t('ann.subnav')}>
      <a
        href="/announcements"
        aria-current={props.current === 'announcements' ? 'page' : undefined}
      >
        {t('ann.title')}
      </a>
      <a href="/newsletters" aria-current={props.current === 'newsletters' ? 'page' : undefined}>
        {t('news.title')}
      </a>
    </nav>
  );
}
