import type { Child } from 'hono/jsx';

/** Extra words for screen readers, so that repeated buttons say which row they act on. */
export function Hidden(props: { children?: Child }) {
  return <span class="visually-hidden">{props.children}</span>;
}
