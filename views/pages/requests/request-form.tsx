import {
  ErrorSummary,
  type FormErrors,
  RadioGroup,
  TextareaField,
  TextField,
  fieldId,
  bindFields,
} from '../../components/form-fields.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { weekdayName } from './request-text.js';
import { BackLink } from '../../components/back-link.js';
import { RuleErrorAlert, RulesBox, type RulesView } from './rules-box.js';
import { ChecklistQuestion } from './sick-care.js';

export interface ChildChoice {
  id: string;
  name: string;
  age: string;
  /** Children outside the age range cannot be chosen (shown, but disabled). */
  eligible: boolean;
}

export interface RequestFormProps {
  ctx: ViewContext;
  childList: ChildChoice[];
  values: Record<string, string>;
  errors: FormErrors;
  rule?: { message: string; dates: string[]; field?: string | undefined } | undefined;
  rules: RulesView;
  /** The help categories that can be chosen (active ones, in order, with the center's names). */
  categories: { code: number; label: string; sickChild: boolean }[];
  /** The earliest date the date picker offers (tomorrow, Tokyo). */
  minDate: string;
  /** The center runs the sick-child and emergency programme (issue #20). */
  programmeOn?: boolean;
  /** Its exclusion checklist, answered with a sick-child request (in the page's language). */
  checklist?: { code: string; label: string }[];
}

