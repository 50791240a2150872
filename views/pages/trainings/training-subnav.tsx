import type { ViewContext } from '../../view-context.js';

/** Staff navigation between the training pages. */
export function TrainingSubnav(props: {
  ctx: ViewContext;
  current: 'sessions' | 'helpers' | 'pending' | 'curriculum';
  pendingCount?: number | undefined;
}) {
  const { t } = props.ctx;
  const items = [
    { key: 'sessions', href: '/training/sessions', label: t('training.subnav.sessions') },
    { key: 'helpers', href: '/training/helpers', label: t('training.subnav.helpers') },
    {
      key: 'pending',
      href: '/training/records/pending',
      label: props.pendingCount
        ? t('training.subnav.pendingCount', { count: props.pendingCount })
        : t('training.subnav.pending'),
    },
    { key: 'curriculum', href: '/training/curriculum', label: t('training.subnav.curriculum') },
  ] as const;
  return (
    <nav class="training-subnav" aria-label={t('training.subnav')}>
      <ul>
        {items.map((i) => (
          <li>
            <a href={i.href} aria-current={i.key === props.current ? 'page' : undefined}>
              {i.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
