import type { Child } from 'hono/jsx';
import {
  ActionError,
  ErrorSummary,
  SubmitButton,
  TextField,
  type FormErrors,
  type bindFields,
} from '../../components/form-fields.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';

/** The narrow card every sign-in and password page stands in, under its title. */
export function AuthCard(props: { ctx: ViewContext; title: string; children: Child }) {
  return (
    <Layout ctx={props.ctx} title={props.title}>
      <section class="card card--narrow">
        <h1>{props.title}</h1>
        {props.children}
      </section>
    </Layout>
  );
}

/**
 * A sign-in or password form: the alert when the action failed (`formError`), the summary of the
 * fields' errors, the fields the page gives and the submit button.
 */
export function AuthForm(props: {
  ctx: ViewContext;
  action: string;
  errors: FormErrors;
  labels: Record<string, string>;
  formError?: string | undefined;
  submit: string;
  children: Child;
}) {
  return (
    <>
      <ActionError message={props.formError} />
      <ErrorSummary t={props.ctx.t} errors={props.errors} labels={props.labels} />
      <form method="post" action={props.action} novalidate>
        {props.children}
        <SubmitButton>{props.submit}</SubmitButton>
      </form>
    </>
  );
}

/** The new password and its confirmation, as `bindFields` binds them on each form that sets one. */
export function NewPasswordFields(props: { field: ReturnType<typeof bindFields>; hint: string }) {
  return (
    <>
      <TextField
        {...props.field('newPassword')}
        type="password"
        hint={props.hint}
        autocomplete="new-password"
        required
      />
      <TextField
        {...props.field('confirmPassword')}
        type="password"
        autocomplete="new-password"
        required
      />
    </>
  );
}
