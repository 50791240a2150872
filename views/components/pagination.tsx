import type { Translator } from '../../src/lib/i18n.js';

/** Page links: first, last, and two either side of the current page. */
export function Pagination(props: {
  t: Translator;
  page: number;
  pageCount: number;
  href: (page: number) => string;
}) {
  const { t, page, pageCount } = props;
  if (pageCount <= 1) return null;
  const pages: (number | 'gap')[] = [];
  for (let p = 1; p <= pageCount; p++) {
    if (p === 1 || p === pageCount || Math.abs(p - page) <= 2) pages.push(p);
    else if (pages.at(-1) !== 'gap') pages.push('gap');
  }
  return (
    <nav class="pager" aria-label={t('memberAdmin.pagination')}>
      <ul>
        {page > 1 && (
          <li>
            <a href={props.href(page - 1)} rel="prev">
              {t('memberAdmin.pagination.prev')}
            </a>
          </li>
        )}
        {pages.map((p) =>
          p === 'gap' ? (
            <li class="pager__gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li>
              <a
                href={props.href(p)}
                aria-current={p === page ? 'page' : undefined}
                aria-label={t('memberAdmin.pagination.page', { page: p })}
              >
                {p}
              </a>
            </li>
          ),
        )}
        {page < pageCount && (
          <li>
            <a href={props.href(page + 1)} rel="next">
              {t('memberAdmin.pagination.next')}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
