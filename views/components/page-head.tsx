/**
 * A list page's title with its one main action beside it (「新しいお知らせ」), shown only to
 * those who may take it: pass `action` only then.
 */
export function PageHead(props: {
  title: string;
  action?: { href: string; label: string } | false | undefined;
}) {
  return (
    <div class="page-head">
      <h1>{props.title}</h1>
      {props.action && (
        <a class="button button--primary" href={props.action.href}>
          {props.action.label}
        </a>
      )}
    </div>
  );
}
