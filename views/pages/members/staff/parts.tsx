import { TOKYO, tokyoInstant } from '../../../../src/lib/dates.js';
import type { Translator } from '../../../../src/lib/i18n.js';
import type { MemberTypeLabels } from '../../../../src/modules/settings/settings.schemas.js';
import type { Locale, Side, SideStatus } from '../../../../db/schema.js';
import { dateTimeFormat } from '../../../../src/lib/intl.js';

export { kindLabel } from '../labels.js';

/** A calendar date without the weekday (birth dates, the card): 2019年8月15日 / 15 Aug 2019. */
export function plainDate(date: string, locale: Locale): string {
  return dateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: TOKYO,
    year: 'numeric',
    month: locale === 'ja' ? 'long' : 'short',
    day: 'numeric',
  }).format(tokyoInstant(date));
}

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

export function TextareaField(props: {
  t: Translator;
  id: string;
  name: string;
  label: string;
  value?: string | undefined;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  maxlength?: number;
  rows?: number;
}) {
  const describedBy = [props.hint && `${props.id}-hint`, props.error && `${props.id}-error`]
    .filter(Boolean)
    .join(' ');
  return (
    <div class={props.error ? 'field field--error' : 'field'}>
      <label for={props.id}>
        {props.label}
        {props.required && <span class="required">{props.t('form.required')}</span>}
      </label>
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="field-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
      <textarea
        id={props.id}
        name={props.name}
        required={props.required}
        maxlength={props.maxlength}
        rows={props.rows ?? 3}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      >
        {props.value ?? ''}
      </textarea>
    </div>
  );
}

/** A single checkbox with its label beside it, and its error above. */
export function CheckboxField(props: {
  id: string;
  name: string;
  value: string;
  label: string;
  error?: string | undefined;
  checked?: boolean;
}) {
  return (
    <div class={props.error ? 'field field--error' : 'field'}>
      {props.error && (
        <p class="field-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
      <label class="checkbox" for={props.id}>
        <input
          type="checkbox"
          id={props.id}
          name={props.name}
          value={props.value}
          checked={props.checked}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={props.error ? `${props.id}-error` : undefined}
        />
        <span>{props.label}</span>
      </label>
    </div>
  );
}

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

/** A definition list row that shows "未登録" for empty values. */
export function InfoRow(props: { t: Translator; label: string; value: string | null | undefined }) {
  return (
    <div class="info-list__row">
      <dt>{props.label}</dt>
      <dd>
        {props.value ? (
          props.value
        ) : (
          <span class="muted">{props.t('memberAdmin.notRecorded')}</span>
        )}
      </dd>
    </div>
  );
}
