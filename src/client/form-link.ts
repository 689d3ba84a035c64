/**
 * The logging form's link in Log a run (rules §16), with a QR code to open it on a phone. The
 * code is drawn here, from the qrcode-generator package bundled into the page: the address goes
 * to no outside service.
 */
import qrcode from 'qrcode-generator';
import { el, fill, svg } from './dom';

/** The light margin round a QR code, in modules: the four the QR standard asks for readers to find it. */
const QUIET_ZONE = 4;

/**
 * The QR code of `text` as SVG: the dark modules as one path over a white square. Error
 * correction level M (15% of the code may be lost), the usual choice for a screen; the
 * smallest version that holds the text.
 */
export function qrCode(text: string, label: string): SVGElement {
  const code = qrcode(0, 'M');
  code.addData(text, 'Byte');
  code.make();
  const modules = code.getModuleCount();
  const size = modules + 2 * QUIET_ZONE;
  const path: string[] = [];
  for (let row = 0; row < modules; row++)
    for (let col = 0; col < modules; col++)
      if (code.isDark(row, col)) path.push(`M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`);
  return svg(
    'svg',
    {
      class: 'qr-code',
      viewBox: `0 0 ${size} ${size}`,
      role: 'img',
      'aria-label': label,
      'shape-rendering': 'crispEdges',
    },
    svg('rect', { width: size, height: size, fill: '#fff' }),
    svg('path', { d: path.join(''), fill: '#000' }),
  );
}

/**
 * Fills `section` with the form's link and its QR code; hides it when the spreadsheet has no
 * form. Only an https address, as FormApp gives it, becomes a link.
 */
export function renderFormLink(section: HTMLElement, url: string | null): void {
  let address: URL | null;
  try {
    address = url ? new URL(url) : null;
  } catch {
    address = null;
  }
  if (!address || address.protocol !== 'https:') {
    section.hidden = true;
    return;
  }
  const link = el('a', { target: '_blank', rel: 'noopener', id: 'form-link-url' }, 'the team’s logging form');
  link.href = address.href;
  fill(
    section,
    el('h2', { id: 'form-link-heading' }, 'On your phone'),
    el(
      'p',
      { class: 'hint' },
      'Scan the code with the phone’s camera to log runs away from this tab, or open ',
      link,
      '.',
    ),
    qrCode(address.href, 'QR code of the logging form’s address'),
  );
  section.hidden = false;
}
