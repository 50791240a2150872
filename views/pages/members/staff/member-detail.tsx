import { ScrollTable } from '../../../components/scroll-table.js';
import { areaName } from '../../../../src/i18n/area-labels.js';
import { categoryLabel } from '../../../../src/i18n/category-labels.js';
import { Layout } from '../../../layout.js';
import type { ViewContext } from '../../../view-context.js';
import { formatDate, formatDateTime } from '../../../../src/lib/dates.js';
import type { Translator } from '../../../../src/lib/i18n.js';
import { ageInMonths } from '../../../../src/modules/members/member-rules.js';
import { formatMemberNo } from '../../../../src/modules/members/members.json.js';
import type { MemberWithEmail } from '../../../../src/modules/members/members.queries.js';
import type { Area, MemberTypeLabels } from '../../../../src/modules/settings/settings.schemas.js';
import type {
  AuthorizedPickup,
  Child,
  EmergencyContact,
  Locale,
  RequestStatus,
  Side,
  SideStatus,
} from '../../../../db/schema.js';
import {
  attendanceText,
  sessionWhen,
  type OrientationSession,
} from '../../orientations/session-text.js';
import {
  Checkbox,
  FieldFrame,
  TextareaField,
  describedBy,
} from '../../../components/form-fields.js';
import { InfoRow } from './info-row.js';
import { kindLabel } from '../labels.js';
import { formatPhone, plainDate } from '../../../format.js';
import { SideBadge, SideBadges, sidesOf, statusText } from './side-status.js';
import { ReferralsSection, type ReferralView } from '../../directory/referrals.js';
import { StaffBackLink } from '../../../components/back-link.js';
import { DataTable } from '../../../components/data-table.js';

export type MemberAction = 'approve' | 'suspend' | 'reactivate' | 'withdraw' | 'orientation';

/** What went wrong with the last form post, shown next to that form. */
export interface ActionFailure {
  action: MemberAction;
  side?: Side | undefined;
  message: string;
  /** A field the message belongs to (the reason, the confirmation). */
  field?: string | undefined;
}

export interface StatusEventRow {
  id: string;
  side: Side;
  from_status: SideStatus | null;
  to_status: SideStatus;
  reason: string | null;
  actor_name: string | null;
  at: string;
}

export interface MemberRegistrationRow {
  id: string;
  starts_at: string;
  ends_at: string;
  venue: string;
  attended: 0 | 1 | null;
}

export type UpcomingSession = OrientationSession;

/** What suspending a side would touch (shown beside its suspend form). */
export interface SuspensionEffects {
  /** The requester's live requests that have not ended: suspension leaves them as they are. */
  requests: { id: string; startsAt: string; status: RequestStatus }[];
  /** The helper's offers waiting for her answer: suspension withdraws them. */
  offers: number;
  /** The helper's confirmed future activities: suspension puts them back on the board. */
  assignments: { id: string; startsAt: string }[];
}

export interface MemberDetailProps {
  ctx: ViewContext;
  member: MemberWithEmail;
  labels: MemberTypeLabels;
  areas: Area[];
  retentionYears: number;
  today: string;
  nowIso: string;
  childRows: Child[];
  contacts: EmergencyContact[];
  pickups: AuthorizedPickup[];
  registrations: MemberRegistrationRow[];
  upcoming: UpcomingSession[];
  events: StatusEventRow[];
  attendedOrientation: boolean;
  failure?: ActionFailure | undefined;
  values?: Record<string, string> | undefined;
  /** "Referred to" notes (views/pages/directory/referrals.tsx); omitted: no section. */
  referrals?: ReferralView[] | undefined;
  /** What suspending each side would touch; omitted: nothing listed. */
  affected?: SuspensionEffects | undefined;
}

/** "6歳" or "1歳6か月", from completed months. */
export function ageFromMonths(t: Translator, months: number): string {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  return rest === 0
    ? t('memberAdmin.age', { years })
    : t('memberAdmin.ageMonths', { years, months: rest });
}

const dateWithAge = (t: Translator, locale: Locale, birthDate: string, today: string) =>
  t('memberAdmin.dateWithAge', {
    date: plainDate(birthDate, locale),
    age: ageFromMonths(t, Math.max(0, ageInMonths(birthDate, today))),
  });

