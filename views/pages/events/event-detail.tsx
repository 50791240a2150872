import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { SelectField } from '../../components/form-fields.js';
import { Markdown } from '../announcements/markdown.js';
import {
  ActionAlert,
  audienceLabel,
  EventBadges,
  eventWhen,
  kindLabel,
  seatsLeftOf,
  type EventView,
} from './event-facts.js';
import { StaffBackLink } from '../../components/back-link.js';

/** Who looks: an applicant (every side awaiting approval) sees the event but signs up for none. */
export type Registrant = 'anonymous' | 'staff' | 'member' | 'inactive' | 'applicant';

/**
 * One event: when, where, for whom, the description, and the viewer's registration (sign up,
 * the waitlist, cancel). Links to the calendar file and the printable flyer. Staff also get
 * the attendance sheet, editing and calling the event off.
 */
export function EventDetailPage(props: {
  ctx: ViewContext;
  event: EventView;
  registrant: Registrant;
  maxChildren: number;
  actionError?: string | undefined;
  children?: string | undefined;
}) {
  const { t, locale } = props.ctx;
  const e = props.event;
  return (
    <Layout ctx={props.ctx} title={e.title}>
      <StaffBackLink href="/events" label={t('events.back')} />
      <h1>{e.title}</h1>
      <EventBadges t={t} event={e} />
      <ActionAlert title={t('events.actionFailed')} message={props.actionError} />
      {e.cancelled && (
        <div class="alert alert--warning" role="status">
          <p>{t('events.cancelledLead')}</p>
        </div>
      )}
      <dl class="info-list info-list--cols cl-facts">
        <div class="info-list__row">
          <dt>{t('events.field.when')}</dt>
          <dd>{eventWhen(t, locale, e)}</dd>
        </div>
        <div class="info-list__row">
          <dt>{t('events.field.venue')}</dt>
          <dd>{e.venue}</dd>
        </div>
        <div class="info-list__row">
          <dt>{t('events.field.kind')}</dt>
          <dd>{kindLabel(t, e.kind)}</dd>
        </div>
        <div class="info-list__row">
          <dt>{t('events.field.audience')}</dt>
          <dd>{audienceLabel(t, e.audience)}</dd>
        </div>
        <div class="info-list__row">
          <dt>{t('events.field.capacity')}</dt>
          <dd>
            {t('events.capacityLine', { registered: e.registered, capacity: e.capacity })}
            {e.waitlisted > 0 && (
              <>
                <br />
                {t('events.waitlistLine', { count: e.waitlisted })}
              </>
            )}
          </dd>
        </div>
        <div class="info-list__row">
          <dt>{t('events.field.childcare')}</dt>
          <dd>{t(e.childcare ? 'events.childcare.yes' : 'events.childcare.no')}</dd>
        </div>
      </dl>

      <section aria-labelledby="apply-title" class="card cl-apply">
        <h2 id="apply-title">{t('events.apply')}</h2>
        <Registration {...props} />
      </section>

      {e.description && (
        <section aria-labelledby="about-title">
          <h2 id="about-title">{t('events.about')}</h2>
          <Markdown source={e.description} headingLevel={3} />
        </section>
      )}

      <ul class="plain-list cl-links">
        <li>
          <a href={`/events/${e.id}.ics`} download>
            {t('events.ics')}
          </a>
        </li>
        <li>
          <a href={`/events/${e.id}/flyer`}>{t('events.flyer')}</a>
        </li>
      </ul>

      {props.registrant === 'staff' && (
        <section aria-labelledby="staff-title">
          <h2 id="staff-title">{t('events.staffTools')}</h2>
          <p class="button-row">
            <a class="button button--primary" href={`/events/${e.id}/attendance`}>
              {t('events.attendanceLink')}
            </a>
            {!e.cancelled && (
              <a class="button button--secondary" href={`/events/${e.id}/edit`}>
                {t('events.edit')}
              </a>
            )}
          </p>
          {!e.cancelled && !e.ended && (
            <details class="disclosure cl-danger">
              <summary>{t('events.callOff')}</summary>
              <p>{t('events.callOffLead')}</p>
              <form method="post" action={`/events/${e.id}/call-off`}>
                <button type="submit" class="button button--danger">
                  {t('events.callOffSubmit')}
                </button>
              </form>
            </details>
          )}
        </section>
      )}
    </Layout>
  );
}

function Registration(props: Parameters<typeof EventDetailPage>[0]) {
  const { t } = props.ctx;
  const e = props.event;
  if (e.cancelled) return <p>{t('events.closed.cancelled')}</p>;
  if (props.registrant === 'anonymous') {
    return (
      <>
        <p>{t('events.loginToApply')}</p>
        <p>
          <a
            class="button button--primary"
            href={`/login?next=${encodeURIComponent(`/events/${e.id}`)}`}
          >
            {t('nav.login')}
          </a>
        </p>
        {e.audience === 'public' && <p class="hint">{t('events.phoneToApply')}</p>}
      </>
    );
  }
  if (props.registrant === 'staff') {
    return (
      <p>
        {t('events.staffApplyLead')}{' '}
        <a href={`/events/${e.id}/attendance`}>{t('events.attendanceLink')}</a>
      </p>
    );
  }
  if (props.registrant === 'inactive') return <p>{t('events.inactiveMember')}</p>;
  if (props.registrant === 'applicant') return <p>{t('events.applicantMember')}</p>;
  if (e.mine) {
    const status =
      e.mine.status === 'registered'
        ? t('events.mine.registeredLead')
        : t('events.mine.waitlistedLead', { position: e.mine.waitlistPosition ?? 1 });
    return (
      <>
        <p class="cl-status">
          <strong>{status}</strong>
          {e.childcare && e.mine.children > 0 && (
            <>
              <br />
              {t('events.mine.children', { count: e.mine.children })}
            </>
          )}
        </p>
        {e.started ? (
          <p>{t('events.cancelByPhone')}</p>
        ) : (
          <form method="post" action={`/events/${e.id}/withdraw`}>
            <button type="submit" class="button button--secondary">
              {t(e.mine.status === 'registered' ? 'events.cancelMine' : 'events.leaveWaitlist')}
            </button>
          </form>
        )}
      </>
    );
  }
  if (e.started) return <p>{t('events.closed.started')}</p>;
  const full = seatsLeftOf(e) === 0 || e.waitlisted > 0;
  return (
    <form method="post" action={`/events/${e.id}/register`} novalidate>
      <p>
        {full
          ? t('events.fullLead')
          : t('events.seatsLeft', { count: seatsLeftOf(e), capacity: e.capacity })}
      </p>
      {e.childcare && (
        <SelectField
          t={t}
          name="children"
          label={t('events.field.children')}
          hint={t('events.field.childrenHint')}
          value={props.children ?? '0'}
          options={Array.from({ length: props.maxChildren + 1 }, (_, n) => ({
            value: String(n),
            label: n === 0 ? t('events.children.none') : t('events.children.count', { count: n }),
          }))}
        />
      )}
      <button type="submit" class="button button--primary">
        {t(full ? 'events.joinWaitlist' : 'events.register')}
      </button>
    </form>
  );
}
