import { ScrollTable } from '../../components/scroll-table.js';
import { ActionError, SelectField, SubmitButton } from '../../components/form-fields.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { formatDate } from '../../../src/lib/dates.js';
import { formatMemberNo } from '../../../src/modules/members/members.json.js';
import { hoursText, moduleTitle, sessionWhen } from './training-text.js';
import { paren } from '../../format.js';
import { TrainingSubnav } from './training-subnav.js';
import { Hidden } from '../../components/visually-hidden.js';
import type { SessionView } from '../../../src/modules/trainings/trainings.views.js';

export interface SheetRow {
  memberId: string;
  name: string;
  memberNo: number | null;
  state: 'enrolled' | 'waitlisted' | 'walk_in';
  waitlistPosition: number | null;
}

/**
 * Staff: one session. Who signed up (and the waitlist), signing a helper up, and the attendance
 * sheet: a table of the helpers × the session's modules, with one checkbox per cell.
 */
export function SessionPage(props: {
  ctx: ViewContext;
  session: SessionView;
  rows: SheetRow[];
  /** "memberId:moduleId" pairs already recorded. */
  attended: Set<string>;
  /** Helpers who can still be signed up. */
  candidates: { id: string; name: string; memberNo: number | null }[];
  canRecord: boolean;
  cancelled: boolean;
  pendingCount: number;
  actionError?: string | undefined;
}) {
  const { t, locale } = props.ctx;
  const s = props.session;
  const when = sessionWhen(t, locale, s);
  const title = t('training.session.title', { date: formatDate(s.startsAt, locale) });
  const totalHours = s.modules.reduce((n, m) => n + m.hours, 0);
  return (
    <Layout ctx={props.ctx} title={title}>
      <TrainingSubnav ctx={props.ctx} current="sessions" pendingCount={props.pendingCount} />
      <p>
        <a href="/training/sessions">{t('training.back.sessions')}</a>
      </p>
      <h1>{title}</h1>
      <ActionError message={props.actionError} />
      <section aria-labelledby="details-title">
        <h2 id="details-title" class="visually-hidden">
          {t('training.session.details')}
        </h2>
        <p>
          <strong>{when}</strong>
          <br />
          {t('training.session.venue', { venue: s.venue })}
          {s.instructor && (
            <>
              <br />
              {t('training.session.instructor', { name: s.instructor })}
            </>
          )}
          <br />
          {t('training.session.seats', { enrolled: s.enrolled, capacity: s.capacity })}
          {s.waitlisted > 0 && (
            <>
              <br />
              {t('training.session.waitlistCount', { count: s.waitlisted })}
            </>
          )}
        </p>
        <p class="training-sub">
          {t('training.session.modules')}
          {paren(locale, hoursText(t, totalHours))}
        </p>
        <ul class="training-list training-list--compact">
          {s.modules.map((m) => (
            <li>
              {moduleTitle(locale, m)}
              {paren(locale, hoursText(t, m.hours))}
            </li>
          ))}
        </ul>
        {s.notes && <p>{s.notes}</p>}
      </section>

      <section aria-labelledby="attendance-title">
        <h2 id="attendance-title">{t('training.attendance.title')}</h2>
        {props.cancelled ? (
          <p>{t('training.attendance.cancelledSession')}</p>
        ) : !props.canRecord ? (
          <p class="training-info">{t('training.attendance.notYet')}</p>
        ) : props.rows.length === 0 ? (
          <p>{t('training.attendance.nobody')}</p>
        ) : (
          <form method="post" action={`/training/sessions/${s.id}/attendance`}>
            <p>{t('training.attendance.lead')}</p>
            <div class="table-scroll" tabindex={0} role="region" aria-labelledby="attendance-title">
              <table class="table training-sheet">
                <thead>
                  <tr>
                    <th scope="col">{t('training.attendance.name')}</th>
                    {s.modules.map((m) => (
                      <th scope="col" class="training-sheet__module">
                        {moduleTitle(locale, m)}
                        <span class="training-sub">{hoursText(t, m.hours)}</span>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {props.rows.map((r) => (
                    <tr>
                      <th scope="row">
                        <input type="hidden" name={`member.${r.memberId}`} value="1" />
                        {r.name}
                        <span class="training-sub">{stateText(props.ctx, r)}</span>
                      </th>
                      {s.modules.map((m) => {
                        const id = `att-${r.memberId}-${m.id}`;
                        return (
                          <td class="training-sheet__cell">
                            <input
                              type="checkbox"
                              id={id}
                              name={`att.${r.memberId}.${m.id}`}
                              value="1"
                              checked={props.attended.has(`${r.memberId}:${m.id}`)}
                            />
                            <label for={id} class="visually-hidden">
                              {t('training.attendance.checkbox', {
                                name: r.name,
                                module: moduleTitle(locale, m),
                              })}
                            </label>
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <SubmitButton>{t('training.attendance.submit')}</SubmitButton>
          </form>
        )}
      </section>

      <section aria-labelledby="participants-title">
        <h2 id="participants-title">{t('training.session.participants')}</h2>
        {props.rows.length === 0 ? (
          <p>{t('training.session.noParticipants')}</p>
        ) : (
          <ScrollTable
            labelledBy="participants-title"
            head={[
              t('training.helpers.name'),
              t('training.helpers.memberNo'),
              t('training.helpers.status'),
              <Hidden>{t('training.session.cancelShort')}</Hidden>,
            ]}
          >
            {props.rows.map((r) => (
              <tr>
                <th scope="row">
                  <a href={`/training/helpers/${r.memberId}`}>{r.name}</a>
                </th>
                <td>{formatMemberNo(r.memberNo) ?? '—'}</td>
                <td>{stateText(props.ctx, r)}</td>
                <td>
                  {r.state !== 'walk_in' && !props.cancelled && (
                    <form
                      method="post"
                      action={`/training/sessions/${s.id}/enrollments/cancel`}
                      class="training-inline-form"
                    >
                      <input type="hidden" name="memberId" value={r.memberId} />
                      <button
                        type="submit"
                        class="button button--secondary"
                        aria-label={t('training.session.cancelFor', { name: r.name })}
                      >
                        {t('training.session.cancelShort')}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </ScrollTable>
        )}
        {!props.cancelled &&
          (props.candidates.length === 0 ? (
            <p>{t('training.session.addNone')}</p>
          ) : (
            <form
              method="post"
              action={`/training/sessions/${s.id}/enrollments`}
              class="card"
              aria-labelledby="add-title"
            >
              <h3 id="add-title">{t('training.session.add')}</h3>
              <SelectField
                t={t}
                name="memberId"
                label={t('training.field.member')}
                required
                options={props.candidates.map((c) => ({
                  value: c.id,
                  label:
                    c.memberNo === null
                      ? c.name
                      : `${c.name}${paren(locale, formatMemberNo(c.memberNo) ?? '')}`,
                }))}
              />
              <SubmitButton>{t('training.session.addSubmit')}</SubmitButton>
            </form>
          ))}
      </section>
    </Layout>
  );
}

function stateText(ctx: ViewContext, r: SheetRow): string {
  const { t } = ctx;
  if (r.state === 'enrolled') return t('training.session.stateEnrolled');
  if (r.state === 'waitlisted')
    return t('training.session.stateWaitlisted', { position: r.waitlistPosition ?? 1 });
  return t('training.session.walkIn');
}
