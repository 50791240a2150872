import type { Child } from 'hono/jsx';
import type { Translator } from '../../src/lib/i18n.js';

/**
 * The form controls of every page: each has a label (or a legend), its hint and error written
 * next to it and tied by aria-describedby, 44 px targets (app CSS), and what a parent on a phone
 * needs (`inputmode` for the right keyboard). A control's id is `field-<name>` unless a page
 * gives another (two forms on one page), so the error summary's links land on it.
 */

export type FormErrors = Record<string, string>;

/** A list of the problems at the top of a form, each linking to its field. */
export function ErrorSummary(props: {
  t: Translator;
  errors: FormErrors;
  labels: Record<string, string>;
  /** The id of a field's input, when not `field-<name>` (see TextField's `id`). */
  idOf?: (field: string) => string;
}) {
  const entries = Object.entries(props.errors);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">{props.t('form.errorSummary')}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li>
            <a href={`#${props.idOf ? props.idOf(field) : fieldId(field)}`}>
              {props.labels[field] ? `${props.labels[field]}: ${message}` : message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export const fieldId = (name: string) => `field-${name}`;

/**
 * What every field of one form repeats, bound once:
 * `const field = bindFields(t, values, errors, labels)`, then
 * `<TextField {...field('phone')} type="tel" required />`. A field's name, value, error and label
 * come from one key, so they cannot drift apart; a prop written after the spread wins (a label
 * not in `labels`, a value under another key).
 */
export function bindFields(
  t: Translator,
  values: object,
  errors: FormErrors,
  labels: Partial<Record<string, string>> = {},
) {
  const read = values as Record<string, unknown>;
  return (name: string) => {
    const value = read[name];
    return {
      t,
      name,
      label: labels[name] ?? name,
      value:
        typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined,
      error: errors[name],
    };
  };
}

/** The `aria-describedby` of a control: its hint's and its error's ids, those it has. */
export const describedBy = (id: string, hint?: string, error?: string) =>
  [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;

function Label(props: { t: Translator; for: string; required?: boolean; children: Child }) {
  return (
    <label for={props.for}>
      {props.children}
      {props.required && <span class="required">{props.t('form.required')}</span>}
    </label>
  );
}

function HintAndError(props: {
  id: string;
  hint?: string | undefined;
  error?: string | undefined;
}) {
  return (
    <>
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="field-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
    </>
  );
}

/**
 * A field's frame: its label, then its hint and error, then the control the page gives (a
 * control the kit has no component for: a file, a select of grouped facts, a textarea tied to
 * another form).
 */
export function FieldFrame(props: {
  t: Translator;
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean | undefined;
  size?: 'short' | 'tiny' | undefined;
  children: Child;
}) {
  const classes = ['field', props.error && 'field--error', props.size && `field--${props.size}`]
    .filter(Boolean)
    .join(' ');
  return (
    <div class={classes}>
      <Label t={props.t} for={props.id} required={props.required}>
        {props.label}
      </Label>
      <HintAndError id={props.id} hint={props.hint} error={props.error} />
      {props.children}
    </div>
  );
}

export interface TextFieldProps {
  t: Translator;
  name: string;
  /** Instead of `field-<name>`, when one page has several forms with this field. */
  id?: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'tel' | 'date' | 'time' | 'number';
  value?: string | undefined;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  autocomplete?: string;
  inputmode?: 'text' | 'tel' | 'email' | 'numeric';
  maxlength?: number;
  /** Narrow inputs for short values (postal code, numbers). */
  size?: 'short' | 'tiny';
}

export function TextField(props: TextFieldProps) {
  const id = props.id ?? fieldId(props.name);
  return (
    <FieldFrame {...props} id={id}>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        // NOTE: a password is never written back into a page.
        value={props.type === 'password' ? undefined : props.value}
        required={props.required}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        maxlength={props.maxlength}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
      />
    </FieldFrame>
  );
}

export function TextareaField(props: {
  t: Translator;
  name: string;
  /** Instead of `field-<name>`, when one page has several forms with this field. */
  id?: string;
  label: string;
  value?: string | undefined;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  rows?: number;
  maxlength?: number;
}) {
  const id = props.id ?? fieldId(props.name);
  return (
    <FieldFrame {...props} id={id}>
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 3}
        required={props.required}
        maxlength={props.maxlength}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
      >
        {props.value ?? ''}
      </textarea>
    </FieldFrame>
  );
}

export function SelectField(props: {
  t: Translator;
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value?: string | undefined;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  /** The text of an empty first option ("選んでください"). */
  placeholder?: string;
  autocomplete?: string;
}) {
  const id = fieldId(props.name);
  return (
    <FieldFrame {...props} id={id}>
      <select
        id={id}
        name={props.name}
        required={props.required}
        autocomplete={props.autocomplete}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
      >
        {props.placeholder !== undefined && (
          <option value="" selected={!props.value}>
            {props.placeholder}
          </option>
        )}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export interface ChoiceOption {
  value: string;
  label: string;
  hint?: string;
}

/**
 * Radio buttons in a fieldset whose legend is the question. The first radio carries the
 * field id (the error summary links to it).
 */
export function RadioGroup(props: {
  t: Translator;
  name: string;
  legend: string;
  options: ChoiceOption[];
  value?: string | undefined;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  inline?: boolean;
}) {
  const id = fieldId(props.name);
  const classes = ['field', 'choice-group', props.error && 'field--error']
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset class={classes} aria-describedby={describedBy(id, props.hint, props.error)}>
      <legend>
        {props.legend}
        {props.required && <span class="required">{props.t('form.required')}</span>}
      </legend>
      <HintAndError id={id} hint={props.hint} error={props.error} />
      <div class={props.inline ? 'choices choices--inline' : 'choices'}>
        {props.options.map((o, i) => {
          const optionId = i === 0 ? id : `${id}-${o.value || 'none'}`;
          return (
            <div class="choice">
              <input
                type="radio"
                id={optionId}
                name={props.name}
                value={o.value}
                checked={o.value === (props.value ?? '')}
                required={props.required}
                aria-describedby={o.hint ? `${optionId}-hint` : undefined}
              />
              <label for={optionId}>{o.label}</label>
              {o.hint && (
                <p class="choice__hint" id={`${optionId}-hint`}>
                  {o.hint}
                </p>
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/** One checkbox with its label on the right (an agreement, a yes/no fact). */
export function Checkbox(props: {
  name: string;
  id?: string;
  label: string;
  checked: boolean;
  value?: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  t?: Translator;
}) {
  const id = props.id ?? fieldId(props.name);
  return (
    <div class={props.error ? 'field field--error choice-single' : 'field choice-single'}>
      {props.error && (
        <p class="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      )}
      <div class="choice">
        <input
          type="checkbox"
          id={id}
          name={props.name}
          value={props.value ?? 'yes'}
          checked={props.checked}
          required={props.required}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={describedBy(id, props.hint, props.error)}
        />
        <label for={id}>
          {props.label}
          {props.required && props.t && <span class="required">{props.t('form.required')}</span>}
        </label>
        {props.hint && (
          <p class="choice__hint" id={`${id}-hint`}>
            {props.hint}
          </p>
        )}
      </div>
    </div>
  );
}

/**
 * Several checkboxes answering one question. Each box has its own name (`<group>.<value>`), so
 * the form reads back without JavaScript or repeated names; the group's id is on the first box.
 */
export function CheckboxGroup(props: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  checked: readonly string[] | ReadonlySet<string>;
  error?: string | undefined;
  hint?: string | undefined;
  columns?: boolean;
  required?: boolean;
  t?: Translator;
}) {
  const isChecked = (value: string) =>
    props.checked instanceof Set
      ? props.checked.has(value)
      : (props.checked as readonly string[]).includes(value);
  const id = fieldId(props.name);
  const classes = ['field', 'choice-group', props.error && 'field--error']
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset class={classes} aria-describedby={describedBy(id, props.hint, props.error)}>
      <legend>
        {props.legend}
        {props.required && props.t && <span class="required">{props.t('form.required')}</span>}
      </legend>
      <HintAndError id={id} hint={props.hint} error={props.error} />
      <div class={props.columns ? 'choices choices--columns' : 'choices'}>
        {props.options.map((o, i) => {
          const optionId = i === 0 ? id : `${id}-${o.value}`;
          return (
            <div class="choice">
              <input
                type="checkbox"
                id={optionId}
                name={`${props.name}.${o.value}`}
                value="yes"
                checked={isChecked(o.value)}
              />
              <label for={optionId}>{o.label}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

export function SubmitButton(props: { children: Child }) {
  return (
    <button type="submit" class="button button--primary">
      {props.children}
    </button>
  );
}

/** The alert at the top of a form when a rule (not a field) says no. */
export function RuleAlert(props: { title: string; message?: string | undefined }) {
  if (!props.message) return null;
  return (
    <div class="alert alert--error rule-alert" role="alert">
      <p class="rule-alert__title">{props.title}</p>
      <p>{props.message}</p>
    </div>
  );
}

/** An error from a refused action (409/422), shown at the top of the page it came back to. */
export function ActionError(props: { message: string | undefined }) {
  if (!props.message) return null;
  return (
    <p class="alert alert--error" role="alert">
      {props.message}
    </p>
  );
}

/** The way back to マイページ from each self-service page. */
export function BackToMy(props: { t: Translator }) {
  return (
    <p class="my-back-link">
      <a href="/my">{props.t('form.backToMy')}</a>
    </p>
  );
}
