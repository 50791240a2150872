import type { Child } from 'hono/jsx';

/** A column heading: its words, or its words and a class (`num` right-aligns figures). */
export type ColumnHead = Child | { label: Child; class: string };

const isClassed = (h: ColumnHead): h is { label: Child; class: string } =>
  typeof h === 'object' && h !== null && 'class' in h && 'label' in h;

/**
 * A table of rows that scrolls sideways on a phone instead of the page: the scrolling region is
 * focusable (keyboard users can scroll it) and named by the heading `labelledBy` points to. The
 * page gives the column headings and the rows (`<tr>`s).
 */
export function ScrollTable(props: {
  labelledBy: string;
  /** Classes added to `table` (layout of one page). */
  class?: string;
  head: ColumnHead[];
  children: Child;
}) {
  return (
    <div class="table-scroll" tabindex={0} role="region" aria-labelledby={props.labelledBy}>
      <table class={props.class ? `table ${props.class}` : 'table'}>
        <thead>
          <tr>
            {props.head.map((h) =>
              isClassed(h) ? (
                <th scope="col" class={h.class}>
                  {h.label}
                </th>
              ) : (
                <th scope="col">{h}</th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}
