/**
 * A QR code (via uqr) as an SVG string for the contact code, to scan from another device. The SVG is
 * built from module coordinates only: the encoded text never appears in it, so inserting it into a page
 * cannot inject markup.
 */
import { encode } from 'uqr';

/**
 * Renders `text` as a QR code, error correction M, a 4-module quiet zone, one unit per module.
 * @param text - what to encode, e.g. the output of encodeContactCode
 * @returns `<svg …>` with a white square and one black path; size it with CSS
 * @throws Error from uqr when the text is too long for any QR version
 */
export function renderSafetyQr(text: string): string {
  const { data, size } = encode(text, { ecc: 'M', border: 4 });
  let path = '';
  data.forEach((row, y) => {
    for (let x = 0; x < size; x++) {
      if (!row[x]) continue;
      let run = 1;
      while (x + run < size && row[x + run]) run++;
      path += `M${x} ${y}h${run}v1h-${run}z`;
      x += run - 1;
    }
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges">` +
    `<rect width="${size}" height="${size}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`
  );
}
