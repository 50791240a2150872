import { formatPhone } from '../../format.js';
import {
  ErrorSummary,
  SubmitButton,
  type FormErrors,
  BackToMy,
  RuleAlert,
} from '../../components/form-fields.js';
import { Hidden } from '../../components/visually-hidden.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import type { Translator } from '../../../src/lib/i18n.js';
import { ContactFields } from './application-form.js';

export interface ContactRow {
  id: string;
  name: string;
  relation: string;
  phone: string;
}

export interface MyContactsProps {
  ctx: ViewContext;
  contacts: ContactRow[];
  pickups: ContactRow[];
  /** Requesters keep at least this many emergency contacts. */
  minContacts: number;
  /** Form values, by prefixed name: `contact.name`, `pickup.phone`… */
  values: Record<string, string | undefined>;
  errors: FormErrors;
  ruleError?: string | undefined;
  /** The row whose edit-in-place form was sent and refused: it opens with its messages. */
  editing?: string | undefined;
}

function contactLabels(t: Translator, prefix: string) {
  return {
    [`${prefix}name`]: t('contactField.name'),
    [`${prefix}relation`]: t('contactField.relation'),
    [`${prefix}phone`]: t('contactField.phone'),
  };
}

function ContactList(props: {
  t: Translator;
  rows: ContactRow[];
  /** `contact` or `pickup`: the edit forms' field prefix and the routes' base. */
  kind: 'contact' | 'pickup';
  canRemove: boolean;
  editing?: string | undefined;
  values: Record<string, string | undefined>;
  errors: FormErrors;
}) {
  const { t } = props;
  const base = props.kind === 'contact' ? '/my/contacts' : '/my/pickups';
  if (props.rows.length === 0) return <p>{t('my.contacts.none')}</p>;
  return (
    <ul class="contact-list">
      {props.rows.map((row) => {
        const prefix = `${props.kind}.${row.id}.`;
        const refused = props.editing === row.id;
        // The edit form starts from the row as stored, or from what was sent and refused.
        const values = refused
          ? props.values
          : {
              [`${prefix}name`]: row.name,
              [`${prefix}relation`]: row.relation,
              [`${prefix}phone`]: row.phone,
            };
        return (
          <li class="contact-list__item">
            <div>
              <strong>{row.name}</strong> <span class="contact-list__relation">{row.relation}</span>
              <br />
              <a href={`tel:${row.phone.replace(/[^\d+]/g, '')}`}>{formatPhone(row.phone)}</a>
            </div>
            <details class="contact-edit" open={refused}>
              <summary class="button button--secondary">
                {t('my.contacts.edit')}
                <Hidden>{t('my.contacts.editOf', { name: row.name })}</Hidden>
              </summary>
              <form method="post" action={`${base}/${row.id}`} novalidate class="member-form">
                <ContactFields
                  t={t}
                  prefix={prefix}
                  values={values}
                  errors={refused ? props.errors : {}}
                  required
                />
                <SubmitButton>{t('my.contacts.save')}</SubmitButton>
              </form>
            </details>
            {props.canRemove && (
              <form method="post" action={`${base}/${row.id}/remove`}>
                <button
                  type="submit"
                  class="button button--secondary"
                  aria-label={t('my.contacts.removeLabel', { name: row.name })}
                >
                  {t('my.contacts.remove')}
                </button>
              </form>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export function MyContactsPage(props: MyContactsProps) {
  const { ctx, values, errors } = props;
  const { t } = ctx;
  // A refused edit shows its messages in its own row, not above the add forms.
  const addErrors = props.editing ? {} : errors;
  const contactErrors = pick(addErrors, 'contact.');
  const pickupErrors = pick(addErrors, 'pickup.');
  const canRemoveContact = props.contacts.length > props.minContacts;
  return (
    <Layout ctx={ctx} title={t('my.contacts.title')}>
      <BackToMy t={t} />
      <h1>{t('my.contacts.title')}</h1>
      <RuleAlert title={t('apply.ruleTitle')} message={props.ruleError} />

      <section class="card" id="contacts" aria-labelledby="contacts-title">
        <h2 id="contacts-title">{t('my.contacts.emergencyTitle')}</h2>
        <p>{t('my.contacts.emergencyLead')}</p>
        <ContactList
          t={t}
          rows={props.contacts}
          kind="contact"
          canRemove={canRemoveContact}
          editing={props.editing}
          values={values}
          errors={errors}
        />
        {!canRemoveContact && props.minContacts > 0 && (
          <p class="hint">{t('my.contacts.keepTwo')}</p>
        )}
        <h3 id="contact-add-title">{t('my.contacts.addEmergency')}</h3>
        <ErrorSummary t={t} errors={contactErrors} labels={contactLabels(t, 'contact.')} />
        <form
          method="post"
          action="/my/contacts"
          novalidate
          class="member-form"
          aria-labelledby="contact-add-title"
        >
          <ContactFields
            t={t}
            prefix="contact."
            values={props.editing ? {} : values}
            errors={addErrors}
            required
          />
          <SubmitButton>{t('my.contacts.submit')}</SubmitButton>
        </form>
      </section>

      <section class="card" id="pickups" aria-labelledby="pickups-title">
        <h2 id="pickups-title">{t('my.contacts.pickupTitle')}</h2>
        <p>{t('my.contacts.pickupLead')}</p>
        <ContactList
          t={t}
          rows={props.pickups}
          kind="pickup"
          canRemove
          editing={props.editing}
          values={values}
          errors={errors}
        />
        <h3 id="pickup-add-title">{t('my.contacts.addPickup')}</h3>
        <ErrorSummary t={t} errors={pickupErrors} labels={contactLabels(t, 'pickup.')} />
        <form
          method="post"
          action="/my/pickups"
          novalidate
          class="member-form"
          aria-labelledby="pickup-add-title"
        >
          <ContactFields
            t={t}
            prefix="pickup."
            values={props.editing ? {} : values}
            errors={addErrors}
            required
          />
          <SubmitButton>{t('my.contacts.submit')}</SubmitButton>
        </form>
      </section>
    </Layout>
  );
}

function pick(errors: FormErrors, prefix: string): FormErrors {
  return Object.fromEntries(Object.entries(errors).filter(([k]) => k.startsWith(prefix)));
}
