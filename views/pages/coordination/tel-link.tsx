export function TelLink(props: { phone: string | null | undefined }) {
  if (!props.phone) return null;
  return (
    <a class="coord-tel" href={`tel:${props.phone.replace(/[^\d+]/g, '')}`}>
      {props.phone}
    </a>
  );
}
