import { formatPhone } from '../../format.js';
import { formatDate } from '../../../src/lib/dates.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { BackLink } from '../../components/back-link.js';
import { DetailList } from '../../components/detail-list.js';

export interface ChildDetailsProps {
  ctx: ViewContext;
  child: {
    name: string;
    nameKana: string;
    birthDate: string;
    age: string;
    sex: string;
    school: string | null;
    allergies: string | null;
    healthNotes: string | null;
    familyDoctor: string | null;
  };
  parent: { name: string; phone: string };
  contacts: { name: string; relation: string; phone: string }[];
  pickups: { name: string; relation: string; phone: string }[];
  backHref: string;
}

const tel = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

/**
 * A child's details for the helper matched to the child (and staff, and the parent). Allergies
 * come first and stand out: they are what a helper must not miss. Every view is audited.
 */
export function ChildDetailsPage(props: ChildDetailsProps) {
  const { ctx, child } = props;
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('childInfo.title', { name: child.name })}>
      <BackLink href={props.backHref} label={t('childInfo.back')} />
      <h1>
        {t('childInfo.title', { name: child.name })}
        <span class="heading-sub">{child.nameKana}</span>
      </h1>
      <p class="privacy-note">{t('childInfo.privacy')}</p>

      <section
        class={`child-allergy${child.allergies ? ' child-allergy--yes' : ''}`}
        aria-labelledby="allergy-title"
      >
        <h2 id="allergy-title">{t('childInfo.allergies')}</h2>
        <p class="child-allergy__text pre-line">{child.allergies || t('childInfo.noAllergies')}</p>
        {child.allergies && <p>{t('childInfo.allergyReminder')}</p>}
      </section>

      <section class="card" aria-labelledby="health-title">
        <h2 id="health-title">{t('childInfo.health')}</h2>
        <DetailList
          class="req-details"
          rows={[
            [
              t('childInfo.healthNotes'),
              <span class="pre-line">{child.healthNotes || t('childInfo.none')}</span>,
            ],
            [t('childInfo.familyDoctor'), child.familyDoctor || t('childInfo.none')],
            [t('childInfo.birthDate'), `${formatDate(child.birthDate, locale)}（${child.age}）`],
            [t('childField.sex'), child.sex],
            [t('childField.school'), child.school || t('childInfo.none')],
          ]}
        />
      </section>

      <section class="card" aria-labelledby="contacts-title">
        <h2 id="contacts-title">{t('childInfo.contacts')}</h2>
        <h3>{t('childInfo.parent')}</h3>
        <p>
          {props.parent.name}{' '}
          <a href={tel(props.parent.phone)}>{formatPhone(props.parent.phone)}</a>
        </p>
        <h3>{t('my.contacts.emergencyTitle')}</h3>
        <ContactList contacts={props.contacts} none={t('my.contacts.none')} />
        <h3>{t('my.contacts.pickupTitle')}</h3>
        <p class="hint">{t('childInfo.pickupHint')}</p>
        <ContactList contacts={props.pickups} none={t('my.contacts.none')} />
      </section>
    </Layout>
  );
}

function ContactList(props: {
  contacts: { name: string; relation: string; phone: string }[];
  none: string;
}) {
  if (props.contacts.length === 0) return <p>{props.none}</p>;
  return (
    <ul class="contact-list">
      {props.contacts.map((c) => (
        <li class="contact-list__item">
          <span>
            {c.name} <span class="contact-list__relation">（{c.relation}）</span>
          </span>
          <a href={tel(c.phone)}>{formatPhone(c.phone)}</a>
        </li>
      ))}
    </ul>
  );
}
