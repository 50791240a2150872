import { categoryLabel } from '../../../src/i18n/category-labels.js';
import type { CareLocation, OfferStatus } from '../../../db/schema.js';
import { formatDateTime } from '../../../src/lib/dates.js';
import type { Translator } from '../../../src/lib/i18n.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { careLocationName, durationText, offerStatusName, whenText } from './request-text.js';
import { DetailList } from '../../components/detail-list.js';
import { StatusBadge } from '../../components/status-badge.js';
import { Pagination } from '../../components/pagination.js';
import { FieldFrame, describedBy } from '../../components/form-fields.js';

export interface OfferCardView {
  id: string;
  requestId: string;
  startsAt: string;
  endsAt: string;
  category: number;
  area: string;
  childAges: string[];
  careLocation: CareLocation;
  status: OfferStatus;
  expiresAt: string;
  timeLeft: string;
}

export interface EligibilityView {
  eligible: boolean;
  /** Why not, in one key: the helper side's state or the training's. */
  reason: 'applied' | 'suspended' | 'in_training' | 'lapsed' | 'inactive' | null;
  missing: string[];
  sickChildCare: boolean;
}

export interface OffersPageProps {
  ctx: ViewContext;
  eligibility: EligibilityView;
  open: OfferCardView[];
  answered: OfferCardView[];
  /** Which page of the answered offers is shown. */
  answeredPaging?: { page: number; pageCount: number; href: (page: number) => string };
  /** A decline that could not be sent (reason too long): shown on its card. */
  declineError?: { offerId: string; message: string; reason: string } | undefined;
}

/** 依頼の紹介: the offers waiting for this helper's answer first, then the answered ones. */
export function OffersPage(props: OffersPageProps) {
  const { ctx, eligibility } = props;
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('offers.title')}>
      <h1>{t('offers.title')}</h1>
      <p>{t('offers.lead')}</p>
      <ul class="req-links">
        <li>
          <a href="/calendar">{t('offers.toCalendar')}</a>
        </li>
        <li>
          <a href="/requests">{t('offers.toAssigned')}</a>
        </li>
      </ul>

      {!eligibility.eligible && (
        <section class="alert alert--warning offers-eligibility" aria-labelledby="eligibility">
          <h2 id="eligibility">{t('offers.notEligible.title')}</h2>
          <p>{t(`offers.notEligible.${eligibility.reason ?? 'inactive'}`)}</p>
          {eligibility.missing.length > 0 && (
            <>
              <p>{t('offers.notEligible.attend')}</p>
              <ul>
                {eligibility.missing.map((m) => (
                  <li>{m}</li>
                ))}
              </ul>
            </>
          )}
          <p>
            <a href="/training">{t('offers.notEligible.link')}</a>
          </p>
        </section>
      )}

      <section aria-labelledby="open-offers" class="req-section">
        <h2 id="open-offers">
          {t('offers.open')}
          <span class="offers-count">{t('offers.count', { n: props.open.length })}</span>
        </h2>
        {props.open.length === 0 ? (
          <p>{t('offers.noneOpen')}</p>
        ) : (
          <ul class="offer-cards">
            {props.open.map((o) => (
              <li>
                <OfferCard
                  t={t}
                  locale={locale}
                  offer={o}
                  declineError={
                    props.declineError?.offerId === o.id ? props.declineError : undefined
                  }
                />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="answered-offers" class="req-section offers-answered">
        <h2 id="answered-offers">{t('offers.answered')}</h2>
        {props.answered.length === 0 ? (
          <p>{t('offers.noneAnswered')}</p>
        ) : (
          <ul class="offers-muted">
            {props.answered.map((o) => (
              <li class="offers-muted__item">
                <a href={`/requests/${o.requestId}`}>{whenText(t, locale, o.startsAt, o.endsAt)}</a>
                <span class="offers-muted__what">{categoryLabel(t, o.category)}</span>
                <StatusBadge kind="offer" status={o.status}>
                  {offerStatusName(t, o.status)}
                </StatusBadge>
              </li>
            ))}
          </ul>
        )}
        {props.answeredPaging && <Pagination t={t} {...props.answeredPaging} />}
      </section>
    </Layout>
  );
}

export function OfferCard(props: {
  t: Translator;
  locale: 'ja' | 'en';
  offer: OfferCardView;
  declineError?: { message: string; reason: string } | undefined;
}) {
  const { t, locale, offer: o } = props;
  const headingId = `offer-${o.id}`;
  return (
    <article class="offer-card" aria-labelledby={headingId}>
      <h3 id={headingId} class="offer-card__when">
        {whenText(t, locale, o.startsAt, o.endsAt)}
      </h3>
      <p class="offer-card__deadline">
        <strong>{t('offers.timeLeft', { left: o.timeLeft })}</strong>{' '}
        <span class="offer-card__until">
          {t('offers.until', { when: formatDateTime(o.expiresAt, locale) })}
        </span>
      </p>
      <DetailList
        class="req-details"
        rows={[
          [t('req.detail.duration'), durationText(t, o.startsAt, o.endsAt)],
          [t('req.form.category'), categoryLabel(t, o.category)],
          [t('offers.area'), o.area],
          [t('offers.childAges'), o.childAges.join(locale === 'ja' ? '、' : ', ')],
          [t('req.form.location'), careLocationName(t, o.careLocation)],
        ]}
      />
      <p class="offer-card__more">
        <a href={`/requests/${o.requestId}`} aria-describedby={headingId}>
          {t('offers.details')}
        </a>
      </p>
      <OfferActions
        t={t}
        offerId={o.id}
        describedBy={headingId}
        declineError={props.declineError}
      />
    </article>
  );
}

/**
 * 引き受ける / お断りする: two big buttons, each one tap. A reason for declining is optional and
 * folded away; its box belongs to the decline form through the `form` attribute.
 */
export function OfferActions(props: {
  t: Translator;
  offerId: string;
  describedBy?: string;
  declineError?: { message: string; reason: string } | undefined;
}) {
  const { t, offerId } = props;
  const declineForm = `decline-${offerId}`;
  const reasonId = `field-reason-${offerId}`;
  return (
    <div class="offer-actions">
      <div class="offer-actions__buttons">
        <form method="post" action={`/offers/${offerId}/accept`}>
          <button
            type="submit"
            class="button button--primary offer-actions__accept"
            aria-describedby={props.describedBy}
          >
            {t('offers.accept')}
          </button>
        </form>
        <form method="post" action={`/offers/${offerId}/decline`} id={declineForm}>
          <button
            type="submit"
            class="button button--secondary offer-actions__decline"
            aria-describedby={props.describedBy}
          >
            {t('offers.decline')}
          </button>
        </form>
      </div>
      <details class="offer-actions__reason" open={Boolean(props.declineError)}>
        <summary>{t('offers.reasonSummary')}</summary>
        <FieldFrame
          t={t}
          id={reasonId}
          label={t('offers.reason')}
          hint={t('offers.reasonHint')}
          error={props.declineError?.message}
        >
          <textarea
            id={reasonId}
            name="reason"
            form={declineForm}
            rows={2}
            maxlength={500}
            aria-invalid={props.declineError ? 'true' : undefined}
            aria-describedby={describedBy(reasonId, 'hint', props.declineError?.message)}
          >
            {props.declineError?.reason ?? ''}
          </textarea>
        </FieldFrame>
        <button type="submit" form={declineForm} class="button button--secondary">
          {t('offers.declineWithReason')}
        </button>
      </details>
    </div>
  );
}
