import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { BackLink } from '../../components/back-link.js';
import { paren } from '../../format.js';
import { formatDate } from '../../../src/lib/dates.js';
import { whenText } from './request-text.js';
import type { ChecklistLine, DoctorNoteView } from './sick-care.js';

export type SickFormKind = 'request' | 'doctorNote' | 'proxy';

export interface SickFormProps {
  ctx: ViewContext;
  kind: SickFormKind;
  request: {
    id: string;
    startsAt: string;
    endsAt: string;
    place: string;
    parentName: string;
    childName: string;
    childBirthDate: string;
    helperName: string | null;
  };
  partners: { name: string; phone: string }[];
  requestCheck: ChecklistLine[] | null;
  note: DoctorNoteView | null;
  /** The day the form is printed (Tokyo): its 記入日. */
  today: string;
}

/** A row of the form's table: the label, then the value or a blank line to write on. */
function Row(props: { label: string; value?: string | null | undefined; tall?: boolean }) {
  return (
    <tr>
      <th scope="row">{props.label}</th>
      <td class={props.tall ? 'sick-doc__tall pre-line' : 'pre-line'}>{props.value ?? ''}</td>
    </tr>
  );
}

/**
 * 病児預かり依頼書 / 医師連絡票 / 代理受診委任状: one A4 page each, filled from the record in
 * the center's name (issue #20 point 4). The print rules hide the site around it.
 */
export function SickFormPage(props: SickFormProps) {
  const { ctx, kind, request: r, note } = props;
  const { t, locale } = ctx;
  const center = t('app.center');
  const title = t(`sickForm.${kind}.title`);
  const when = whenText(t, locale, r.startsAt, r.endsAt);
  const written = formatDate(props.today, locale);
  const colon = locale === 'ja' ? '：' : ': ';
  return (
    <Layout ctx={ctx} title={title}>
      <div class="no-print sick-doc-tools">
        <BackLink href={`/requests/${r.id}/sick-care`} label={t('sickForm.back')} />
        {/* Shown by print.js only when JavaScript runs; the browser's own Print works anyway. */}
        <button type="button" class="button button--primary" data-print hidden>
          {t('sickForm.print')}
        </button>
      </div>
      <article class="sick-doc" aria-labelledby="sick-doc-title">
        {kind !== 'doctorNote' && <p class="sick-doc__to">{t('sickForm.to', { center })}</p>}
        <h1 id="sick-doc-title" class="sick-doc__title">
          {title}
        </h1>
        <p class="sick-doc__lead">{t(`sickForm.${kind}.lead`)}</p>
        <table class="sick-doc__table">
          <tbody>
            <Row label={t('sickForm.child')} value={r.childName} />
            <Row label={t('sickForm.birthDate')} value={formatDate(r.childBirthDate, locale)} />
            <Row label={t('sickForm.parent')} value={r.parentName} />
            <Row label={t('sickForm.when')} value={when} />
            {kind === 'request' && (
              <>
                <Row label={t('sickForm.place')} value={r.place} />
                <Row
                  label={t('sickForm.helper')}
                  value={r.helperName ?? t('sickForm.helperNone')}
                />
                <Row
                  label={t('sickForm.partners')}
                  value={props.partners.map((p) => `${p.name}${paren(locale, p.phone)}`).join('\n')}
                />
                <Row
                  label={t('sickForm.checklist')}
                  value={(props.requestCheck ?? [])
                    .map((l) => `${l.label}${colon}${t(l.yes ? 'sick.yes' : 'sick.no')}`)
                    .join('\n')}
                />
              </>
            )}
            {kind === 'doctorNote' && (
              <>
                <Row label={t('sick.note.institution')} value={note?.institution} />
                <Row label={t('sick.note.doctorName')} value={note?.doctorName} />
                <Row
                  label={t('sick.note.seenOn')}
                  value={note ? formatDate(note.seenOn, locale) : ''}
                />
                <Row label={t('sick.note.diagnosis')} value={note?.diagnosis} />
                <Row
                  label={t('sick.note.condition')}
                  value={note ? t(`sick.condition.${note.condition}`) : ''}
                />
                <Row label={t('sick.note.instructions')} value={note?.instructions} tall />
              </>
            )}
            {kind === 'proxy' && (
              <>
                <Row
                  label={t('sickForm.helper')}
                  value={r.helperName ?? t('sickForm.helperNone')}
                />
                <Row label={t('sick.proxy.institution')} value={note?.proxy?.institution} />
                <Row label={t('sick.proxy.reason')} value={note?.proxy?.reason} tall />
              </>
            )}
          </tbody>
        </table>
        <dl class="sick-doc__sign">
          <div>
            <dt>{t('sickForm.written')}</dt>
            <dd>{written}</dd>
          </div>
          <div>
            <dt>
              {t(kind === 'doctorNote' ? 'sickForm.doctorSignature' : 'sickForm.parentSignature')}
            </dt>
            {/* A blank line to sign on. */}
            <dd class="sick-doc__line" />
          </div>
        </dl>
        <p class="sick-doc__issuer">{t('sickForm.issuer', { center })}</p>
      </article>
      <script src="/assets/print.js" defer></script>
    </Layout>
  );
}