export function NewRequestPage(props: RequestFormProps) {
  const { ctx, values, errors } = props;
  const { t, locale } = ctx;
  const labels: Record<string, string> = {
    childIds: t('req.form.children'),
    category: t('req.form.category'),
    date: t('req.form.date'),
    startTime: t('req.form.startTime'),
    endTime: t('req.form.endTime'),
    programme: t('req.programme'),
    endDate: t('req.endDate'),
    weekdays: t('req.form.weekdays'),
    until: t('req.form.until'),
    careLocation: t('req.form.location'),
    careLocationNote: t('req.form.locationNote'),
    pickup: t('req.form.pickup'),
    dropoff: t('req.form.dropoff'),
    notes: t('req.form.notes'),
  };
  const repeatOpen = Boolean(
    Object.keys(values).some((k) => k.startsWith('weekdays.')) ||
    values.until ||
    errors.weekdays ||
    errors.until,
  );
  const selectable = props.childList.filter((c) => c.eligible);
  const field = bindFields(t, values, errors);
  return (
    <Layout ctx={ctx} title={t('req.new.title')}>
      <BackLink href="/requests" label={t('req.backToList')} />
      <h1>{t('req.new.title')}</h1>
      <p>{t('req.new.lead')}</p>
      <RuleErrorAlert t={t} locale={locale} rule={props.rule} />
      {!props.rule && <ErrorSummary t={t} errors={errors} labels={labels} />}
      <RulesBox t={t} locale={locale} rules={props.rules} />
      {selectable.length === 0 ? (
        <div class="alert alert--info">
          <p>{t('req.new.noChildren')}</p>
          <p>
            <a href="/my/children/new">{t('req.new.addChild')}</a>
          </p>
        </div>
      ) : (
        <form method="post" action="/requests/new" class="member-form request-form" novalidate>
          <fieldset
            class={`form-section field choice-group${errors.childIds ? ' field--error' : ''}`}
            aria-describedby={errors.childIds ? `${fieldId('childIds')}-error` : undefined}
          >
            <legend>
              {t('req.form.children')}
              <span class="required">{t('form.required')}</span>
            </legend>
            <p class="hint">{t('req.form.childrenHint')}</p>
            {errors.childIds && (
              <p class="field-error" id={`${fieldId('childIds')}-error`}>
                {errors.childIds}
              </p>
            )}
            <div class="choices">
              {props.childList.map((c, i) => {
                const id = i === 0 ? fieldId('childIds') : `${fieldId('childIds')}-${c.id}`;
                return (
                  <div class="choice">
                    <input
                      type="checkbox"
                      id={id}
                      name={`childIds.${c.id}`}
                      value="yes"
                      checked={values[`childIds.${c.id}`] === 'yes'}
                      disabled={!c.eligible}
                      aria-describedby={c.eligible ? undefined : `${id}-hint`}
                    />
                    <label for={id}>
                      {t('req.form.childOption', { name: c.name, age: c.age })}
                    </label>
                    {!c.eligible && (
                      <p class="choice__hint" id={`${id}-hint`}>
                        {t('req.form.childNotEligible')}
                      </p>
                    )}
                  </div>
                );
              })}
            </div>
          </fieldset>

          <fieldset class="form-section">
            <legend>{t('req.form.whatLegend')}</legend>
            {props.programmeOn && (
              <RadioGroup
                {...field('programme')}
                legend={t('req.programme')}
                hint={t('req.programme.hint')}
                options={[
                  { value: '', label: t('req.programme.none') },
                  { value: 'sick', label: t('req.programme.sick') },
                  { value: 'emergency', label: t('req.programme.emergency') },
                ]}
              />
            )}
            {props.programmeOn && props.checklist && (
              <fieldset class="form-section req-checklist" aria-describedby="req-checklist-hint">
                <legend>{t('req.checklist')}</legend>
                <p class="hint" id="req-checklist-hint">
                  {t('req.checklistHint')}
                </p>
                {props.checklist.map((item) => (
                  <ChecklistQuestion field={field(`checklist.${item.code}`)} label={item.label} />
                ))}
              </fieldset>
            )}
            <RadioGroup
              {...field('category')}
              legend={t('req.form.category')}
              required
              options={props.categories.map((x) => ({
                value: String(x.code),
                label: x.label,
                ...(x.sickChild ? { hint: t('req.form.sickChildHint') } : {}),
              }))}
            />
          </fieldset>

          <fieldset class="form-section">
            <legend>{t('req.form.whenLegend')}</legend>
            <DateTimeInput
              name="date"
              type="date"
              label={t('req.form.date')}
              hint={t('req.form.dateHint')}
              required
              requiredText={t('form.required')}
              value={values.date}
              error={errors.date}
              min={props.minDate}
            />
            {/* Time errors sit above the pair, so both inputs stay side by side on a phone. */}
            {(errors.startTime || errors.endTime) && (
              <div class="req-times__errors field--error">
                {errors.startTime && (
                  <p class="field-error" id={`${fieldId('startTime')}-error`}>
                    {t('req.form.startTime')}：{errors.startTime}
                  </p>
                )}
                {errors.endTime && (
                  <p class="field-error" id={`${fieldId('endTime')}-error`}>
                    {t('req.form.endTime')}：{errors.endTime}
                  </p>
                )}
              </div>
            )}
            <div class="req-times">
              <DateTimeInput
                name="startTime"
                type="time"
                label={t('req.form.startTime')}
                required
                requiredText={t('form.required')}
                value={values.startTime}
                error={errors.startTime}
                errorShownAbove
              />
              <DateTimeInput
                name="endTime"
                type="time"
                label={t('req.form.endTime')}
                required
                requiredText={t('form.required')}
                value={values.endTime}
                error={errors.endTime}
                errorShownAbove
              />
            </div>
            <p class="hint">{t('req.form.timeHint')}</p>
            {props.programmeOn && (
              <DateTimeInput
                name="endDate"
                type="date"
                label={t('req.endDate')}
                hint={t('req.endDateHint')}
                requiredText={t('form.required')}
                value={values.endDate}
                error={errors.endDate}
                min={props.minDate}
              />
            )}

            <details class="req-repeat" open={repeatOpen}>
              <summary>{t('req.form.repeatSummary')}</summary>
              <p class="hint">{t('req.form.repeatLead')}</p>
              <fieldset
                class={`field choice-group${errors.weekdays ? ' field--error' : ''}`}
                aria-describedby={errors.weekdays ? `${fieldId('weekdays')}-error` : undefined}
              >
                <legend>{t('req.form.weekdays')}</legend>
                {errors.weekdays && (
                  <p class="field-error" id={`${fieldId('weekdays')}-error`}>
                    {errors.weekdays}
                  </p>
                )}
                <div class="choices choices--weekdays">
                  {[1, 2, 3, 4, 5, 6, 7].map((d, i) => {
                    const id = i === 0 ? fieldId('weekdays') : `${fieldId('weekdays')}-${d}`;
                    return (
                      <div class="choice">
                        <input
                          type="checkbox"
                          id={id}
                          name={`weekdays.${d}`}
                          value="yes"
                          checked={values[`weekdays.${d}`] === 'yes'}
                        />
                        <label for={id}>{weekdayName(t, d)}</label>
                      </div>
                    );
                  })}
                </div>
              </fieldset>
              <DateTimeInput
                name="until"
                type="date"
                label={t('req.form.until')}
                hint={t('req.form.untilHint')}
                value={values.until}
                error={errors.until}
                min={props.minDate}
              />
              <div class="field choice-single">
                <div class="choice">
                  <input
                    type="checkbox"
                    id={fieldId('skipHolidays')}
                    name="skipHolidays"
                    value="yes"
                    checked={values.skipHolidays === 'yes'}
                  />
                  <label for={fieldId('skipHolidays')}>{t('req.form.skipHolidays')}</label>
                </div>
              </div>
            </details>
          </fieldset>

          <fieldset class="form-section">
            <legend>{t('req.form.whereLegend')}</legend>
            <RadioGroup
              {...field('careLocation')}
              legend={t('req.form.location')}
              required
              options={(['helper_home', 'requester_home', 'other'] as const).map((l) => ({
                value: l,
                label: t(`req.location.${l}`),
                hint: t(`req.location.${l}.hint`),
              }))}
            />
            <TextField
              {...field('careLocationNote')}
              label={t('req.form.locationNote')}
              hint={t('req.form.locationNoteHint')}
              maxlength={200}
            />
            <TextField
              {...field('pickup')}
              label={t('req.form.pickup')}
              hint={t('req.form.pickupHint')}
              maxlength={200}
            />
            <TextField
              {...field('dropoff')}
              label={t('req.form.dropoff')}
              hint={t('req.form.dropoffHint')}
              maxlength={200}
            />
          </fieldset>

          <TextareaField
            {...field('notes')}
            label={t('req.form.notes')}
            hint={t('req.form.notesHint')}
            maxlength={2000}
            rows={4}
          />

          <p class="hint">{t('req.form.nextStepHint')}</p>
          <button type="submit" name="step" value="confirm" class="button button--primary">
            {t('req.form.toConfirm')}
          </button>
        </form>
      )}
    </Layout>
  );
}

