/** VaultError and the error schemas that cross the message boundary. */
import { describe, expect, it } from 'vitest';
import { errorCodeSchema, messageErrorSchema, VaultError } from '../../../lib/vault/model/vault-error';

describe('VaultError', () => {
  it('is an Error with a name, a code and a message', () => {
    const error = new VaultError('wrong-password', 'Wrong master password.');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('VaultError');
    expect(error.code).toBe('wrong-password');
    expect(error.message).toBe('Wrong master password.');
  });
});

describe('error schemas', () => {
  it('knows every code the vault uses', () => {
    expect(errorCodeSchema.options).toEqual(expect.arrayContaining(['locked', 'no-vault', 'vault-exists', 'wrong-password', 'weak-password', 'not-found', 'corrupted', 'invalid-request', 'forbidden', 'internal']));
  });

  it('refuses an unknown code or a missing message', () => {
    expect(messageErrorSchema.safeParse({ code: 'teapot', message: 'x' }).success).toBe(false);
    expect(messageErrorSchema.safeParse({ code: 'locked' }).success).toBe(false);
    expect(messageErrorSchema.parse({ code: 'locked', message: 'x' })).toEqual({ code: 'locked', message: 'x' });
  });
});