/** Reasons are free text, except the codes the system writes itself. */
function reasonText(t: Translator, reason: string | null): string {
  if (!reason) return '';
  return reason === 'aged_out' ? t('memberAdmin.history.aged_out') : reason;
}

const parseList = (json: string): unknown[] => {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? (v as unknown[]) : [];
  } catch {
    return [];
  }
};

function FailureAlert(props: { t: Translator; failure: ActionFailure | undefined }) {
  if (!props.failure || props.failure.field) return null;
  return (
    <div class="alert alert--error" role="alert">
      <p>
        <strong>{props.t('memberAdmin.actionFailed')}：</strong>
        {props.failure.message}
      </p>
    </div>
  );
}

export function MemberDetailPage(props: MemberDetailProps) {
  const { t, locale } = props.ctx;
  const { member, labels, failure } = props;
  const values = props.values ?? {};
  const failed = (action: MemberAction, side?: Side) =>
    failure && failure.action === action && (side === undefined || failure.side === side)
      ? failure
      : undefined;
  const fieldError = (action: MemberAction, field: string, side?: Side) => {
    const f = failed(action, side);
    return f && f.field === field ? f.message : undefined;
  };
  const sideLabel = (side: Side) => labels[side][locale];
  const memberNo = formatMemberNo(member.member_no);
  const pendingRegistration = props.registrations.find(
    (r) => r.ends_at > props.nowIso && r.attended === null,
  );

  return (
    <Layout ctx={props.ctx} title={member.name}>
      <StaffBackLink href="/members" label={t('memberAdmin.member.back')} />
      <header class="member-head">
        <h1>
          <span class="kana" lang="ja">
            {member.name_kana}
          </span>
          {member.name}
        </h1>
        <p class="member-head__meta">
          <span>
            {t('memberAdmin.field.memberNo')}：
            <strong>{memberNo ?? t('memberAdmin.noNumber')}</strong>
          </span>
          <span>{kindLabel(labels, member.kind, locale)}</span>
          <span>{areaName(props.areas, member.area, locale)}</span>
          <SideBadges t={t} labels={labels} locale={locale} member={member} />
        </p>
        {memberNo && !member.withdrawn_at && (
          <p>
            <a class="button button--secondary" href={`/members/${member.id}/card`}>
              {t('memberAdmin.member.card')}
            </a>
          </p>
        )}
        {member.requester_status !== null && (
          <p>
            <a href={`/members/${member.id}/eligibility`}>{t('subsidies.link')}</a>
          </p>
        )}
        {!member.withdrawn_at && (
          <form method="post" action={`/members/${member.id}/reset-code`} class="inline-form">
            <p class="hint" id="reset-code-hint">
              {t('memberAdmin.member.resetCodeHint')}
            </p>
            <button
              type="submit"
              class="button button--secondary"
              aria-describedby="reset-code-hint"
            >
              {t('memberAdmin.member.resetCode')}
            </button>
          </form>
        )}
      </header>

      {member.purged_at ? (
        <p class="alert alert--info">
          {t('memberAdmin.member.purgedNotice', { date: formatDate(member.purged_at, locale) })}
        </p>
      ) : (
        member.withdrawn_at && (
          <div class="alert alert--info">
            <p>
              {t('memberAdmin.member.withdrawnNotice', {
                date: formatDate(member.withdrawn_at, locale),
              })}
            </p>
            {member.withdrawal_reason && (
              <p>
                {t('memberAdmin.member.withdrawnReason', {
                  reason: reasonText(t, member.withdrawal_reason),
                })}
              </p>
            )}
          </div>
        )
      )}

      <FailureAlert t={t} failure={failure} />

      {!member.withdrawn_at && (
        <section aria-labelledby="status-title">
          <h2 id="status-title">{t('memberAdmin.member.statusTitle')}</h2>
          <div class="side-panels">
            {sidesOf(member).map(({ side, status }) => {
              const approvedAt =
                side === 'requester' ? member.requester_approved_at : member.helper_approved_at;
              const lastSuspension = props.events.find(
                (e) => e.side === side && e.to_status === 'suspended',
              );
              const needsOrientation = side === 'requester' && !props.attendedOrientation;
              return (
                <div class="card side-panel" id={`side-${side}`}>
                  <h3>
                    {sideLabel(side)}
                    <SideBadge t={t} labels={labels} locale={locale} side={side} status={status} />
                  </h3>
                  {approvedAt && (
                    <p>
                      {t('memberAdmin.member.approvedOn', { date: formatDate(approvedAt, locale) })}
                    </p>
                  )}
                  {side === 'requester' && props.attendedOrientation && (
                    <p>{t('memberAdmin.member.orientationAttended')}</p>
                  )}

                  {status === 'applied' && needsOrientation && (
                    <div class="rule-message" id={`approve-rule-${side}`}>
                      <p>
                        <strong>{t('rule.orientation_required')}</strong>
                      </p>
                      {pendingRegistration ? (
                        <p>
                          {sessionWhen(t, locale, pendingRegistration)}（{pendingRegistration.venue}
                          ）
                          <a href={`/orientations/${pendingRegistration.id}`}>
                            {t('memberAdmin.member.sheet')}
                          </a>
                        </p>
                      ) : (
                        <OrientationForm {...props} />
                      )}
                    </div>
                  )}
                  {status === 'applied' && !needsOrientation && (
                    <form method="post" action={`/members/${member.id}/approve`}>
                      <input type="hidden" name="side" value={side} />
                      <p class="hint" id={`approve-hint-${side}`}>
                        {t('memberAdmin.member.approveHint')}
                        {side === 'helper' && ` ${t('memberAdmin.member.helperApproveHint')}`}
                      </p>
                      {failed('approve', side) && (
                        <p class="field-error" role="alert">
                          {failed('approve', side)!.message}
                        </p>
                      )}
                      <button
                        type="submit"
                        class="button button--primary"
                        aria-describedby={`approve-hint-${side}`}
                      >
                        {t('memberAdmin.member.approve')}
                      </button>
                    </form>
                  )}

                  {status === 'suspended' && (
                    <>
                      {lastSuspension?.reason && (
                        <p>
                          {t('memberAdmin.member.suspendedBecause', {
                            reason: lastSuspension.reason,
                          })}
                        </p>
                      )}
                      <form method="post" action={`/members/${member.id}/reactivate`}>
                        <input type="hidden" name="side" value={side} />
                        {!approvedAt && (
                          <p class="hint">{t('memberAdmin.member.reactivateHint')}</p>
                        )}
                        <button type="submit" class="button button--primary">
                          {t('memberAdmin.member.reactivate')}
                        </button>
                      </form>
                    </>
                  )}

                  {(status === 'applied' || status === 'active') && (
                    <details class="disclosure" open={!!failed('suspend', side)}>
                      <summary>{t('memberAdmin.member.suspend')}</summary>
                      <SuspensionEffectList
                        t={t}
                        locale={locale}
                        side={side}
                        affected={props.affected}
                      />
                      <form method="post" action={`/members/${member.id}/suspend`} novalidate>
                        <input type="hidden" name="side" value={side} />
                        <TextareaField
                          t={t}
                          id={`suspend-reason-${side}`}
                          name="reason"
                          label={t('memberAdmin.member.suspendReason')}
                          hint={t('memberAdmin.member.suspendReasonHint')}
                          value={failed('suspend', side) ? values.reason : undefined}
                          error={fieldError('suspend', 'reason', side)}
                          required
                          maxlength={500}
                        />
                        <button type="submit" class="button button--danger">
                          {t('memberAdmin.member.suspendSubmit')}
                        </button>
                      </form>
                    </details>
                  )}
                </div>
              );
            })}
          </div>
        </section>
      )}

      <section aria-labelledby="details-title">
        <h2 id="details-title">{t('memberAdmin.member.details')}</h2>
        <dl class="info-list info-list--cols">
          <InfoRow
            t={t}
            label={t('memberAdmin.field.memberNo')}
            value={memberNo ?? t('memberAdmin.noNumber')}
          />
          <InfoRow t={t} label={t('memberAdmin.field.name')} value={member.name} />
          <InfoRow t={t} label={t('memberAdmin.field.nameKana')} value={member.name_kana} />
          <InfoRow
            t={t}
            label={t('memberAdmin.field.birthDate')}
            value={dateWithAge(t, locale, member.birth_date, props.today)}
          />
          <InfoRow t={t} label={t('memberAdmin.field.phone')} value={formatPhone(member.phone)} />
          <InfoRow t={t} label={t('memberAdmin.field.email')} value={member.email} />
          <InfoRow t={t} label={t('memberAdmin.field.postalCode')} value={member.postal_code} />
          <InfoRow t={t} label={t('memberAdmin.field.address')} value={member.address} />
          <InfoRow
            t={t}
            label={t('memberAdmin.field.area')}
            value={areaName(props.areas, member.area, locale)}
          />
          <InfoRow
            t={t}
            label={t('memberAdmin.field.registeredOn')}
            value={formatDate(member.created_at, locale)}
          />
          <div class="info-list__row">
            <dt>{t('memberAdmin.field.consent')}</dt>
            <dd>
              {t('memberAdmin.member.consentTerms', {
                version: member.consent_terms_version,
                date: formatDate(member.consent_terms_at, locale),
              })}
              <br />
              {member.consent_health_at && member.consent_health_version
                ? t('memberAdmin.member.consentHealth', {
                    version: member.consent_health_version,
                    date: formatDate(member.consent_health_at, locale),
                  })
                : t('memberAdmin.member.consentHealthNone')}
            </dd>
          </div>
        </dl>
      </section>

      {(member.kind !== 'helper' || props.childRows.length > 0) && (
        <section aria-labelledby="children-title">
          <h2 id="children-title">{t('memberAdmin.member.children')}</h2>
          {props.childRows.length === 0 ? (
            <p>{t('memberAdmin.member.noChildren')}</p>
          ) : (
            <>
              <p class="privacy-note">{t('memberAdmin.member.healthNotice')}</p>
              <ScrollTable
                labelledBy="children-title"
                head={[
                  t('memberAdmin.field.nameAndKana'),
                  t('memberAdmin.field.birthDate'),
                  t('memberAdmin.field.sex'),
                  t('memberAdmin.field.school'),
                  t('memberAdmin.field.allergies'),
                  t('memberAdmin.field.healthNotes'),
                  t('memberAdmin.field.familyDoctor'),
                ]}
              >
                {props.childRows.map((c) => (
                  <tr>
                    <th scope="row" class="name-cell">
                      {c.name}
                      <span class="kana" lang="ja">
                        {c.name_kana}
                      </span>
                    </th>
                    <td>{dateWithAge(t, locale, c.birth_date, props.today)}</td>
                    <td>{c.sex ? t(`memberAdmin.sex.${c.sex}`) : '—'}</td>
                    <td class="wrap">{c.school ?? '—'}</td>
                    <td class="wrap">{c.allergies ?? t('memberAdmin.none')}</td>
                    <td class="wrap">{c.health_notes ?? t('memberAdmin.none')}</td>
                    <td class="wrap">{c.family_doctor ?? '—'}</td>
                  </tr>
                ))}
              </ScrollTable>
            </>
          )}
        </section>
      )}

      <ContactsSection
        t={t}
        id="contacts-title"
        title={t('memberAdmin.member.emergencyContacts')}
        empty={t('memberAdmin.member.noEmergencyContacts')}
        rows={props.contacts}
        warning={
          member.kind !== 'helper' && !member.withdrawn_at && props.contacts.length < 2
            ? t('memberAdmin.member.fewEmergencyContacts')
            : undefined
        }
      />
      {(member.kind !== 'helper' || props.pickups.length > 0) && (
        <ContactsSection
          t={t}
          id="pickups-title"
          title={t('memberAdmin.member.pickups')}
          empty={t('memberAdmin.member.noPickups')}
          rows={props.pickups}
        />
      )}

      {(member.kind !== 'helper' || props.registrations.length > 0) && (
        <section aria-labelledby="orientations-title">
          <h2 id="orientations-title">{t('memberAdmin.member.orientations')}</h2>
          {props.registrations.length === 0 ? (
            <p>{t('memberAdmin.member.noOrientations')}</p>
          ) : (
            <div
              class="table-scroll"
              tabindex={0}
              role="region"
              aria-labelledby="orientations-title"
            >
              <DataTable
                head={[
                  t('memberAdmin.member.sessionDate'),
                  t('memberAdmin.member.venue'),
                  t('memberAdmin.member.attendance'),
                ]}
              >
                {props.registrations.map((r) => (
                  <tr>
                    <td>
                      <a href={`/orientations/${r.id}`}>{sessionWhen(t, locale, r)}</a>
                    </td>
                    <td class="wrap">{r.venue}</td>
                    <td>{attendanceText(t, r.attended)}</td>
                  </tr>
                ))}
              </DataTable>
            </div>
          )}
        </section>
      )}

      {member.helper_status !== null && <HelperProfile {...props} />}

      {props.referrals && (
        <ReferralsSection ctx={props.ctx} memberId={member.id} referrals={props.referrals} />
      )}

      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('memberAdmin.member.history')}</h2>
        {props.events.length === 0 ? (
          <p>{t('memberAdmin.history.none')}</p>
        ) : (
          <ScrollTable
            labelledBy="history-title"
            head={[
              t('memberAdmin.history.at'),
              t('memberAdmin.history.side'),
              t('memberAdmin.history.change'),
              t('memberAdmin.field.reason'),
              t('memberAdmin.history.actor'),
            ]}
          >
            {props.events.map((e) => (
              <tr>
                <td class="nowrap">{formatDateTime(e.at, locale)}</td>
                <td>{sideLabel(e.side)}</td>
                <td>
                  {t('memberAdmin.history.change.value', {
                    from: e.from_status
                      ? statusText(t, e.from_status)
                      : t('memberAdmin.history.new'),
                    to: statusText(t, e.to_status),
                  })}
                </td>
                <td class="wrap">{reasonText(t, e.reason) || '—'}</td>
                <td>{e.actor_name ?? '—'}</td>
              </tr>
            ))}
          </ScrollTable>
        )}
      </section>

      {!member.withdrawn_at && (
        <section aria-labelledby="withdraw-title" class="danger-zone">
          <h2 id="withdraw-title">{t('memberAdmin.member.withdraw')}</h2>
          <details class="disclosure" open={!!failed('withdraw')}>
            <summary>{t('memberAdmin.member.withdrawOpen')}</summary>
            <p>{t('memberAdmin.member.withdrawLead', { years: props.retentionYears })}</p>
            <form method="post" action={`/members/${member.id}/withdraw`} novalidate>
              <TextareaField
                t={t}
                id="withdraw-reason"
                name="reason"
                label={t('memberAdmin.member.withdrawReason')}
                value={failed('withdraw') ? values.reason : undefined}
                error={fieldError('withdraw', 'reason')}
                maxlength={500}
              />
              <Checkbox
                id="withdraw-confirm"
                checked={false}
                name="confirm"
                value="yes"
                label={t('memberAdmin.member.withdrawConfirm')}
                error={fieldError('withdraw', 'confirm')}
              />
              <button type="submit" class="button button--danger">
                {t('memberAdmin.member.withdrawSubmit')}
              </button>
            </form>
          </details>
        </section>
      )}
    </Layout>
  );
}