/** A labelled date or time input (with `min`), its hint and error tied to it. */
function DateTimeInput(props: {
  name: string;
  type: 'date' | 'time';
  label: string;
  value?: string | undefined;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  requiredText?: string;
  min?: string;
  /** The error paragraph is rendered by the caller (above a pair of inputs). */
  errorShownAbove?: boolean;
}) {
  const id = fieldId(props.name);
  const describedBy =
    [props.hint && `${id}-hint`, props.error && `${id}-error`].filter(Boolean).join(' ') ||
    undefined;
  return (
    <div class={`field req-field--${props.type}${props.error ? ' field--error' : ''}`}>
      <label for={id}>
        {props.label}
        {props.required && <span class="required">{props.requiredText}</span>}
      </label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && !props.errorShownAbove && (
        <p class="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      )}
      <input
        id={id}
        name={props.name}
        type={props.type}
        value={props.value}
        min={props.min}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}

/** Shown instead of the form until the requester side is approved (or while it is suspended). */
export function RequesterNotActivePage(props: { ctx: ViewContext; status: string }) {
  const { t } = props.ctx;
  return (
    <Layout ctx={props.ctx} title={t('req.new.title')}>
      <h1>{t('req.new.title')}</h1>
      <div class="alert alert--info">
        <p>
          {props.status === 'suspended' ? t('req.new.suspended') : t('rule.requester_not_active')}
        </p>
        <p>
          <a href="/my">{t('req.new.toMy')}</a>
        </p>
      </div>
    </Layout>
  );
}
