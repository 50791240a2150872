import {
  ErrorSummary,
  type FormErrors,
  RadioGroup,
  TextareaField,
  TextField,
  bindFields,
} from '../../components/form-fields.js';
import { BackLink } from '../../components/back-link.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { formatDate, formatDateTime } from '../../../src/lib/dates.js';
import { whenText } from './request-text.js';

/** One checklist item as answered (or to be answered), in the page's language. */
export interface ChecklistLine {
  code: string;
  label: string;
  yes?: boolean;
}

/** The 医師連絡票 (and 代理受診委任状) as recorded. */
export interface DoctorNoteView {
  condition: 'sick' | 'recovering';
  doctorName: string;
  institution: string;
  seenOn: string;
  diagnosis: string;
  instructions: string;
  proxy: { institution: string; reason: string } | null;
}

/** One checklist question answered はい / いいえ (the request form and the handover). */
export function ChecklistQuestion(props: {
  field: ReturnType<ReturnType<typeof bindFields>>;
  label: string;
  required?: boolean;
}) {
  const { t } = props.field;
  return (
    <RadioGroup
      {...props.field}
      legend={props.label}
      inline
      required={props.required}
      options={[
        { value: 'yes', label: t('sick.yes') },
        { value: 'no', label: t('sick.no') },
      ]}
    />
  );
}

export interface SickCarePageProps {
  ctx: ViewContext;
  mode: 'requester' | 'helper' | 'staff';
  request: { id: string; startsAt: string; endsAt: string; childName: string };
  note: DoctorNoteView | null;
  requestCheck: ChecklistLine[] | null;
  handover: {
    answers: ChecklistLine[];
    temperature: number | null;
    state: string;
    at: string;
  } | null;
  refusals: { at: string; reasons: string }[];
  /** The family or staff may still record or correct the doctor's note. */
  canEditNote: boolean;
  /** The matched helper may record the handover now. */
  canHandover: boolean;
  /** The checklist to answer at handover. */
  checklist: ChecklistLine[];
  /** The form posted last (its values and errors), and a refused rule's message. */
  form?: { name: 'note' | 'handover'; values: Record<string, string>; errors: FormErrors };
  ruleMessage?: string | undefined;
}

function Answers(props: { t: ViewContext['t']; lines: ChecklistLine[] }) {
  return (
    <ul class="sick-answers">
      {props.lines.map((l) => (
        <li class={l.yes ? 'sick-answers__yes' : undefined}>
          <span>{l.label}</span>
          <strong>{props.t(l.yes ? 'sick.yes' : 'sick.no')}</strong>
        </li>
      ))}
    </ul>
  );
}

/**
 * 病児保育の記録: the checklist answered with the request, the 医師連絡票 (and 代理受診委任状),
 * the handover, and the printable forms (issue #20 points 3–4).
 */
