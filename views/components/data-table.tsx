import type { Child } from 'hono/jsx';

/** A column heading: its words, or its words and a class (`num` right-aligns figures). */
export type ColumnHead = Child | { label: Child; class: string };

const isClassed = (h: ColumnHead): h is { label: Child; class: string } =>
  typeof h === 'object' && h !== null && 'class' in h && 'label' in h;

/**
 * A table of rows under one row of column headings. The page gives the headings, the rows
 * (`<tr>`s) and, where it has them, a caption only screen readers hear (`captionId` names it for
 * an `aria-labelledby`) and footer rows (totals).
 */
export function DataTable(props: {
  /** Classes added to `table` (layout of one page). */
  class?: string;
  caption?: Child;
  captionId?: string;
  head: ColumnHead[];
  children: Child;
  foot?: Child;
}) {
  return (
    <table class={props.class ? `table ${props.class}` : 'table'}>
      {props.caption !== undefined && (
        <caption id={props.captionId} class="visually-hidden">
          {props.caption}
        </caption>
      )}
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
      {props.foot !== undefined && <tfoot>{props.foot}</tfoot>}
    </table>
  );
}
