import type { Child } from 'hono/jsx';

/** A member's row heading in a staff table: the name linking to the member page, the kana below. */
export function MemberNameCell(props: {
  id: string;
  name: string;
  nameKana: string;
  children?: Child;
}) {
  return (
    <th scope="row" class="name-cell">
      <a href={`/members/${props.id}`}>{props.name}</a>
      <span class="kana" lang="ja">
        {props.nameKana}
      </span>
      {props.children}
    </th>
  );
}
