import type { HandoverRule } from '../../../src/modules/settings/settings.schemas.js';
import { categoryLabel } from '../../../src/i18n/category-labels.js';
import type { CareLocation, OfferStatus, RequestStatus } from '../../../db/schema.js';
import { formatDate, formatDateTime } from '../../../src/lib/dates.js';
import type { Translator } from '../../../src/lib/i18n.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import {
  careLocationName,
  durationText,
  offerStatusName,
  statusName,
  weekdaysText,
  whenText,
} from './request-text.js';
import { displayTime, formatPhone, yen } from '../../format.js';
import { OfferActions } from './offers.js';
import { BackLink } from '../../components/back-link.js';
import { DetailList } from '../../components/detail-list.js';
import { SafetyReminders } from './rules-box.js';
import { StatusTimeline } from './request-status.js';
import { StatusBadge } from '../../components/status-badge.js';

export interface RequestDetailView {
  id: string;
  category: number;
  startsAt: string;
  endsAt: string;
  status: RequestStatus;
  careLocation: CareLocation;
  careLocationNote: string | null;
  pickup: string | null;
  dropoff: string | null;
  notes: string | null;
  area: string;
  createdAt: string;
  matchedAt: string | null;
  cancelledAt: string | null;
  cancelledByRole: 'requester' | 'helper' | 'staff' | null;
  cancelReason: string | null;
  cancellationFee: number | null;
  helperName: string | null;
  wasMatched: boolean;
  /** A sick-child request: its record (doctor's note, handover, forms) has its own page. */
  sickCare?: boolean;
}

export interface RequestDetailProps {
  ctx: ViewContext;
  mode: 'requester' | 'helper' | 'offered';
  request: RequestDetailView;
  /** Names are null for a helper who has only been offered the request. */
  childList: { id: string; name: string | null; age: string }[];
  series: {
    id: string;
    weekdays: number[];
    startTime: string;
    endTime: string;
    toDate: string;
  } | null;
  family: { name: string; phone: string } | null;
  preMeetingRequired: boolean;
  canCancel: boolean;
  carAllowed: boolean;
  handoverTo: HandoverRule;
  maxSiblings: number;
  offer: {
    id: string;
    status: OfferStatus;
    open: boolean;
    expiresAt: string;
    timeLeft: string;
  } | null;
}

