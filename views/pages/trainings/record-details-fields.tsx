import type { Translator } from '../../../src/lib/i18n.js';
import {
  TextField,
  SelectField,
  type FormErrors,
  bindFields,
} from '../../components/form-fields.js';

/**
 * When and how a training record was earned, with its note: the same fields whether staff record
 * it for a helper or a helper sends in a certificate.
 */
export function RecordDetailsFields(props: {
  t: Translator;
  values: { completedOn?: string; source?: string; note?: string };
  errors: FormErrors;
}) {
  const { t, values, errors } = props;
  const field = bindFields(t, values, errors);
  return (
    <>
      <TextField
        {...field('completedOn')}
        type="date"
        label={t('training.field.completedOn')}
        hint={t('training.field.completedOnHint')}
        required
      />
      <SelectField
        {...field('source')}
        label={t('training.field.source')}
        value={values.source ?? 'external'}
        required
        options={[
          { value: 'external', label: t('training.source.external') },
          { value: 'exemption', label: t('training.source.exemption') },
        ]}
      />
      <TextField
        {...field('note')}
        label={t('training.field.note')}
        hint={t('training.field.noteHint')}
        required
        maxlength={500}
      />
    </>
  );
}
