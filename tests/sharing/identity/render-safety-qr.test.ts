/**
 * renderSafetyQr: the SVG holds exactly uqr's module matrix, and nothing but numbers and fixed markup,
 * whatever text is encoded (no markup injection into the page that shows it).
 */
import { encode } from 'uqr';
import { describe, expect, it } from 'vitest';
import { encodeContactCode } from '../../../lib/sharing/contacts/encode-contact-code';
import { renderSafetyQr } from '../../../lib/sharing/identity/render-safety-qr';
import { person } from '../fixtures';

const SHAPE =
  /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 (\d+) \1" shape-rendering="crispEdges"><rect width="\1" height="\1" fill="#fff"\/><path fill="#000" d="((?:M\d+ \d+h\d+v1h-\d+z)*)"\/><\/svg>$/;

/** Rebuilds the module grid from the path's runs. */
function gridOf(svg: string): boolean[][] {
  const [, size, path] = SHAPE.exec(svg)!;
  const n = Number(size);
  const grid = Array.from({ length: n }, () => new Array<boolean>(n).fill(false));
  for (const [, x, y, run, back] of path!.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)) {
    expect(back).toBe(run);
    for (let i = 0; i < Number(run); i++) grid[Number(y)]![Number(x) + i] = true;
  }
  return grid;
}

describe('renderSafetyQr', () => {
  it('draws exactly the QR matrix of the contact code', () => {
    const code = encodeContactCode(person('alice'));
    const svg = renderSafetyQr(code);
    expect(svg).toMatch(SHAPE);
    expect(gridOf(svg)).toEqual(encode(code, { ecc: 'M', border: 4 }).data);
  });

  it('never puts the encoded text, or anything but digits, into the SVG', () => {
    for (const text of ['<script>alert(1)</script>', '"/><img src=x onerror=alert(1)>', ']]>&amp;', 'sealpass:contact:v1:abc']) {
      const svg = renderSafetyQr(text);
      expect(svg).toMatch(SHAPE);
      expect(svg).not.toContain(text);
      expect(gridOf(svg)).toEqual(encode(text, { ecc: 'M', border: 4 }).data);
    }
  });
});
