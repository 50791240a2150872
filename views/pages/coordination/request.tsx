import { areaName } from '../../../src/i18n/area-labels.js';
import { categoryNumberedLabel } from '../../../src/i18n/category-labels.js';
import { TextField, bindFields } from '../../components/form-fields.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { formatDate, formatYen } from '../../../src/lib/dates.js';
import type { Area } from '../../../src/modules/settings/settings.schemas.js';
import type { CareLocation, OfferStatus, RequestStatus } from '../../../db/schema.js';
import { TextareaField } from '../../components/form-fields.js';
import {
  ageText,
  candidateReasonText,
  childAgesText,
  quickOfferLabel,
  exclusionHeading,
  exclusionText,
  whenText,
  type ReasonView,
} from './coordination-text.js';
import { FailureAlert } from './failure-alert.js';
import { Hidden } from '../../components/visually-hidden.js';
import { PreMeetingReason, UrgentBadge } from './badges.js';
import type { PreMeetingNeedReason } from '../../../src/modules/requests/pre-meeting-need-rules.js';
import { Badge, StatusBadge } from '../../components/status-badge.js';
import { paren, monthDayTime } from '../../format.js';
import { TelLink } from './tel-link.js';
import { StaffBackLink } from '../../components/back-link.js';
import { DataTable } from '../../components/data-table.js';

export interface RequestView {
  id: string;
  startsAt: string;
  endsAt: string;
  status: RequestStatus;
  category: number;
  careLocation: CareLocation;
  careLocationNote: string | null;
  pickup: string | null;
  dropoff: string | null;
  notes: string | null;
  seriesId: string | null;
  requesterId: string;
  requesterName: string;
  requesterNo: string | null;
  requesterPhone: string | null;
  area: string;
  helperId: string | null;
  helperName: string | null;
  helperPhone: string | null;
  matchedAt: string | null;
  cancelledByRole: 'requester' | 'helper' | 'staff' | null;
  cancelReason: string | null;
  cancellationFee: number | null;
  /** A sick-child request of the programme: its care record (医師連絡票, handover, forms). */
  sickCare: boolean;
}

export interface CandidateItem {
  helperId: string;
  name: string;
  phone: string | null;
  area: string | null;
  rank: number;
  score: number;
  paired: boolean;
  reasons: ReasonView[];
  /** This helper's offer for this request, if any. */
  offerStatus: OfferStatus | null;
  selected: boolean;
}

export interface ExcludedItem {
  helperId: string;
  name: string;
  reasons: ReasonView[];
}

export interface OfferItem {
  helperId: string;
  helperName: string;
  status: OfferStatus;
  offeredAt: string;
  expiresAt: string;
  respondedAt: string | null;
  declineReason: string | null;
}

/** Which form a failure belongs to, so the message is also written next to it. */
export type RequestForm = 'offers' | 'top' | 'assign' | 'preMeeting' | 'cancel';

export interface RequestPageProps {
  ctx: ViewContext;
  nowIso: string;
  today: string;
  areas: Area[];
  request: RequestView;
  childList: { name: string; ageMonths: number }[];
  series: { id: string; startsAt: string; endsAt: string; status: RequestStatus }[];
  offers: OfferItem[];
  /** Null when the request is no longer open to offers. */
  candidates: { items: CandidateItem[]; total: number; fresh: number; showAll: boolean } | null;
  excluded: ExcludedItem[] | null;
  /** Open or offered, and not started yet. */
  canOffer: boolean;
  preMeeting: {
    required: boolean;
    /** Why a new one is needed (pre-meeting-need-rules.ts), when it is. */
    reason: PreMeetingNeedReason | null;
    recorded: { heldOn: string; place: string } | null;
  } | null;
  staffName: string;
  failure?: { form: RequestForm; message: string } | undefined;
  values?: Record<string, string> | undefined;
  errors?: Record<string, string> | undefined;
}

/** An unfilled request starting within this many hours is 至急 (as on the board). */
export const URGENT_HOURS = 48;

