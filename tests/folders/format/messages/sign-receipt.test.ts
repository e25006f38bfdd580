import { describe, expect, it } from 'vitest';
import { toBase64 } from '../../../../lib/crypto/base64';
import { signReceiptStatement, verifyReceiptStatement } from '../../../../lib/folders/format/messages/sign-receipt';
import { fp, NOW, person } from '../folder-fixtures';

const carol = person('carol');
const bob = person('bob');
const statement = { folderId: 'AAECAwQFBgcICQoLDA0ODw', itemId: 'db', rev: 3, event: 'filled' as const, at: NOW, member: fp(carol) };

describe('receipt statements', () => {
  it('verify with the member’s key and no other', () => {
    const sig = signReceiptStatement(carol, statement);
    expect(verifyReceiptStatement(statement, sig, toBase64(carol.signingKey))).toBe(true);
    expect(verifyReceiptStatement(statement, sig, toBase64(bob.signingKey))).toBe(false);
  });

  it('fail for any changed field, a malformed statement or signature, and never throw', () => {
    const sig = signReceiptStatement(carol, statement);
    const key = toBase64(carol.signingKey);
    for (const changed of [{ rev: 4 }, { event: 'opened' }, { at: NOW + 1 }, { itemId: 'other' }, { folderId: 'AAECAwQFBgcICQoLDA0OEA' }]) {
      expect(verifyReceiptStatement({ ...statement, ...changed }, sig, key)).toBe(false);
    }
    expect(verifyReceiptStatement({ ...statement, extra: 1 }, sig, key)).toBe(false);
    expect(verifyReceiptStatement(statement, 'not base64', key)).toBe(false);
    expect(verifyReceiptStatement(statement, sig, 'AAAA')).toBe(false);
  });

  it('a member signs only statements about themself', () => {
    expect(() => signReceiptStatement(bob, statement)).toThrow(RangeError);
  });
});
