/** safetyNumber: format, symmetry, a pinned known answer, and sensitivity to every input (T01). */
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
});