function OrientationForm(props: MemberDetailProps) {
  const { t, locale } = props.ctx;
  const open = props.upcoming.filter((o) => Number(o.registered ?? 0) < o.capacity);
  const error = props.failure?.action === 'orientation' ? props.failure.message : undefined;
  if (open.length === 0) {
    return (
      <p>
        {t('memberAdmin.member.noUpcomingOrientation')}{' '}
        <a href="/orientations#schedule-title">{t('memberAdmin.member.scheduleOrientation')}</a>
      </p>
    );
  }
  return (
    <form method="post" action={`/members/${props.member.id}/orientation`} class="inline-form">
      <FieldFrame
        t={t}
        id="orientation-session"
        label={t('memberAdmin.member.registerOrientation')}
        error={error}
      >
        <select
          id="orientation-session"
          name="orientationId"
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy('orientation-session', undefined, error)}
        >
          {open.map((o) => (
            <option value={o.id} selected={props.values?.orientationId === o.id}>
              {t('memberAdmin.member.spotsLeft', {
                date: sessionWhen(t, locale, o),
                venue: o.venue,
                spots: o.capacity - Number(o.registered ?? 0),
              })}
            </option>
          ))}
        </select>
      </FieldFrame>
      <button type="submit" class="button button--secondary">
        {t('memberAdmin.member.registerOrientation')}
      </button>
    </form>
  );
}

