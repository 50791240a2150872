import type { Child } from 'hono/jsx';
import { toneOf, type BadgeKind, type BadgeValue, type Tone } from './badge-tones.js';

/**
 * A word or two on a tinted, bordered badge. The words carry the meaning; the tone only repeats
 * it (never colour alone). `solid` is the louder variant, for what must be noticed (至急, 未読).
 */
export function Badge(props: {
  tone?: Tone | undefined;
  solid?: boolean;
  /** Layout hooks of the page (margins, a larger size); never a colour. */
  class?: string | undefined;
  /** The domain value behind the words, for scripts and tests (`[data-status="open"]`). */
  status?: string | undefined;
  children: Child;
}) {
  const classes = ['badge'];
  if (props.tone && props.tone !== 'neutral') classes.push(`badge--${props.tone}`);
  if (props.solid) classes.push('badge--solid');
  if (props.class) classes.push(props.class);
  return (
    <span class={classes.join(' ')} data-status={props.status}>
      {props.children}
    </span>
  );
}

/**
 * A domain status (a request, an offer, a member's side, a training, a report…) as a badge. The
 * tone comes from the one map in badge-tones.ts; the words from the page, which knows who reads
 * them (a parent reads 受付済み where staff read 未決定).
 */
export function StatusBadge<K extends BadgeKind>(props: {
  kind: K;
  status: BadgeValue<K>;
  class?: string | undefined;
  children: Child;
}) {
  return (
    <Badge tone={toneOf(props.kind, props.status)} status={props.status} class={props.class}>
      {props.children}
    </Badge>
  );
}
