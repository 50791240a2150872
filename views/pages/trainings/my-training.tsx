import { Badge } from '../../components/status-badge.js';
import {
  ActionError,
  ErrorSummary,
  SelectField,
  SubmitButton,
  type FormErrors,
  bindFields,
} from '../../components/form-fields.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { ButtonForm } from './button-form.js';
import { hoursText, moduleTitle, sessionWhen } from './training-text.js';
import { paren } from '../../format.js';
import { RecordsTable } from './records-table.js';
import { StatusCard } from './status-card.js';
import { RecordDetailsFields } from './record-details-fields.js';
import type {
  ModuleView,
  QualificationView,
  RecordView,
  SessionView,
} from '../../../src/modules/trainings/trainings.views.js';

export interface SubmitValues {
  moduleId?: string;
  completedOn?: string;
  source?: string;
  note?: string;
}

/** The helper's own page: where they stand, what to attend next, sign-up, records. */
export function MyTrainingPage(props: {
  ctx: ViewContext;
  /** null: the login has no member record; 'not_helper': a member without a helper side. */
  state: 'ok' | 'no_member' | 'not_helper';
  q?: QualificationView;
  sessions?: SessionView[];
  records?: RecordView[];
  modules?: ModuleView[];
  memberId?: string;
  today: string;
  values: SubmitValues;
  errors: FormErrors;
  actionError?: string | undefined;
}) {
  const { t } = props.ctx;
  return (
    <Layout ctx={props.ctx} title={t('training.my.title')}>
      <h1>{t('training.my.title')}</h1>
      <ActionError message={props.actionError} />
      {props.state === 'no_member' && <p class="card">{t('training.my.noMember')}</p>}
      {props.state === 'not_helper' && <p class="card">{t('training.my.notHelper')}</p>}
      {props.state === 'ok' && props.q && <HelperTraining {...props} q={props.q} />}
    </Layout>
  );
}

