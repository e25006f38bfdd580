/** verifyMasterPassword: the right password passes, a wrong one is `wrong-password`, no vault is `no-vault`. */
import { describe, expect, it } from 'vitest';
import { VaultError } from '../../../lib/vault/model/vault-error';
import { createVault } from '../../../lib/vault/lifecycle/create-vault';
import { verifyMasterPassword } from '../../../lib/vault/lifecycle/verify-master-password';
import { KDF_TIMEOUT, newDb, PASSWORD } from '../fixtures';

const codeOf = (promise: Promise<unknown>) => promise.then(() => 'ok', (e: unknown) => (e instanceof VaultError ? e.code : String(e)));

describe('verifyMasterPassword', () => {
  it('accepts the master password and refuses any other', async () => {
    const db = newDb();
    await createVault(db, PASSWORD);
    expect(await codeOf(verifyMasterPassword(db, PASSWORD))).toBe('ok');
    expect(await codeOf(verifyMasterPassword(db, `${PASSWORD} `))).toBe('wrong-password');
  }, KDF_TIMEOUT);

  it('without a vault → no-vault', async () => {
    expect(await codeOf(verifyMasterPassword(newDb(), PASSWORD))).toBe('no-vault');
  });
});
