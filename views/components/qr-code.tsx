import { qrPath } from '../../src/lib/qr.js';

/**
 * A QR code drawn server-side as inline SVG (no script, no image request). `label` names what
 * scanning it does, for screen readers; the link next to it is the same target for those who
 * read the page on the phone they would scan with.
 */
export function QrCode(props: { value: string; label: string }) {
  const { size, d } = qrPath(props.value);
  return (
    <svg
      class="qr-code"
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={props.label}
      shape-rendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