/** One request, as its parent, its helper, or a helper who has been offered it sees it. */
export function RequestDetailPage(props: RequestDetailProps) {
  const { ctx, request: r, mode } = props;
  const { t, locale } = ctx;
  const title =
    mode === 'offered'
      ? t('req.detail.offerTitle')
      : mode === 'helper'
        ? t('req.detail.helperTitle')
        : t('req.detail.title');
  const childrenText = props.childList
    .map((c) => (c.name ? t('req.form.childOption', { name: c.name, age: c.age }) : c.age))
    .join(locale === 'ja' ? '、' : ', ');
  return (
    <Layout ctx={ctx} title={`${title} ${formatDate(r.startsAt, locale)}`}>
      <BackLink
        href={mode === 'requester' ? '/requests' : mode === 'helper' ? '/requests' : '/offers'}
        label={
          mode === 'offered'
            ? t('offers.back')
            : mode === 'helper'
              ? t('req.backToAssigned')
              : t('req.backToList')
        }
      />
      <h1>
        {title}
        <span class="heading-sub">{whenText(t, locale, r.startsAt, r.endsAt)}</span>
      </h1>

      {mode !== 'offered' && (
        <>
          <p class="req-status-line">
            <StatusBadge kind="request" status={r.status}>
              {statusName(t, r.status)}
            </StatusBadge>{' '}
            <span>{statusExplanation(t, mode, r)}</span>
          </p>
          <StatusTimeline t={t} status={r.status} wasMatched={r.wasMatched} />
        </>
      )}

      {props.preMeetingRequired && (
        <div class="alert alert--warning req-premeeting" role="note">
          <p class="req-premeeting__title">{t('req.detail.preMeetingTitle')}</p>
          <p>
            {mode === 'helper'
              ? t('req.detail.preMeetingHelper')
              : t('req.detail.preMeetingRequester', { name: r.helperName ?? '' })}
          </p>
        </div>
      )}

      {mode === 'offered' && props.offer && (
        <section class="card req-offer-state" aria-labelledby="offer-state">
          <h2 id="offer-state">{t('offers.yourAnswer')}</h2>
          {props.offer.open ? (
            <>
              <p>
                {t('offers.deadline', {
                  when: formatDateTime(props.offer.expiresAt, locale),
                  left: props.offer.timeLeft,
                })}
              </p>
              <OfferActions t={t} offerId={props.offer.id} />
              <p class="hint">{t('offers.namesAfterAccept')}</p>
            </>
          ) : (
            <p>
              <StatusBadge kind="offer" status={props.offer.status}>
                {offerStatusName(t, props.offer.status)}
              </StatusBadge>{' '}
              {t(`offers.explain.${props.offer.status}`)}
            </p>
          )}
        </section>
      )}

      {mode === 'helper' && props.family && (
        <section class="card" aria-labelledby="family">
          <h2 id="family">{t('req.detail.family')}</h2>
          <DetailList
            class="req-details"
            rows={[
              [t('req.detail.parent'), props.family.name],
              [
                t('req.detail.phone'),
                <a href={`tel:${props.family.phone.replace(/[^\d+]/g, '')}`}>
                  {formatPhone(props.family.phone)}
                </a>,
              ],
            ]}
          />
          <h3>{t('req.detail.childrenHealth')}</h3>
          <ul class="req-child-links">
            {props.childList.map((c) => (
              <li>
                <a class="button button--secondary" href={`/children/${c.id}`}>
                  {t('req.detail.childLink', { name: c.name ?? '', age: c.age })}
                </a>
              </li>
            ))}
          </ul>
          <p class="hint">{t('req.detail.childLinkHint')}</p>
        </section>
      )}

      <section class="card" aria-labelledby="details">
        <h2 id="details">{t('req.detail.details')}</h2>
        <DetailList
          class="req-details"
          rows={[
            [t('req.detail.when'), whenText(t, locale, r.startsAt, r.endsAt)],
            [t('req.detail.duration'), durationText(t, r.startsAt, r.endsAt)],
            [t('req.form.category'), categoryLabel(t, r.category)],
            [mode === 'offered' ? t('offers.childAges') : t('req.form.children'), childrenText],
            [t('offers.area'), mode === 'offered' ? r.area : null],
            [
              t('req.form.location'),
              r.careLocationNote && mode !== 'offered'
                ? `${careLocationName(t, r.careLocation)}（${r.careLocationNote}）`
                : careLocationName(t, r.careLocation),
            ],
            [t('req.form.pickup'), mode === 'offered' ? null : r.pickup],
            [t('req.form.dropoff'), mode === 'offered' ? null : r.dropoff],
            [t('req.form.notes'), r.notes ? <span class="pre-line">{r.notes}</span> : null],
            [
              t('req.detail.helper'),
              mode === 'requester' && r.helperName
                ? t('req.detail.helperName', { name: r.helperName })
                : null,
            ],
            [
              t('req.detail.series'),
              props.series && mode !== 'offered' ? (
                <>
                  {t('req.detail.seriesText', {
                    weekdays: weekdaysText(t, locale, props.series.weekdays),
                    start: displayTime(props.series.startTime),
                    end: displayTime(props.series.endTime),
                    until: formatDate(props.series.toDate, locale),
                  })}
                  {mode === 'requester' && (
                    <>
                      {' '}
                      <a href={`/requests#series-${props.series.id}`}>
                        {t('req.detail.seriesLink')}
                      </a>
                    </>
                  )}
                </>
              ) : null,
            ],
            [
              t('req.detail.requestedAt'),
              mode === 'requester' ? formatDateTime(r.createdAt, locale) : null,
            ],
          ]}
        />
      </section>

      {r.sickCare && (
        <p class="req-sick-care-link">
          <a class="button button--secondary" href={`/requests/${r.id}/sick-care`}>
            {t('req.sickCareLink')}
          </a>
        </p>
      )}

      {r.status === 'cancelled' && mode !== 'offered' && (
        <section class="card" aria-labelledby="cancelled">
          <h2 id="cancelled">{t('req.detail.cancelledTitle')}</h2>
          <DetailList
            class="req-details"
            rows={[
              [
                t('req.detail.cancelledAt'),
                r.cancelledAt ? formatDateTime(r.cancelledAt, locale) : null,
              ],
              [
                t('req.detail.cancelledBy'),
                r.cancelledByRole ? t(`req.cancelledBy.${r.cancelledByRole}`) : null,
              ],
              [t('req.cancel.reason'), r.cancelReason],
              [
                t('req.detail.cancellationFee'),
                r.cancellationFee !== null ? yen(r.cancellationFee, locale) : null,
              ],
            ]}
          />
          {r.cancellationFee !== null && r.cancellationFee > 0 && (
            <p>
              <a href={`/requests/${r.id}/cancellation-payment`}>
                {t('payments.cancellationLink')}
              </a>
            </p>
          )}
        </section>
      )}

      {mode === 'helper' && (
        <SafetyReminders
          t={t}
          carAllowed={props.carAllowed}
          handoverTo={props.handoverTo}
          maxSiblings={props.maxSiblings}
        />
      )}

      {props.canCancel && (
        <section aria-labelledby="cancel-title" class="req-cancel-entry">
          <h2 id="cancel-title">{t('req.detail.cancelTitle')}</h2>
          <p>{mode === 'helper' ? t('req.detail.cancelLeadHelper') : t('req.detail.cancelLead')}</p>
          <p>
            <a class="button button--secondary" href={`/requests/${r.id}/cancel`}>
              {t('req.detail.cancelButton')}
            </a>
          </p>
          {mode === 'requester' && props.series && (
            <p>
              <a class="button button--secondary" href={`/requests/${r.id}/cancel-series`}>
                {t('req.detail.cancelSeriesButton')}
              </a>
            </p>
          )}
        </section>
      )}
    </Layout>
  );
}

function statusExplanation(t: Translator, mode: 'requester' | 'helper', r: RequestDetailView) {
  if (mode === 'helper') {
    return r.status === 'matched' ? t('req.explain.helper.matched') : t(`req.explain.${r.status}`);
  }
  if (r.status === 'matched') return t('req.explain.matched', { name: r.helperName ?? '' });
  return t(`req.explain.${r.status}`);
}
