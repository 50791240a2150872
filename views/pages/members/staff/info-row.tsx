import type { Translator } from '../../../../src/lib/i18n.js';

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
