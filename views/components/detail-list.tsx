import type { Child } from 'hono/jsx';

/**
 * Label / value rows (dt/dd), stacked on a phone. Rows with an empty value are left out;
 * `preLine` keeps the line breaks of free text (notes written in a textarea).
 */
export function DetailList(props: {
  rows: [string, Child | string | null | undefined][];
  class?: string;
  preLine?: boolean;
}) {
  return (
    <dl class={props.class ? `summary-list ${props.class}` : 'summary-list'}>
      {props.rows
        .filter(([, v]) => v !== null && v !== undefined && v !== '')
        .map(([label, value]) => (
          <div>
            <dt>{label}</dt>
            <dd class={props.preLine ? 'pre-line' : undefined}>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