function HelperTraining(props: Parameters<typeof MyTrainingPage>[0] & { q: QualificationView }) {
  const { t, locale } = props.ctx;
  const { q } = props;
  const sessions = props.sessions ?? [];
  const missingIds = new Set(q.missing.map((m) => m.id));
  const mine = sessions.filter((x) => x.mine !== null);
  const needed = sessions.filter(
    (x) => x.mine === null && x.modules.some((m) => missingIds.has(m.id)),
  );
  const others = sessions.filter((x) => x.mine === null && !needed.includes(x));
  /** Where the helper stands for one missing module: signed up, waiting, or the next date. */
  const planFor = (m: ModuleView): string => {
    const covers = (x: SessionView) => x.modules.some((sm) => sm.id === m.id);
    const booked = mine.find(covers);
    if (booked?.mine?.status === 'enrolled')
      return t('training.my.enrolledFor', { date: sessionWhen(t, locale, booked) });
    if (booked?.mine?.status === 'waitlisted')
      return t('training.my.waitlistedFor', {
        date: sessionWhen(t, locale, booked),
        position: booked.mine.waitlistPosition ?? 1,
      });
    const next = sessions.find(covers);
    return next
      ? t('training.my.nextSession', { date: sessionWhen(t, locale, next), venue: next.venue })
      : t('training.my.noSessionYet');
  };
  const labels = {
    moduleId: t('training.field.module'),
    completedOn: t('training.field.completedOn'),
    source: t('training.field.source'),
    note: t('training.field.note'),
  };
  const field = bindFields(t, props.values, props.errors, labels);
  return (
    <>
      <p>{t('training.my.lead')}</p>
      <StatusCard ctx={props.ctx} q={q} headingId="status-title" />
      {q.basicCompletedOn && props.memberId && (
        <p>
          <a href={`/members/${props.memberId}/certificate`}>{t('training.my.certificate')}</a>
        </p>
      )}

      <section aria-labelledby="next-title">
        <h2 id="next-title">{t('training.my.next')}</h2>
        {q.missing.length === 0 ? (
          <p>{t('training.my.nothingMissing')}</p>
        ) : (
          <>
            {q.missing.some((m) => m.kind === 'followup') && <p>{t('training.followupAnyOne')}</p>}
            <ul class="training-list">
              {q.missing.map((m) => (
                <li>
                  <strong>{moduleTitle(locale, m)}</strong>
                  {paren(locale, hoursText(t, m.hours))}
                  <span class="training-sub">{planFor(m)}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t('training.my.sessions')}</h2>
        {sessions.length === 0 && <p>{t('training.my.noSessions')}</p>}
        {mine.length > 0 && (
          <>
            <h3>{t('training.my.groupMine')}</h3>
            <ul class="training-sessions">
              {mine.map((x) => (
                <SessionCard ctx={props.ctx} session={x} needed={missingIds} />
              ))}
            </ul>
          </>
        )}
        {needed.length > 0 && (
          <>
            <h3>{t('training.my.groupNeeded')}</h3>
            <ul class="training-sessions">
              {needed.map((x) => (
                <SessionCard ctx={props.ctx} session={x} needed={missingIds} />
              ))}
            </ul>
          </>
        )}
        {others.length > 0 && (
          // Sessions with nothing she needs now (follow-up, sick-child care…): folded away.
          <details class="training-more">
            <summary>
              <h3 class="training-more__title">
                {t('training.my.groupOther', { count: others.length })}
              </h3>
            </summary>
            <ul class="training-sessions">
              {others.map((x) => (
                <SessionCard ctx={props.ctx} session={x} needed={missingIds} />
              ))}
            </ul>
          </details>
        )}
      </section>

      <section aria-labelledby="records-title">
        <h2 id="records-title">{t('training.my.records')}</h2>
        <RecordsTable
          ctx={props.ctx}
          records={props.records ?? []}
          today={props.today}
          headingId="records-title"
        />
      </section>

      <section class="card" aria-labelledby="submit-title">
        <h2 id="submit-title">{t('training.my.submitTitle')}</h2>
        <p>{t('training.my.submitLead')}</p>
        <ErrorSummary t={t} errors={props.errors} labels={labels} />
        <form method="post" action="/training/records" novalidate>
          <SelectField
            {...field('moduleId')}
            required
            options={[
              { value: '', label: '—' },
              ...(props.modules ?? []).map((m) => ({
                value: m.id,
                label: moduleTitle(locale, m),
              })),
            ]}
          />
          <RecordDetailsFields t={t} values={props.values} errors={props.errors} />
          <SubmitButton>{t('training.my.submit')}</SubmitButton>
        </form>
      </section>
    </>
  );
}

function SessionCard(props: { ctx: ViewContext; session: SessionView; needed: Set<string> }) {
  const { t, locale } = props.ctx;
  const s = props.session;
  const seatsLeft = Math.max(0, s.capacity - s.enrolled);
  const headingId = `session-${s.id}`;
  const stateId = `session-${s.id}-state`;
  // Mark the modules she needs only when the session mixes them with others.
  const neededHere = s.modules.filter((m) => props.needed.has(m.id)).length;
  const markNeeded = neededHere > 0 && neededHere < s.modules.length;
  return (
    <li class="card training-session">
      <h4 id={headingId}>{sessionWhen(t, locale, s)}</h4>
      <p class="training-sub">
        {t('training.session.venue', { venue: s.venue })}
        {s.instructor && (
          <>
            <br />
            {t('training.session.instructor', { name: s.instructor })}
          </>
        )}
      </p>
      <p class="training-sub">{t('training.session.modules')}</p>
      <ul class="training-list training-list--compact">
        {s.modules.map((m) => (
          <li>
            {moduleTitle(locale, m)}
            {paren(locale, hoursText(t, m.hours))}
            {markNeeded && props.needed.has(m.id) && (
              <Badge tone="info" class="badge--after">
                {t('training.session.needed')}
              </Badge>
            )}
          </li>
        ))}
      </ul>
      {s.notes && <p class="training-sub">{s.notes}</p>}
      <p id={stateId} class={s.mine ? 'training-mine' : undefined}>
        {s.mine?.status === 'enrolled'
          ? t('training.session.youAreEnrolled')
          : s.mine?.status === 'waitlisted'
            ? t('training.session.youAreWaitlisted', { position: s.mine.waitlistPosition ?? 1 })
            : seatsLeft > 0
              ? t('training.session.seatsLeft', { count: seatsLeft, capacity: s.capacity })
              : t('training.session.full', { capacity: s.capacity })}
      </p>
      {s.mine ? (
        <ButtonForm
          action={`/training/sessions/${s.id}/cancel`}
          label={t('training.session.cancel')}
          secondary
          describedBy={headingId}
        />
      ) : (
        <ButtonForm
          action={`/training/sessions/${s.id}/enroll`}
          label={
            seatsLeft > 0 ? t('training.session.enroll') : t('training.session.enrollWaitlist')
          }
          describedBy={headingId}
        />
      )}
    </li>
  );
}