function ContactsSection(props: {
  t: Translator;
  id: string;
  title: string;
  empty: string;
  rows: { name: string; relation: string; phone: string }[];
  warning?: string | undefined;
}) {
  const { t } = props;
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.warning && <p class="alert alert--warning">{props.warning}</p>}
      {props.rows.length === 0 ? (
        <p>{props.empty}</p>
      ) : (
        <ScrollTable
          labelledBy={props.id}
          head={[
            t('memberAdmin.field.name'),
            t('memberAdmin.field.relation'),
            t('memberAdmin.field.phone'),
          ]}
        >
          {props.rows.map((r) => (
            <tr>
              <th scope="row">{r.name}</th>
              <td>{r.relation}</td>
              <td class="nowrap">{formatPhone(r.phone)}</td>
            </tr>
          ))}
        </ScrollTable>
      )}
    </section>
  );
}

function HelperProfile(props: MemberDetailProps) {
  const { t, locale } = props.ctx;
  const m = props.member;
  const areas = parseList(m.helper_areas).filter((a): a is string => typeof a === 'string');
  const categories = parseList(m.helper_categories).filter(
    (c): c is number => typeof c === 'number' && c >= 1 && c <= 12,
  );
  const months = (n: number | null) => (n === null ? '' : ageFromMonths(t, n));
  const ages =
    m.helper_child_age_min_months === null && m.helper_child_age_max_months === null
      ? t('memberAdmin.helper.any')
      : t('memberAdmin.helper.childAgesRange', {
          min: months(m.helper_child_age_min_months),
          max: months(m.helper_child_age_max_months),
        });
  const yesNo = (v: number) => (v === 1 ? t('memberAdmin.yes') : t('memberAdmin.no'));
  return (
    <section aria-labelledby="helper-title">
      <h2 id="helper-title">{t('memberAdmin.member.helperProfile')}</h2>
      <dl class="info-list info-list--cols">
        <InfoRow
          t={t}
          label={t('memberAdmin.helper.areas')}
          value={areas.map((a) => areaName(props.areas, a, locale)).join('、')}
        />
        <InfoRow
          t={t}
          label={t('memberAdmin.helper.categories')}
          value={categories.map((c) => categoryLabel(t, c)).join('、')}
        />
        <InfoRow t={t} label={t('memberAdmin.helper.childAges')} value={ages} />
        <InfoRow
          t={t}
          label={t('memberAdmin.helper.maxChildren')}
          value={t('memberAdmin.helper.maxChildrenValue', { n: m.helper_max_children })}
        />
        <InfoRow t={t} label={t('memberAdmin.helper.pets')} value={yesNo(m.helper_has_pets)} />
        <InfoRow
          t={t}
          label={t('memberAdmin.helper.smoker')}
          value={yesNo(m.helper_smoker_in_home)}
        />
        <InfoRow
          t={t}
          label={t('memberAdmin.helper.preschoolers')}
          value={yesNo(m.helper_preschoolers_at_home)}
        />
        <InfoRow t={t} label={t('memberAdmin.helper.notes')} value={m.helper_household_notes} />
      </dl>
    </section>
  );
}

/** Beside a suspend form: what suspending this side touches, so staff decide knowingly. */
function SuspensionEffectList(props: {
  t: Translator;
  locale: Locale;
  side: Side;
  affected: SuspensionEffects | undefined;
}) {
  const { t, locale, affected } = props;
  if (!affected) return null;
  if (props.side === 'requester') {
    if (affected.requests.length === 0) return null;
    return (
      <div class="suspend-effects">
        <p>{t('memberAdmin.member.suspendKeepsRequests', { count: affected.requests.length })}</p>
        <ul>
          {affected.requests.map((r) => (
            <li>
              <a href={`/coordination/requests/${r.id}`}>{formatDateTime(r.startsAt, locale)}</a>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  if (affected.offers === 0 && affected.assignments.length === 0) return null;
  return (
    <div class="suspend-effects">
      <p>
        {t('memberAdmin.member.suspendHelperEffects', {
          offers: affected.offers,
          assignments: affected.assignments.length,
        })}
      </p>
      {affected.assignments.length > 0 && (
        <ul>
          {affected.assignments.map((a) => (
            <li>
              <a href={`/coordination/requests/${a.id}`}>{formatDateTime(a.startsAt, locale)}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
