import { describe, expect, it } from 'vitest';
import { encode } from 'uqr';
import { lineMessageUrl, qrPath } from '../../src/lib/qr.js';

describe('qrPath', () => {
  it('draws one square per dark module of the code, quiet zone included', () => {
    const url = 'https://line.me/R/ti/p/@tsunagu-center';
    const { size, d } = qrPath(url);
    const { data } = encode(url, { ecc: 'M', border: 2 });
    expect(size).toBe(data.length);
    // Version n has 17 + 4n modules a side, plus a 2-module quiet zone on each side.
    expect((size - 4 - 17) % 4).toBe(0);
    const squares = d.match(/M\d+ \d+h1v1h-1z/g) ?? [];
    expect(squares.join('')).toBe(d);
    expect(squares).toHaveLength(data.flat().filter(Boolean).length);
    // The quiet zone stays light.
    expect(data[0]!.some(Boolean)).toBe(false);
    expect(d).not.toMatch(/M[01] /);
  });
});

describe('lineMessageUrl', () => {
  it('opens the official account chat with the text typed in', () => {
    expect(lineMessageUrl('https://line.me/R/ti/p/@abc.12-x', 'ABCD-2345')).toBe(
      'https://line.me/R/oaMessage/@abc.12-x/?ABCD-2345',
    );
    expect(lineMessageUrl('https://line.me/R/ti/p/%40abc', 'A B')).toBe(
      'https://line.me/R/oaMessage/@abc/?A%20B',
    );
  });
  it('gives nothing for a link that does not name the account', () => {
    expect(lineMessageUrl('https://lin.ee/AbCdEf', 'ABCD-2345')).toBeUndefined();
    expect(lineMessageUrl('https://evil.example/R/ti/p/@abc', 'X')).toBeUndefined();
  });
});
