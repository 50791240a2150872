import type { Translator } from '../../../src/lib/i18n.js';
import type { HandoverRule } from '../../../src/modules/settings/settings.schemas.js';

/** DOMAIN.md's safety rules, shown where the helper records what she did. */
export function SafetyRules(props: {
  t: Translator;
  carAllowed: boolean;
  handoverTo: HandoverRule;
}) {
  const { t } = props;
  return (
    <aside class="alert alert--warning act-safety" aria-labelledby="safety-title">
      <h2 id="safety-title">{t('activities.safety.title')}</h2>
      <ul>
        <li>{t('activities.safety.medicine')}</li>
        <li>{t('activities.safety.water')}</li>
        <li>
          {props.carAllowed ? t('activities.safety.carAllowed') : t('activities.safety.noCar')}
        </li>
        <li>{t(`safety.handover.${props.handoverTo}`)}</li>
        <li>{t('activities.safety.overnight')}</li>
      </ul>
      <p>{t('activities.safety.incident')}</p>
    </aside>
  );
}
