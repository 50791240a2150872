import { formatPhone } from '../../format.js';
export function TelLink(props: { phone: string | null | undefined }) {
  if (!props.phone) return null;
  return (
    <a class="coord-tel" href={`tel:${props.phone.replace(/[^\d+]/g, '')}`}>
      {formatPhone(props.phone)}
    </a>
  );
}
