/** The way back from a page to the one it came from (マイページ, the list, the request). */
export function BackLink(props: { href: string; label: string }) {
  return (
    <p class="my-back-link">
      <a href={props.href}>{props.label}</a>
    </p>
  );
}

/** The way back on a staff page: a plain link above the heading (the settings, the list, the incident). */
export function StaffBackLink(props: { href: string; label: string }) {
  return (
    <p class="back-link">
      <a href={props.href}>{props.label}</a>
    </p>
  );
}
