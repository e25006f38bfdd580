/** safetyNumber: format, symmetry, pinned known answers (v1 and v2), and sensitivity to every input (T01, T27). */
import { hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { safetyNumber } from '../../../lib/sharing/identity/safety-number';
import { person } from '../fixtures';

describe('safetyNumber', () => {
  const alice = person('alice');
  const bob = person('bob');

  it('is 12 groups of 5 digits, the same on both sides', () => {
    const n = safetyNumber(alice, bob);
    expect(n).toMatch(/^\d{5}( \d{5}){11}$/);
    expect(safetyNumber(bob, alice)).toBe(n);
  });

  // Recomputed independently from the definition in lib/sharing/safety-number.ts with Python's hashlib.
  it('matches a committed known answer (the derivation is frozen: changing it breaks every verified contact)', () => {
    const a = { handle: 'alice', encryptionKey: hexToBytes('01'.repeat(32)), signingKey: hexToBytes('02'.repeat(32)) };
    const b = { handle: 'bob', encryptionKey: hexToBytes('03'.repeat(32)), signingKey: hexToBytes('04'.repeat(32)) };
    expect(safetyNumber(a, b)).toBe('59766 82575 66827 18328 44468 75697 91673 65457 83602 70894 33874 11819');
  });

  it('changes when either party shows another key or handle (a relay answering with its own key, T01)', () => {
    const n = safetyNumber(alice, bob);
    const relay = person('relay');
    expect(safetyNumber(alice, { ...bob, encryptionKey: relay.encryptionKey })).not.toBe(n);
    expect(safetyNumber(alice, { ...bob, signingKey: relay.signingKey })).not.toBe(n);
    expect(safetyNumber(alice, { ...relay, handle: 'bob' })).not.toBe(n);
    expect(safetyNumber(alice, { ...bob, handle: 'bob2' })).not.toBe(n);
    expect(safetyNumber({ ...alice, encryptionKey: relay.encryptionKey }, bob)).not.toBe(n);
    // Only one half changes: the other 30 digits still match, so a changed half is what the user sees.
    const swapped = safetyNumber(alice, { ...relay, handle: 'bob' });
    const halves = (s: string) => [s.replace(/ /g, '').slice(0, 30), s.replace(/ /g, '').slice(30)];
    expect(halves(swapped).filter((h) => halves(n).includes(h))).toHaveLength(1);
  });

  // v2 recomputed independently with Python's hashlib from the definition in lib/sharing/identity/safety-number.ts.
  it('v2 halves cover the X-Wing key: committed known answers for v2 × v1 and v2 × v2', () => {
    const a = { handle: 'alice', encryptionKey: hexToBytes('01'.repeat(32)), signingKey: hexToBytes('02'.repeat(32)) };
    const b = { handle: 'bob', encryptionKey: hexToBytes('03'.repeat(32)), signingKey: hexToBytes('04'.repeat(32)) };
    const a2 = { ...a, xwingKey: hexToBytes('05'.repeat(1216)) };
    const b2 = { ...b, xwingKey: hexToBytes('06'.repeat(1216)) };
    // Alice upgraded: her half changes, Bob's half (the last 30 digits here) stays.
    expect(safetyNumber(a2, b)).toBe('10747 69623 15481 28168 25285 77410 91673 65457 83602 70894 33874 11819');
    expect(safetyNumber(a2, b2)).toBe('10747 69623 15481 28168 25285 77410 54587 64060 27517 98200 76637 06783');
  });

  it('v2 changes with the X-Wing key alone (a relay swapping only the post-quantum key, T01/T27)', () => {
    const relay = person('relay');
    const n = safetyNumber(alice, bob);
    expect(safetyNumber(alice, { ...bob, xwingKey: relay.xwingKey! })).not.toBe(n);
    const { xwingKey: _dropped, ...bobV1 } = bob;
    expect(safetyNumber(alice, bobV1)).not.toBe(n);
  });
});