export function RequestPage(props: RequestPageProps) {
  const { t, locale } = props.ctx;
  const r = props.request;
  const when = whenText(r.startsAt, r.endsAt, locale);
  const live = r.status === 'open' || r.status === 'offered';
  const started = Date.parse(r.startsAt) <= Date.parse(props.nowIso);
  const urgent =
    live &&
    !started &&
    Date.parse(r.startsAt) - Date.parse(props.nowIso) < URGENT_HOURS * 3_600_000;
  const values = props.values ?? {};
  const errors = props.errors ?? {};
  const failureFor = (form: RequestForm) =>
    props.failure && props.failure.form === form ? props.failure.message : undefined;

  const field = bindFields(t, values, errors);
  return (
    <Layout ctx={props.ctx} title={t('coord.request.title', { when })}>
      <div class="coord-page coord-page--wide">
        <StaffBackLink href="/board" label={t('coord.request.back')} />
        <header class="coord-request-head">
          <h1>{t('coord.request.title', { when })}</h1>
          <p class="coord-request-head__meta">
            <StatusBadge kind="request" status={r.status}>
              {t(`coord.status.${r.status}`)}
            </StatusBadge>
            {urgent && <UrgentBadge t={t} startsAt={r.startsAt} nowIso={props.nowIso} />}
            <span>
              <strong>{t('coord.family', { name: r.requesterName })}</strong>
              {props.childList.length > 0 &&
                paren(
                  locale,
                  childAgesText(
                    t,
                    props.childList.map((c) => c.ageMonths),
                  ),
                )}
            </span>
            <span>{categoryNumberedLabel(t, r.category)}</span>
            <span>{areaName(props.areas, r.area, locale)}</span>
          </p>
        </header>

        <FailureAlert t={t} message={props.failure?.message} />
        {live && started && <p class="alert alert--warning">{t('coord.request.pastStart')}</p>}
        {r.status === 'cancelled' && (
          <p class="alert alert--info">
            {t('coord.request.cancelledNotice', {
              by: r.cancelledByRole ? t(`coord.request.cancelledBy.${r.cancelledByRole}`) : '',
              fee: formatYen(r.cancellationFee ?? 0, locale),
              reason: r.cancelReason ?? '',
            })}
          </p>
        )}

        {r.helperId && r.status !== 'cancelled' && (
          <MatchedSection
            {...props}
            pmFailure={failureFor('preMeeting')}
            values={values}
            errors={errors}
          />
        )}

        <section aria-labelledby="details-title" class="card coord-details">
          <h2 id="details-title">{t('coord.request.details')}</h2>
          <dl class="coord-facts">
            <div>
              <dt>{t('coord.field.family')}</dt>
              <dd>
                <a href={`/members/${r.requesterId}`}>
                  {t('coord.family', { name: r.requesterName })}
                </a>
                {r.requesterNo && (
                  <span class="coord-sub">
                    {t('coord.field.memberNo')} {r.requesterNo}
                  </span>
                )}
                <span class="coord-sub">
                  <TelLink phone={r.requesterPhone} />
                </span>
              </dd>
            </div>
            <div>
              <dt>{t('coord.field.children')}</dt>
              <dd>
                <ul class="plain-list">
                  {props.childList.map((c) => (
                    <li>
                      {c.name}
                      {paren(locale, ageText(t, c.ageMonths))}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
            <div>
              <dt>{t('coord.field.category')}</dt>
              <dd>{categoryNumberedLabel(t, r.category)}</dd>
            </div>
            <div>
              <dt>{t('coord.field.location')}</dt>
              <dd>
                {t(`coord.location.${r.careLocation}`)}
                {r.careLocationNote && <span class="coord-sub">{r.careLocationNote}</span>}
              </dd>
            </div>
            <div>
              <dt>{t('coord.field.pickup')}</dt>
              <dd>{r.pickup ?? <span class="muted">{t('coord.field.none')}</span>}</dd>
            </div>
            <div>
              <dt>{t('coord.field.dropoff')}</dt>
              <dd>{r.dropoff ?? <span class="muted">{t('coord.field.none')}</span>}</dd>
            </div>
            <div class="coord-facts__wide">
              <dt>{t('coord.field.notes')}</dt>
              <dd class="pre-line">
                {r.notes ?? <span class="muted">{t('coord.field.none')}</span>}
              </dd>
            </div>
          </dl>
          {r.sickCare && (
            <p class="req-sick-care-link">
              <a class="button button--secondary" href={`/requests/${r.id}/sick-care`}>
                {t('req.sickCareLink')}
              </a>
            </p>
          )}
          {props.series.length > 1 && (
            <details class="disclosure">
              <summary>{t('coord.series.summary', { count: props.series.length })}</summary>
              <ul class="coord-series">
                {props.series.map((s) => (
                  <li>
                    {s.id === r.id ? (
                      <strong aria-current="page">
                        {whenText(s.startsAt, s.endsAt, locale)}
                        {paren(locale, t('coord.series.current'))}
                      </strong>
                    ) : (
                      <a href={`/coordination/requests/${s.id}`}>
                        {whenText(s.startsAt, s.endsAt, locale)}
                      </a>
                    )}{' '}
                    <StatusBadge kind="request" status={s.status}>
                      {t(`coord.status.${s.status}`)}
                    </StatusBadge>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </section>

        {props.candidates && props.canOffer && (
          <CandidatesSection {...props} candidates={props.candidates} failureFor={failureFor} />
        )}

        {props.excluded && (
          <details class="disclosure coord-excluded" id="excluded">
            <summary>{t('coord.excluded.title', { count: props.excluded.length })}</summary>
            <ExcludedList {...props} excluded={props.excluded} />
          </details>
        )}

        <section aria-labelledby="offers-title" class="coord-section">
          <h2 id="offers-title">{t('coord.offers.title')}</h2>
          {props.offers.length === 0 ? (
            <p>{t('coord.offers.empty')}</p>
          ) : (
            <DataTable
              class="coord-table coord-offers-table"
              head={[
                t('coord.offers.col.helper'),
                t('coord.offers.col.status'),
                t('coord.offers.col.offeredAt'),
                t('coord.offers.col.expiresAt'),
                t('coord.offers.col.respondedAt'),
                t('coord.offers.col.reason'),
              ]}
            >
              {props.offers.map((o) => (
                <tr class={`coord-offer-row coord-offer-row--${o.status}`}>
                  <th scope="row" data-label={t('coord.offers.col.helper')}>
                    {t('coord.family', { name: o.helperName })}
                  </th>
                  <td data-label={t('coord.offers.col.status')}>
                    <StatusBadge kind="offer" status={o.status}>
                      {t(`coord.offerStatus.${o.status}`)}
                    </StatusBadge>
                  </td>
                  <td data-label={t('coord.offers.col.offeredAt')}>
                    {monthDayTime(o.offeredAt, locale)}
                  </td>
                  <td data-label={t('coord.offers.col.expiresAt')}>
                    {monthDayTime(o.expiresAt, locale)}
                  </td>
                  <td data-label={t('coord.offers.col.respondedAt')}>
                    {o.respondedAt ? monthDayTime(o.respondedAt, locale) : '―'}
                  </td>
                  <td data-label={t('coord.offers.col.reason')} class="wrap">
                    {o.declineReason ?? ''}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </section>

        {(live || r.status === 'matched') && (
          <details class="disclosure coord-cancel" open={failureFor('cancel') ? true : undefined}>
            <summary>{t('coord.cancel.title')}</summary>
            <form method="post" action={`/coordination/requests/${r.id}/cancel`} class="card">
              <p class="hint">{t('coord.cancel.hint')}</p>
              {failureFor('cancel') && !errors.reason && (
                <p class="field-error">{failureFor('cancel')}</p>
              )}
              <TextareaField
                {...field('reason')}
                id="field-reason"
                label={t('coord.cancel.reason')}
                required
                maxlength={500}
                rows={2}
              />
              <fieldset class="field choice-group">
                <legend>{t('coord.cancel.kind')}</legend>
                <div class="choices">
                  {(['cancel', 'no_show', 'weather'] as const).map((k) => (
                    <div class="choice">
                      <input
                        type="radio"
                        id={`cancel-kind-${k}`}
                        name="kind"
                        value={k}
                        checked={(values.kind ?? 'cancel') === k}
                      />
                      <label for={`cancel-kind-${k}`}>{t(`coord.cancel.kind.${k}`)}</label>
                    </div>
                  ))}
                </div>
              </fieldset>
              <button type="submit" class="button button--danger">
                {t('coord.cancel.submit')}
              </button>
            </form>
          </details>
        )}
      </div>
    </Layout>
  );
}

function MatchedSection(
  props: RequestPageProps & {
    pmFailure: string | undefined;
    values: Record<string, string>;
    errors: Record<string, string>;
  },
) {
  const { t, locale } = props.ctx;
  const r = props.request;
  const pm = props.preMeeting;
  const { values, errors } = props;
  const field = bindFields(t, values, errors);
  return (
    <section aria-labelledby="matched-title" class="card coord-matched">
      <h2 id="matched-title">{t('coord.matched.title')}</h2>
      <p class="coord-matched__helper">
        <a href={`/members/${r.helperId}`}>{t('coord.family', { name: r.helperName ?? '' })}</a>
        <TelLink phone={r.helperPhone} />
        {r.matchedAt && (
          <span class="coord-sub">
            {t('coord.matched.at', { date: monthDayTime(r.matchedAt, locale) })}
          </span>
        )}
      </p>
      {pm?.recorded && !pm.required && (
        <p class="coord-pm-note coord-pm-note--done">
          <span aria-hidden="true">✓ </span>
          {t('coord.preMeeting.recorded', {
            date: formatDate(pm.recorded.heldOn, locale),
            place: pm.recorded.place,
          })}
        </p>
      )}
      {pm?.required && (
        <>
          <div class="alert alert--warning coord-pm-required" id="pre-meeting-required">
            <p>
              <span aria-hidden="true">⚠ </span>
              {t('coord.preMeeting.required')}
            </p>
            {pm.reason && pm.reason !== 'first' && (
              <p>
                <PreMeetingReason t={t} reason={pm.reason} />
              </p>
            )}
          </div>
          <form
            method="post"
            action={`/coordination/requests/${r.id}/pre-meeting`}
            class="coord-pm-form"
          >
            <h3>{t('coord.preMeeting.formTitle')}</h3>
            {props.pmFailure && Object.keys(errors).length === 0 && (
              <p class="field-error">{props.pmFailure}</p>
            )}
            <div class="coord-form-row">
              <TextField
                {...field('heldOn')}
                type="date"
                label={t('coord.preMeeting.heldOn')}
                value={values.heldOn ?? props.today}
                required
              />
              <TextField
                {...field('place')}
                label={t('coord.preMeeting.place')}
                hint={t('coord.preMeeting.placeHint')}
                required
                maxlength={200}
              />
            </div>
            <TextField
              {...field('attendees')}
              label={t('coord.preMeeting.attendees')}
              hint={t('coord.preMeeting.attendeesHint')}
              value={
                values.attendees ??
                t('coord.preMeeting.attendeesDefault', {
                  requester: r.requesterName,
                  helper: r.helperName ?? '',
                  staff: props.staffName,
                })
              }
              required
              maxlength={500}
            />
            <TextareaField
              {...field('emergencyProcedure')}
              id="field-emergencyProcedure"
              label={t('coord.preMeeting.emergency')}
              hint={t('coord.preMeeting.emergencyHint')}
              required
              maxlength={2000}
            />
            <TextareaField
              {...field('agreedDetails')}
              id="field-agreedDetails"
              label={t('coord.preMeeting.agreed')}
              hint={t('coord.preMeeting.agreedHint')}
              maxlength={2000}
            />
            <TextareaField
              {...field('notes')}
              id="field-notes"
              label={t('coord.preMeeting.notes')}
              maxlength={2000}
              rows={2}
            />
            <button type="submit" class="button button--primary">
              {t('coord.preMeeting.submit')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}

function CandidatesSection(
  props: RequestPageProps & {
    candidates: NonNullable<RequestPageProps['candidates']>;
    failureFor: (form: RequestForm) => string | undefined;
  },
) {
  const { t, locale } = props.ctx;
  const r = props.request;
  const { items, total, fresh, showAll } = props.candidates;
  const asked = props.offers.length > 0;
  const offersError = props.failureFor('offers');
  return (
    <section aria-labelledby="candidates-title" class="coord-section coord-candidates">
      <h2 id="candidates-title">{t('coord.candidates.title', { count: total })}</h2>
      {total === 0 ? (
        <p class="alert alert--warning">{t('coord.candidates.empty')}</p>
      ) : (
        <>
          <p class="hint">{t('coord.candidates.lead')}</p>
          <form
            method="post"
            action={`/coordination/requests/${r.id}/offer-top`}
            class="coord-quick"
          >
            <input type="hidden" name="next" value={`/coordination/requests/${r.id}`} />
            {fresh > 0 ? (
              <>
                <p>{t('coord.candidates.quick')}</p>
                <button type="submit" class="button button--primary">
                  {quickOfferLabel(t, asked, fresh)}
                </button>
              </>
            ) : (
              <p>{t('coord.candidates.noneFresh')}</p>
            )}
            {props.failureFor('top') && <p class="field-error">{props.failureFor('top')}</p>}
          </form>

          <form
            method="post"
            action={`/coordination/requests/${r.id}/offers`}
            class="coord-offer-form"
          >
            <DataTable
              class="coord-table coord-candidate-table"
              caption={t('coord.candidates.title', { count: total })}
              head={[
                t('coord.candidates.col.select'),
                t('coord.candidates.col.rank'),
                t('coord.candidates.col.helper'),
                t('coord.candidates.col.reasons'),
                t('coord.candidates.col.offer'),
                t('coord.candidates.col.assign'),
              ]}
            >
              {items.map((c) => {
                const taken = c.offerStatus === 'offered' || c.offerStatus === 'accepted';
                return (
                  <tr class={c.paired ? 'coord-row coord-row--paired' : 'coord-row'}>
                    <td data-label={t('coord.candidates.col.select')} class="coord-select">
                      <label class="checkbox" for={`helper-${c.helperId}`}>
                        <input
                          type="checkbox"
                          id={`helper-${c.helperId}`}
                          name="helperIds"
                          value={c.helperId}
                          checked={c.selected && !taken}
                          disabled={taken}
                        />
                        <Hidden>{t('coord.candidates.select', { name: c.name })}</Hidden>
                      </label>
                    </td>
                    <td data-label={t('coord.candidates.col.rank')} class="coord-rank">
                      <span class="coord-rank__n">{c.rank}</span>
                      <span class="coord-sub">
                        {t('coord.candidates.points', { score: c.score })}
                      </span>
                    </td>
                    <th
                      scope="row"
                      data-label={t('coord.candidates.col.helper')}
                      class="coord-family"
                    >
                      <a href={`/members/${c.helperId}`}>{t('coord.family', { name: c.name })}</a>
                      {c.paired && (
                        <Badge tone="success" solid class="badge--after">
                          <span aria-hidden="true">★ </span>
                          {t('coord.badge.paired')}
                        </Badge>
                      )}
                      <span class="coord-sub">
                        <TelLink phone={c.phone} />
                      </span>
                    </th>
                    <td data-label={t('coord.candidates.col.reasons')}>
                      <ul class="coord-reasons">
                        {c.reasons.map((reason) => (
                          <li class={`coord-reason coord-reason--${reason.code}`}>
                            {candidateReasonText(t, reason, props.areas, locale)}
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td data-label={t('coord.candidates.col.offer')}>
                      {c.offerStatus ? (
                        <StatusBadge kind="offer" status={c.offerStatus}>
                          {t(`coord.offerStatus.${c.offerStatus}`)}
                        </StatusBadge>
                      ) : (
                        <span class="muted">{t('coord.candidates.notAsked')}</span>
                      )}
                    </td>
                    <td data-label={t('coord.candidates.col.assign')}>
                      <button
                        type="submit"
                        formaction={`/coordination/requests/${r.id}/assign`}
                        name="helperId"
                        value={c.helperId}
                        class="button button--secondary button--small coord-assign"
                      >
                        {t('coord.candidates.assign')}
                        <Hidden>{t('coord.candidates.assignFor', { name: c.name })}</Hidden>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </DataTable>
            {!showAll && total > items.length && (
              <p>
                {t('coord.candidates.showingTop', { shown: items.length })}{' '}
                <a href={`/coordination/requests/${r.id}?all=1#candidates-title`}>
                  {t('coord.candidates.showAll', { count: total })}
                </a>
              </p>
            )}
            <div class={offersError ? 'coord-submit field--error' : 'coord-submit'}>
              {offersError && (
                <p class="field-error" id="offers-error">
                  {offersError}
                </p>
              )}
              {props.failureFor('assign') && (
                <p class="field-error">{props.failureFor('assign')}</p>
              )}
              <div class="coord-submit__row">
                <button
                  type="submit"
                  class="button button--primary"
                  aria-describedby={offersError ? 'offers-error offers-hint' : 'offers-hint'}
                >
                  {t('coord.candidates.submit')}
                </button>
                <p class="hint" id="offers-hint">
                  {t('coord.candidates.submitHint')}
                </p>
              </div>
            </div>
          </form>
        </>
      )}
    </section>
  );
}

function ExcludedList(props: RequestPageProps & { excluded: ExcludedItem[] }) {
  const { t, locale } = props.ctx;
  const counts = new Map<string, number>();
  for (const e of props.excluded)
    for (const reason of e.reasons) counts.set(reason.code, (counts.get(reason.code) ?? 0) + 1);
  const sep = locale === 'ja' ? '、' : '; ';
  return (
    <div class="coord-excluded__body">
      <p class="hint">{t('coord.excluded.lead')}</p>
      {counts.size > 0 && (
        <>
          <h3>{t('coord.excluded.byReason')}</h3>
          <ul class="coord-reason-counts">
            {[...counts].map(([code, count]) => (
              <li>
                {t('coord.excluded.reasonCount', { reason: exclusionHeading(t, code), count })}
              </li>
            ))}
          </ul>
        </>
      )}
      <ul class="coord-excluded__list">
        {props.excluded.map((e) => (
          <li>
            <a href={`/members/${e.helperId}`}>{t('coord.family', { name: e.name })}</a>
            {locale === 'ja' ? '：' : ': '}
            {e.reasons.map((reason) => exclusionText(t, reason, locale)).join(sep)}
          </li>
        ))}
      </ul>
    </div>
  );
}
