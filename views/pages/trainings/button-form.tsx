/** A plain form with only a submit button (enrol, cancel, load defaults…). */
export function ButtonForm(props: {
  action: string;
  label: string;
  secondary?: boolean;
  hidden?: Record<string, string>;
  describedBy?: string;
}) {
  return (
    <form method="post" action={props.action} class="training-inline-form">
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        class={props.secondary ? 'button button--secondary' : 'button button--primary'}
        aria-describedby={props.describedBy}
      >
        {props.label}
      </button>
    </form>
  );
}
