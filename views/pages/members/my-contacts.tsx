import type { Child } from 'hono/jsx';
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

/** The headings of each kind of contact. */
const SECTION_TEXT = {
  contact: {
    title: 'my.contacts.emergencyTitle',
    lead: 'my.contacts.emergencyLead',
    addTitle: 'my.contacts.addEmergency',
  },
  pickup: {
    title: 'my.contacts.pickupTitle',
    lead: 'my.contacts.pickupLead',
    addTitle: 'my.contacts.addPickup',
  },
} as const;

/**
 * One kind of contact (emergency contacts or pick-up people): the list with its edit forms, then
 * the form that adds one. `note` stands between the two.
 */
function ContactSection(props: {
  t: Translator;
  kind: 'contact' | 'pickup';
  rows: ContactRow[];
  canRemove: boolean;
  note?: Child;
  editing?: string | undefined;
  values: Record<string, string | undefined>;
  errors: FormErrors;
}) {
  const { t, kind } = props;
  const text = SECTION_TEXT[kind];
  // A refused edit shows its messages in its own row, not above the add form.
  const addErrors = props.editing ? {} : props.errors;
  const id = kind === 'contact' ? 'contacts' : 'pickups';
  return (
    <section class="card" id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t(text.title)}</h2>
      <p>{t(text.lead)}</p>
      <ContactList
        t={t}
        rows={props.rows}
        kind={kind}
        canRemove={props.canRemove}
        editing={props.editing}
        values={props.values}
        errors={props.errors}
      />
      {props.note}
      <h3 id={`${kind}-add-title`}>{t(text.addTitle)}</h3>
      <ErrorSummary
        t={t}
        errors={pick(addErrors, `${kind}.`)}
        labels={contactLabels(t, `${kind}.`)}
      />
      <form
        method="post"
        action={`/my/${id}`}
        novalidate
        class="member-form"
        aria-labelledby={`${kind}-add-title`}
      >
        <ContactFields
          t={t}
          prefix={`${kind}.`}
          values={props.editing ? {} : props.values}
          errors={addErrors}
          required
        />
        <SubmitButton>{t('my.contacts.submit')}</SubmitButton>
      </form>
    </section>
  );
}

export function MyContactsPage(props: MyContactsProps) {
  const { ctx } = props;
  const { t } = ctx;
  const canRemoveContact = props.contacts.length > props.minContacts;
  const shared = { t, editing: props.editing, values: props.values, errors: props.errors };
  return (
    <Layout ctx={ctx} title={t('my.contacts.title')}>
      <BackToMy t={t} />
      <h1>{t('my.contacts.title')}</h1>
      <RuleAlert title={t('apply.ruleTitle')} message={props.ruleError} />
      <ContactSection
        {...shared}
        kind="contact"
        rows={props.contacts}
        canRemove={canRemoveContact}
        note={
          !canRemoveContact &&
          props.minContacts > 0 && <p class="hint">{t('my.contacts.keepTwo')}</p>
        }
      />
      <ContactSection {...shared} kind="pickup" rows={props.pickups} canRemove />
    </Layout>
  );
}

function pick(errors: FormErrors, prefix: string): FormErrors {
  return Object.fromEntries(Object.entries(errors).filter(([k]) => k.startsWith(prefix)));
}
