import { MemberNameCell } from '../../components/member-name-cell.js';
import { ScrollTable } from '../../components/scroll-table.js';
import { formatPhone } from '../../format.js';
import {
  ErrorSummary,
  FieldFrame,
  describedBy,
  type FormErrors,
} from '../../components/form-fields.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { formatMemberNo } from '../../../src/modules/members/members.json.js';
import type { MemberTypeLabels } from '../../../src/modules/settings/settings.schemas.js';
import type { MemberKind, SideStatus } from '../../../db/schema.js';
import { SideBadges } from '../members/staff/side-status.js';
import { attendanceText, sessionWhen, type OrientationSession } from './session-text.js';
import { StaffBackLink } from '../../components/back-link.js';

export interface SheetRow {
  member_id: string;
  attended: 0 | 1 | null;
  attendance_recorded_at: string | null;
  member_no: number | null;
  name: string;
  name_kana: string;
  kind: MemberKind;
  phone: string;
  requester_status: SideStatus | null;
  helper_status: SideStatus | null;
}

export function AttendanceSheetPage(props: {
  ctx: ViewContext;
  session: OrientationSession & { notes: string | null };
  rows: SheetRow[];
  labels: MemberTypeLabels;
  /** Checked boxes to show again after a failed post; otherwise the saved attendance. */
  checked?: Set<string> | undefined;
  values: { walkIns?: string; member?: string };
  errors: FormErrors;
  started: boolean;
  ended: boolean;
}) {
  const { t, locale } = props.ctx;
  const { session, labels, errors } = props;
  const when = sessionWhen(t, locale, session);
  const isChecked = (r: SheetRow) =>
    props.checked ? props.checked.has(r.member_id) : r.attended === 1;
  const attendErrors: FormErrors = errors.walkIns ? { walkIns: errors.walkIns } : {};
  return (
    <Layout ctx={props.ctx} title={`${t('orientationAdmin.sheet.title')} ${when}`}>
      <StaffBackLink href="/orientations" label={t('orientationAdmin.sheet.back')} />
      <h1>{t('orientationAdmin.sheet.heading', { date: when })}</h1>
      <dl class="info-list info-list--compact">
        <div class="info-list__row">
          <dt>{t('orientationAdmin.venue')}</dt>
          <dd>{session.venue}</dd>
        </div>
        <div class="info-list__row">
          <dt>{t('orientationAdmin.registered')}</dt>
          <dd>
            {t('orientationAdmin.registeredValue', {
              registered: Number(session.registered ?? 0),
              capacity: session.capacity,
            })}
          </dd>
        </div>
        {session.notes && (
          <div class="info-list__row">
            <dt>{t('orientationAdmin.sheet.notes')}</dt>
            <dd>{session.notes}</dd>
          </div>
        )}
      </dl>

      <section aria-labelledby="sheet-title">
        <h2 id="sheet-title">{t('orientationAdmin.sheet.registrants')}</h2>
        {!props.started && <p class="alert alert--info">{t('orientationAdmin.sheet.future')}</p>}
        <ErrorSummary
          t={t}
          errors={attendErrors}
          labels={{ walkIns: t('orientationAdmin.sheet.walkIns') }}
        />
        <form method="post" action={`/orientations/${session.id}/attendance`} novalidate>
          {props.rows.length === 0 ? (
            <p>{t('orientationAdmin.sheet.none')}</p>
          ) : (
            <>
              <p id="sheet-lead">{t('orientationAdmin.sheet.lead')}</p>
              <ScrollTable
                labelledBy="sheet-title"
                class="table--sheet"
                head={[
                  t('orientationAdmin.sheet.attend'),
                  t('memberAdmin.field.nameAndKana'),
                  t('orientationAdmin.sheet.recorded'),
                  t('memberAdmin.field.status'),
                  t('memberAdmin.field.phone'),
                  t('orientationAdmin.sheet.next'),
                ]}
              >
                {props.rows.map((r) => (
                  <tr>
                    <td class="check-cell">
                      <label class="checkbox" for={`attended-${r.member_id}`}>
                        <input
                          type="checkbox"
                          id={`attended-${r.member_id}`}
                          name="attended"
                          value={r.member_id}
                          checked={isChecked(r)}
                        />
                        <span>
                          {t('orientationAdmin.sheet.attend')}
                          <span class="visually-hidden">
                            {`（${t('orientationAdmin.sheet.attendFor', { name: r.name })}）`}
                          </span>
                        </span>
                      </label>
                    </td>
                    <MemberNameCell id={r.member_id} name={r.name} nameKana={r.name_kana}>
                      {r.member_no !== null && (
                        <span class="kana">
                          {t('memberAdmin.field.memberNo')} {formatMemberNo(r.member_no)}
                        </span>
                      )}
                    </MemberNameCell>
                    <td class="nowrap">{attendanceText(t, r.attended)}</td>
                    <td>
                      <SideBadges t={t} labels={labels} locale={locale} member={r} />
                    </td>
                    <td class="nowrap">{formatPhone(r.phone)}</td>
                    <td>
                      {r.attended === 1 && r.requester_status === 'applied' && (
                        <a class="nowrap" href={`/members/${r.member_id}#side-requester`}>
                          {t('orientationAdmin.sheet.toApprove')}
                        </a>
                      )}
                    </td>
                  </tr>
                ))}
              </ScrollTable>
            </>
          )}
          <FieldFrame
            t={t}
            id="field-walkIns"
            label={t('orientationAdmin.sheet.walkIns')}
            hint={t('orientationAdmin.sheet.walkInsHint')}
            error={errors.walkIns}
          >
            <input
              id="field-walkIns"
              name="walkIns"
              type="text"
              value={props.values.walkIns ?? ''}
              maxlength={500}
              autocomplete="off"
              aria-invalid={errors.walkIns ? 'true' : undefined}
              aria-describedby={describedBy('field-walkIns', 'hint', errors.walkIns)}
            />
          </FieldFrame>
          <button type="submit" class="button button--primary">
            {t('orientationAdmin.sheet.submit')}
          </button>
        </form>
      </section>

      <section class="card" aria-labelledby="register-title">
        <h2 id="register-title">{t('orientationAdmin.sheet.register')}</h2>
        {props.ended ? (
          <p>{t('orientationAdmin.sheet.registerPast')}</p>
        ) : (
          <form
            method="post"
            action={`/orientations/${session.id}/registrations`}
            class="inline-form"
            novalidate
          >
            <FieldFrame
              t={t}
              id="field-member"
              label={t('orientationAdmin.sheet.registerField')}
              error={errors.member}
            >
              <input
                id="field-member"
                name="member"
                type="text"
                value={props.values.member ?? ''}
                maxlength={254}
                autocomplete="off"
                aria-invalid={errors.member ? 'true' : undefined}
                aria-describedby={describedBy('field-member', undefined, errors.member)}
              />
            </FieldFrame>
            <button type="submit" class="button button--secondary">
              {t('orientationAdmin.sheet.registerSubmit')}
            </button>
          </form>
        )}
      </section>
    </Layout>
  );
}
