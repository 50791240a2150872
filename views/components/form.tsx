import type { Child } from 'hono/jsx';
import type { Translator } from '../../src/lib/i18n.js';

export type FormErrors = Record<string, string>;

/** A list of the problems at the top of a form, each linking to its field. */
export function ErrorSummary(props: {
  t: Translator;
  errors: FormErrors;
  labels: Record<string, string>;
}) {
  const entries = Object.entries(props.errors);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">{props.t('form.errorSummary')}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li>
            <a href={`#field-${field}`}>
              {props.labels[field] ? `${props.labels[field]}: ${message}` : message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  t: Translator;
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'tel' | 'date' | 'time' | 'number';
  value?: string | undefined;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  autocomplete?: string;
  maxlength?: number;
}

/** A labelled input with its hint and error written next to it (and tied by aria-describedby). */
export function Field(props: FieldProps) {
  const id = `field-${props.name}`;
  const describedBy = [props.hint && `${id}-hint`, props.error && `${id}-error`]
    .filter(Boolean)
    .join(' ');
  return (
    <div class={props.error ? 'field field--error' : 'field'}>
      <label for={id}>
        {props.label}
        {props.required && <span class="required">{props.t('form.required')}</span>}
      </label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      )}
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.type === 'password' ? undefined : props.value}
        required={props.required}
        autocomplete={props.autocomplete}
        maxlength={props.maxlength}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      />
    </div>
  );
}

export function SelectField(props: {
  t: Translator;
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value?: string | undefined;
  error?: string | undefined;
  required?: boolean;
}) {
  const id = `field-${props.name}`;
  return (
    <div class={props.error ? 'field field--error' : 'field'}>
      <label for={id}>
        {props.label}
        {props.required && <span class="required">{props.t('form.required')}</span>}
      </label>
      {props.error && (
        <p class="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      )}
      <select
        id={id}
        name={props.name}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
      >
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function SubmitButton(props: { children: Child }) {
  return (
    <button type="submit" class="button button--primary">
      {props.children}
    </button>
  );
}
