/** ownSafetyCode: my half of every safety number, shown before any contact exists. */
import { describe, expect, it } from 'vitest';
import { ownSafetyCode } from '../../../lib/sharing/identity/own-safety-code';
import { safetyNumber } from '../../../lib/sharing/identity/safety-number';
import { person } from '../fixtures';

describe('ownSafetyCode', () => {
  it('is 6 groups of 5 digits and appears whole in every safety number with me', () => {
    const me = person('alice');
    const code = ownSafetyCode(me);
    expect(code).toMatch(/^\d{5}( \d{5}){5}$/);
    for (const other of [person('bob'), person('carol')]) {
      const digits = safetyNumber(me, other).replace(/ /g, '');
      expect([digits.slice(0, 30), digits.slice(30)]).toContain(code.replace(/ /g, ''));
    }
  });

  it('differs between identities', () => {
    expect(ownSafetyCode(person('alice'))).not.toBe(ownSafetyCode(person('alice')));
  });
});
