/** passwordSha1: SHA-1 (FIPS 180-4) of the UTF-8 bytes as upper-case hex, the form HIBP publishes; values from Python's hashlib. */
import { describe, expect, it } from 'vitest';
import { passwordSha1 } from '../../../lib/vault/records/password-sha1';

describe('passwordSha1', () => {
  it.each([
    ['password', '5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8'],
    ['', 'DA39A3EE5E6B4B0D3255BFEF95601890AFD80709'],
    ['café', 'F424452A9673918C6F09B0CDD35B20BE8E6AE7D7'],
    ['P@ssw0rd', '21BD12DC183F740EE76F27B78EB39C8AD972A757'],
  ])('%j → %s', (password, hex) => {
    expect(passwordSha1(password)).toBe(hex);
  });

  it('does not normalise: NFD "café" is another password', () => {
    expect(passwordSha1('cafe\u0301')).not.toBe(passwordSha1('café'));
  });
});
