import { bindFields, SelectField, TextField } from '../../components/form-fields.js';
import type { PROGRAMME_FIELDS } from './section-form.js';
import {
  SectionForm,
  settingsFieldLabels,
  TextareaField,
  type SectionProps,
} from './section-form.js';

/**
 * 病児・緊急対応強化事業 (issue #20): on/off, its hours, overnight care, partner medical
 * institutions and the exclusion checklist. Its rates are in the fee tables (/settings/fees).
 */
export function ProgrammeSection(props: SectionProps) {
  const { t, values, errors } = props;
  // Field names carry the section (`programme.serviceStart`): the requests section has its own.
  const field = bindFields(t, values, errors, settingsFieldLabels(t, 'programme'));
  const bound = (name: (typeof PROGRAMME_FIELDS)[number]) => field(`programme.${name}`);
  const yesNo = (name: 'enabled' | 'overnight') => (
    <SelectField
      {...bound(name)}
      options={[
        { value: 'false', label: t(`settings.programme.${name}.no`) },
        { value: 'true', label: t(`settings.programme.${name}.yes`) },
      ]}
      required
    />
  );
  return (
    <SectionForm {...props} lead={t('settings.programme.lead')}>
      {yesNo('enabled')}
      <fieldset aria-describedby="settings-programme-hours-hint">
        <legend>{t('settings.programme.hours')}</legend>
        <p class="hint" id="settings-programme-hours-hint">
          {t('settings.programme.hoursHint')}
        </p>
        <TextField {...bound('serviceStart')} type="text" inputmode="numeric" required />
        <TextField {...bound('serviceEnd')} type="text" inputmode="numeric" required />
        {yesNo('overnight')}
        <TextField
          {...bound('maxHours')}
          type="number"
          hint={t('settings.programme.maxHoursHint')}
          required
        />
      </fieldset>
      <TextareaField {...bound('partners')} hint={t('settings.programme.partnersHint')} rows={4} />
      <TextareaField
        {...bound('exclusions')}
        hint={t('settings.programme.exclusionsHint')}
        rows={8}
        required
      />
    </SectionForm>
  );
}
