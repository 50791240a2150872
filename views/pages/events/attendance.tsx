import { TextField, type FormErrors } from '../../components/form-fields.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { formatMemberNo } from '../../../src/modules/members/members.json.js';
import { ActionAlert, eventWhen, type EventView } from './event-facts.js';
import { StaffBackLink } from '../../components/back-link.js';

export interface AttendanceRow {
  memberId: string;
  name: string;
  memberNo: number | null;
  status: 'registered' | 'waitlisted';
  waitlistPosition: number | null;
  children: number;
  attended: boolean | null;
}

/**
 * Staff: the attendance sheet of one event on one page. A checkbox per person (seats first,
 * then the waitlist), one button to save; signing someone up at the door by member number;
 * cancelling a registration (the next in line gets the seat).
 */
export function EventAttendancePage(props: {
  ctx: ViewContext;
  event: EventView;
  rows: AttendanceRow[];
  actionError?: string | undefined;
  memberNo?: string | undefined;
  errors?: FormErrors;
}) {
  const { t, locale } = props.ctx;
  const e = props.event;
  const title = t('events.attendance.title', { title: e.title });
  const seated = props.rows.filter((r) => r.status === 'registered');
  const recorded = props.rows.some((r) => r.attended !== null);
  const came = props.rows.filter((r) => r.attended === true).length;
  return (
    <Layout ctx={props.ctx} title={title}>
      <StaffBackLink href={`/events/${e.id}`} label={t('events.backToEvent')} />
      <h1>{title}</h1>
      <p class="cl-card__when">{eventWhen(t, locale, e)}</p>
      <ActionAlert title={t('events.actionFailed')} message={props.actionError} />
      <ul class="cl-summary">
        <li>{t('events.capacityLine', { registered: e.registered, capacity: e.capacity })}</li>
        <li>{t('events.waitlistLine', { count: e.waitlisted })}</li>
        {e.childcare && <li>{t('events.attendance.childrenTotal', { count: e.children })}</li>}
        {recorded && <li>{t('events.attendance.cameCount', { count: came })}</li>}
      </ul>
      {!e.started && <p class="alert alert--info">{t('events.attendance.notStarted')}</p>}

      <section aria-labelledby="sheet-title">
        <h2 id="sheet-title">{t('events.attendance.sheet')}</h2>
        {props.rows.length === 0 ? (
          <p>{t('events.attendance.nobody')}</p>
        ) : (
          <>
            <p>{t('events.attendance.lead')}</p>
            <div class="table-scroll" tabindex={0} role="region" aria-labelledby="sheet-title">
              <table class="table table--sheet cl-sheet">
                <thead>
                  <tr>
                    <th scope="col">{t('events.attendance.came')}</th>
                    <th scope="col">{t('events.attendance.name')}</th>
                    {e.childcare && <th scope="col">{t('events.attendance.children')}</th>}
                    <th scope="col">
                      <span class="visually-hidden">{t('events.attendance.cancel')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {props.rows.map((r) => {
                    const id = `came-${r.memberId}`;
                    return (
                      <tr>
                        <td class="check-cell">
                          <label class="checkbox" for={id}>
                            <input
                              type="checkbox"
                              id={id}
                              name={`came.${r.memberId}`}
                              value="1"
                              form="attendance-form"
                              checked={r.attended === true}
                            />
                            <span class="visually-hidden">
                              {t('events.attendance.checkbox', { name: r.name })}
                            </span>
                          </label>
                        </td>
                        <th scope="row" class="name-cell">
                          {r.name}
                          <span class="kana">
                            {r.memberNo !== null && `${formatMemberNo(r.memberNo)} `}
                            {r.status === 'registered'
                              ? t('events.attendance.seat')
                              : t('events.mine.waitlisted', { position: r.waitlistPosition ?? 1 })}
                          </span>
                        </th>
                        {e.childcare && <td class="num">{r.children}</td>}
                        <td>
                          <form method="post" action={`/events/${e.id}/registrations/cancel`}>
                            <input type="hidden" name="memberId" value={r.memberId} />
                            <button
                              type="submit"
                              class="button button--secondary"
                              aria-label={t('events.attendance.cancelFor', { name: r.name })}
                            >
                              {t('events.attendance.cancel')}
                            </button>
                          </form>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <form method="post" action={`/events/${e.id}/attendance`} id="attendance-form">
              <button type="submit" class="button button--primary">
                {t('events.attendance.save')}
              </button>
            </form>
            {seated.length < props.rows.length && (
              <p class="hint">{t('events.attendance.waitlistHint')}</p>
            )}
          </>
        )}
      </section>

      {!e.cancelled && (
        <section aria-labelledby="add-title">
          <h2 id="add-title">{t('events.attendance.add')}</h2>
          <form
            method="post"
            action={`/events/${e.id}/registrations`}
            class="inline-form"
            novalidate
          >
            <TextField
              t={t}
              name="memberNo"
              type="text"
              label={t('events.attendance.memberNo')}
              hint={t('events.attendance.memberNoHint')}
              value={props.memberNo}
              error={props.errors?.memberNo}
              required
            />
            <button type="submit" class="button button--secondary">
              {t('events.attendance.addSubmit')}
            </button>
          </form>
        </section>
      )}
    </Layout>
  );
}
