import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import type { Locale } from '../../../db/schema.js';
import { formatDate, tokyoTimeOf } from '../../../src/lib/dates.js';
import { BackToMy, RuleAlert } from '../../components/form-fields.js';
import { Badge, StatusBadge } from '../../components/status-badge.js';
import { attendanceOf } from '../../components/badge-tones.js';

export interface OrientationSession {
  id: string;
  startsAt: string;
  endsAt: string;
  venue: string;
  capacity: number;
  registered: number;
  notes: string | null;
  /** The member is registered for it. */
  mine: boolean;
}

export interface OwnRegistration {
  startsAt: string;
  endsAt: string;
  venue: string;
  attended: 0 | 1 | null;
}

/** "2026年12月5日(土) 10:00〜11:30" / "Sat, 5 Dec 2026 10:00–11:30" (Tokyo time). */
export function sessionWhen(startsAt: string, endsAt: string, locale: Locale) {
  const dash = locale === 'ja' ? '〜' : '–';
  return `${formatDate(startsAt, locale)} ${tokyoTimeOf(startsAt)}${dash}${tokyoTimeOf(endsAt)}`;
}

export function MyOrientationsPage(props: {
  ctx: ViewContext;
  sessions: OrientationSession[];
  registrations: OwnRegistration[];
  isRequester: boolean;
  ruleError?: string | undefined;
}) {
  const { ctx } = props;
  const { t, locale } = ctx;
  const colon = locale === 'ja' ? '：' : ': ';
  return (
    <Layout ctx={ctx} title={t('my.orientations.title')}>
      <BackToMy t={t} />
      <h1>{t('my.orientations.title')}</h1>
      <p>{t(props.isRequester ? 'my.orientations.lead' : 'my.orientations.helperLead')}</p>
      <RuleAlert title={t('apply.ruleTitle')} message={props.ruleError} />

      {props.registrations.length > 0 && (
        <section aria-labelledby="own-registrations-title">
          <h2 id="own-registrations-title">{t('my.orientations.mine')}</h2>
          <ul class="my-list">
            {props.registrations.map((r) => (
              <li class="card card--compact">
                <p class="session-when">{sessionWhen(r.startsAt, r.endsAt, locale)}</p>
                <p>
                  {t('my.orientations.venue')}
                  {colon}
                  {r.venue}
                </p>
                <p>
                  <StatusBadge kind="orientation" status={attendanceOf(r.attended)}>
                    {t(`my.orientations.${attendanceOf(r.attended)}`)}
                  </StatusBadge>
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="upcoming-title">
        <h2 id="upcoming-title">{t('my.orientations.upcoming')}</h2>
        {props.sessions.length === 0 ? (
          <p>{t('my.orientations.none')}</p>
        ) : (
          <ul class="my-list">
            {props.sessions.map((s) => {
              const left = Math.max(0, s.capacity - s.registered);
              const headingId = `session-${s.id}`;
              return (
                <li class="card card--compact">
                  <h3 id={headingId} class="session-when">
                    {sessionWhen(s.startsAt, s.endsAt, locale)}
                  </h3>
                  <p>
                    {t('my.orientations.venue')}
                    {colon}
                    {s.venue}
                  </p>
                  {s.notes && <p class="pre-line">{s.notes}</p>}
                  {s.mine ? (
                    <p>
                      <Badge tone="success">✓ {t('my.orientations.registered')}</Badge>
                    </p>
                  ) : left === 0 ? (
                    <p>
                      <Badge>{t('my.orientations.full')}</Badge>
                    </p>
                  ) : (
                    <>
                      <p>{t('my.orientations.seats', { left, capacity: s.capacity })}</p>
                      <form method="post" action={`/my/orientations/${s.id}/register`}>
                        <button
                          type="submit"
                          class="button button--primary"
                          aria-describedby={headingId}
                        >
                          {t('my.orientations.register')}
                        </button>
                      </form>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </Layout>
  );
}
