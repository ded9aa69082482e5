import { encode } from 'uqr';

/**
 * A QR code as one SVG path (a unit square per dark module), for a component to draw with its own
 * <svg>: no HTML string is ever put into the page. Error correction M (15 %) survives a projector's
 * glare and a phone held at an angle; the border is the standard four modules of quiet zone.
 */
export function qrPath(text: string): { size: number; path: string } {
  const qr = encode(text, { ecc: 'M', border: 4 });
  const parts: string[] = [];
  qr.data.forEach((row, y) => row.forEach((dark, x) => dark && parts.push(`M${x} ${y}h1v1h-1z`)));
  return { size: qr.size, path: parts.join('') };
}

/** The phone's join page and the address a code opens directly (the QR code's). */
export const joinAddress = (origin: string) => `${origin}/live`;
export const codeAddress = (origin: string, code: string) => `${origin}/live/${encodeURIComponent(code)}`;
