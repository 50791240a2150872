import type { Translator } from '../../../src/lib/i18n.js';

/** A rule or a stale page answered by the domain, shown at the top of the page. */
export function FailureAlert(props: { t: Translator; message: string | undefined }) {
  if (!props.message) return null;
  return (
    <div class="alert alert--error coord-failure" role="alert">
      <p>
        <strong>{props.t('coord.error.title')}</strong>
        {props.message}
      </p>
    </div>
  );
}
