import type { Translator } from '../../../src/lib/i18n.js';

/** What the consent to health data covers (its version in the summary), folded until opened. */
export function HealthDataTerms(props: { t: Translator; version: string | number }) {
  const { t } = props;
  return (
    <details class="terms">
      <summary>{t('apply.healthTitle', { version: props.version })}</summary>
      <ul>
        {([1, 2, 3, 4] as const).map((n) => (
          <li>{t(`apply.health.${n}`)}</li>
        ))}
      </ul>
    </details>
  );
}
