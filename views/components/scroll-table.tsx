import type { Child } from 'hono/jsx';
import { DataTable, type ColumnHead } from './data-table.js';

export type { ColumnHead };

/**
 * A table of rows that scrolls sideways on a phone instead of the page: the scrolling region is
 * focusable (keyboard users can scroll it) and named by the heading `labelledBy` points to. The
 * page gives the column headings and the rows (`<tr>`s), and may give a caption only screen
 * readers hear (then `labelledBy` is its `captionId`).
 */
export function ScrollTable(props: {
  labelledBy: string;
  /** Classes added to `table` (layout of one page). */
  class?: string;
  caption?: Child;
  captionId?: string;
  head: ColumnHead[];
  children: Child;
}) {
  return (
    <div class="table-scroll" tabindex={0} role="region" aria-labelledby={props.labelledBy}>
      <DataTable
        class={props.class}
        caption={props.caption}
        captionId={props.captionId}
        head={props.head}
      >
        {props.children}
      </DataTable>
    </div>
  );
}