export function SickCarePage(props: SickCarePageProps) {
  const { ctx, request: r, note } = props;
  const { t, locale } = ctx;
  const noteValues =
    props.form?.name === 'note'
      ? props.form.values
      : note
        ? {
            condition: note.condition,
            doctorName: note.doctorName,
            institution: note.institution,
            seenOn: note.seenOn,
            diagnosis: note.diagnosis,
            instructions: note.instructions,
            proxy: note.proxy ? 'yes' : '',
            proxyInstitution: note.proxy?.institution ?? '',
            proxyReason: note.proxy?.reason ?? '',
          }
        : {};
  const noteErrors = props.form?.name === 'note' ? props.form.errors : {};
  const handoverValues = props.form?.name === 'handover' ? props.form.values : {};
  const handoverErrors = props.form?.name === 'handover' ? props.form.errors : {};
  const noteLabels: Record<string, string> = {
    condition: t('sick.note.condition'),
    doctorName: t('sick.note.doctorName'),
    institution: t('sick.note.institution'),
    seenOn: t('sick.note.seenOn'),
    diagnosis: t('sick.note.diagnosis'),
    instructions: t('sick.note.instructions'),
    proxyInstitution: t('sick.proxy.institution'),
    proxyReason: t('sick.proxy.reason'),
  };
  const handoverLabels: Record<string, string> = {
    temperature: t('sick.handover.temperature'),
    childState: t('sick.handover.childState'),
    answers: t('req.checklist'),
  };
  const noteField = bindFields(t, noteValues, noteErrors, noteLabels);
  const handoverField = bindFields(t, handoverValues, handoverErrors, handoverLabels);
  const back = props.mode === 'staff' ? `/coordination/requests/${r.id}` : `/requests/${r.id}`;
  return (
    <Layout ctx={ctx} title={t('sick.title')}>
      <BackLink href={back} label={t('req.backToList')} />
      <h1>
        {t('sick.title')}
        <span class="heading-sub">
          {r.childName} ・ {whenText(t, locale, r.startsAt, r.endsAt)}
        </span>
      </h1>
      <p>{t('sick.lead')}</p>
      {props.ruleMessage && (
        <div class="alert alert--error" role="alert">
          <p>{props.ruleMessage}</p>
        </div>
      )}
      <ErrorSummary t={t} errors={noteErrors} labels={noteLabels} />
      <ErrorSummary t={t} errors={handoverErrors} labels={handoverLabels} />

      <section class="card" aria-labelledby="sick-request-check">
        <h2 id="sick-request-check">{t('sick.checklist.request')}</h2>
        {props.requestCheck ? (
          <Answers t={t} lines={props.requestCheck} />
        ) : (
          <p>{t('sick.checklist.none')}</p>
        )}
      </section>

      <section class="card" aria-labelledby="sick-note">
        <h2 id="sick-note">{t('sick.note.title')}</h2>
        {note ? (
          <dl class="sick-note">
            <dt>{t('sick.note.condition')}</dt>
            <dd>{t(`sick.condition.${note.condition}`)}</dd>
            <dt>{t('sick.note.doctorName')}</dt>
            <dd>{note.doctorName}</dd>
            <dt>{t('sick.note.institution')}</dt>
            <dd>{note.institution}</dd>
            <dt>{t('sick.note.seenOn')}</dt>
            <dd>{formatDate(note.seenOn, locale)}</dd>
            <dt>{t('sick.note.diagnosis')}</dt>
            <dd>{note.diagnosis}</dd>
            <dt>{t('sick.note.instructions')}</dt>
            <dd class="pre-line">{note.instructions}</dd>
            <dt>{t('sick.proxy.title')}</dt>
            <dd>
              {note.proxy
                ? `${note.proxy.institution}${locale === 'ja' ? '：' : ': '}${note.proxy.reason}`
                : t('sick.proxy.none')}
            </dd>
          </dl>
        ) : (
          <p>{t('sick.note.none')}</p>
        )}
        {props.canEditNote ? (
          <form
            method="post"
            action={`/requests/${r.id}/sick-care/doctor-note`}
            class="member-form"
            novalidate
          >
            <RadioGroup
              {...noteField('condition')}
              value={noteValues.condition || 'sick'}
              legend={t('sick.note.condition')}
              inline
              required
              options={[
                { value: 'sick', label: t('sick.condition.sick') },
                { value: 'recovering', label: t('sick.condition.recovering') },
              ]}
            />
            <TextField {...noteField('doctorName')} required />
            <TextField {...noteField('institution')} required />
            <TextField
              {...noteField('seenOn')}
              type="date"
              hint={t('sick.note.seenOnHint')}
              required
            />
            <TextField {...noteField('diagnosis')} required />
            <TextareaField {...noteField('instructions')} required rows={4} maxlength={1000} />
            <fieldset class="form-section">
              <legend>{t('sick.proxy.title')}</legend>
              <div class="choice">
                <input
                  type="checkbox"
                  id="field-proxy"
                  name="proxy"
                  value="yes"
                  checked={noteValues.proxy === 'yes'}
                />
                <label for="field-proxy">{t('sick.proxy.give')}</label>
              </div>
              <TextField {...noteField('proxyInstitution')} />
              <TextareaField {...noteField('proxyReason')} rows={2} maxlength={500} />
            </fieldset>
            <button type="submit" class="button button--primary">
              {t('sick.note.save')}
            </button>
          </form>
        ) : (
          note && props.handover && <p class="hint">{t('sick.note.locked')}</p>
        )}
      </section>

      <section class="card" aria-labelledby="sick-handover">
        <h2 id="sick-handover">{t('sick.handover.title')}</h2>
        {props.handover ? (
          <>
            <dl class="sick-note">
              <dt>{t('sick.handover.recordedAt')}</dt>
              <dd>{formatDateTime(props.handover.at, locale)}</dd>
              <dt>{t('sick.handover.temperature')}</dt>
              <dd>{props.handover.temperature?.toFixed(1)} ℃</dd>
              <dt>{t('sick.handover.childState')}</dt>
              <dd class="pre-line">{props.handover.state}</dd>
            </dl>
            <h3>{t('sick.checklist.handover')}</h3>
            <Answers t={t} lines={props.handover.answers} />
          </>
        ) : (
          <p>{t('sick.handover.none')}</p>
        )}
        {props.canHandover && (
          <form
            method="post"
            action={`/requests/${r.id}/sick-care/handover`}
            class="member-form"
            novalidate
          >
            <fieldset class="form-section" aria-describedby="sick-handover-hint">
              <legend>{t('req.checklist')}</legend>
              <p class="hint" id="sick-handover-hint">
                {t('req.checklistHint')}
              </p>
              {props.checklist.map((item) => (
                <ChecklistQuestion
                  field={handoverField(`checklist.${item.code}`)}
                  label={item.label}
                  required
                />
              ))}
            </fieldset>
            <TextField {...handoverField('temperature')} inputmode="numeric" required />
            <TextareaField {...handoverField('childState')} required rows={3} maxlength={1000} />
            <button type="submit" class="button button--primary">
              {t('sick.handover.save')}
            </button>
          </form>
        )}
        {props.refusals.length > 0 && (
          <>
            <h3>{t('sick.refusals.title')}</h3>
            <ul>
              {props.refusals.map((x) => (
                <li>
                  {formatDateTime(x.at, locale)}
                  {locale === 'ja' ? '：' : ': '}
                  {x.reasons}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section class="card" aria-labelledby="sick-forms">
        <h2 id="sick-forms">{t('sick.forms.title')}</h2>
        <ul class="sick-forms">
          <li>
            <a href={`/requests/${r.id}/sick-care/request-form`}>{t('sickForm.request.title')}</a>
          </li>
          <li>
            <a href={`/requests/${r.id}/sick-care/doctor-note-form`}>
              {t('sickForm.doctorNote.title')}
            </a>
          </li>
          <li>
            <a href={`/requests/${r.id}/sick-care/proxy-form`}>{t('sickForm.proxy.title')}</a>
          </li>
        </ul>
      </section>
    </Layout>
  );
}
