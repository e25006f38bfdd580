/**
 * Export handlers through dispatchMessage on a real vault (Argon2id): the master password asked again,
 * the passphrase floor, audit events for both exports, the encrypted file restored into another vault, and
 * restore failures that write nothing and say which problem it was.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { asKey, type VaultKey } from '../../../lib/crypto/keys';
import { parseExportFile } from '../../../lib/export/parse-export-file';
import { createVault } from '../../../lib/vault/lifecycle/create-vault';
import { closeVault } from '../../../lib/vault/keys/unlocked-vault';
import { copyVault, KDF_TIMEOUT, loginInput, newDb, noteInput, pasteVault, PASSWORD, syntheticVault, T0, type VaultCopy } from '../../vault/fixtures';
import { MemoryKeyStore, ok, startService, type Service } from '../../vault-service/fakes';

const PASSPHRASE = 'orbit civil lumber amused';
const errorOf = (result: { ok: boolean; error?: { code: string; message: string } }) => (result.ok ? { code: 'ok', message: '' } : result.error!);

let template: VaultCopy;

beforeAll(async () => {
  const db = newDb();
  const vault = await createVault(db, PASSWORD, undefined, T0);
  template = await copyVault(db, vault);
  closeVault(vault);
}, KDF_TIMEOUT);

/** A real vault (its master password works) that is unlocked, with two items. */
async function exportingService(): Promise<Service> {
  const db = await pasteVault(template);
  const service = startService(db, { keyStore: MemoryKeyStore.holding({ vaultId: template.vaultId, vaultKey: asKey<VaultKey>(new Uint8Array(template.vaultKey)) }) });
  ok(await service.send('itemCreate', { item: loginInput({ title: 'GitHub', password: 'c0rrect-Horse-7', tags: ['code'], folder: 'Work' }) }));
  ok(await service.send('itemCreate', { item: noteInput({ title: 'Door codes', notes: 'Front 1234' }) }));
  return service;
}

/** An unlocked synthetic vault to restore into. */
async function restoringService(): Promise<Service> {
  const { db, vault } = await syntheticVault();
  const keyStore = MemoryKeyStore.holding(vault);
  closeVault(vault);
  return startService(db, { keyStore });
}

const auditTypes = async (service: Service) => ok(await service.send('auditList', {})).events.map((e) => [e.type, e.count]);

describe('exportEncrypted → exportRestore', () => {
  it('exports with the master password and a passphrase, is audited, and restores every item elsewhere', async () => {
    const source = await exportingService();
    source.clock.now = T0 + 1000;
    const file = ok(await source.send('exportEncrypted', { masterPassword: PASSWORD, passphrase: PASSPHRASE }));
    expect(file).toMatchObject({ fileName: 'sealpass-export-2023-11-14.json', itemCount: 2, skipped: 0 });
    expect(parseExportFile(file.fileText).header).toMatchObject({ createdAt: T0 + 1000, itemCount: 2 });
    expect(file.fileText).not.toMatch(/GitHub|c0rrect|Door codes/);
    expect((await auditTypes(source)).at(-1)).toEqual(['vault-exported-encrypted', 2]);

    const target = await restoringService();
    expect(ok(await target.send('exportRestore', { fileText: file.fileText, passphrase: PASSPHRASE }))).toMatchObject({ added: 2, skipped: 0, exportedAt: T0 + 1000 });
    const titles = ok(await target.send('itemList', {})).items.map((i) => (i.state === 'ok' ? i.title : '?')).sort();
    expect(titles).toEqual(['Door codes', 'GitHub']);
    // Restoring the same file again adds nothing.
    expect(ok(await target.send('exportRestore', { fileText: file.fileText, passphrase: PASSPHRASE }))).toMatchObject({ added: 0, skipped: 2 });
  }, KDF_TIMEOUT * 2);

  it('a wrong master password, or a passphrase under 12 characters, gives no file and no audit event', async () => {
    const source = await exportingService();
    const before = await auditTypes(source);
    expect(errorOf(await source.send('exportEncrypted', { masterPassword: 'not it', passphrase: PASSPHRASE })).code).toBe('wrong-password');
    expect(errorOf(await source.send('exportEncrypted', { masterPassword: PASSWORD, passphrase: 'short pass' }))).toEqual({
      code: 'weak-password', message: 'The export passphrase must have at least 12 characters.',
    });
    expect(await auditTypes(source)).toEqual(before);
  }, KDF_TIMEOUT * 2);

  it('restore failures name the problem and write nothing', async () => {
    const source = await exportingService();
    const { fileText } = ok(await source.send('exportEncrypted', { masterPassword: PASSWORD, passphrase: PASSPHRASE }));
    const target = await restoringService();
    ok(await target.send('itemCreate', { item: noteInput({ title: 'Mine' }) }));
    const before = await target.deps.db.items.toArray();

    expect(errorOf(await target.send('exportRestore', { fileText, passphrase: `${PASSPHRASE}x` }))).toEqual({ code: 'wrong-password', message: 'Wrong passphrase for this export.' });
    const json = JSON.parse(fileText) as Record<string, number>;
    const tampered = JSON.stringify({ ...json, itemCount: 1 });
    expect(errorOf(await target.send('exportRestore', { fileText: tampered, passphrase: PASSPHRASE }))).toMatchObject({ code: 'corrupted', message: expect.stringMatching(/changed after it was made/) });
    expect(errorOf(await target.send('exportRestore', { fileText: fileText.slice(0, 300), passphrase: PASSPHRASE }))).toMatchObject({ code: 'corrupted', message: expect.stringMatching(/incomplete or damaged/) });
    expect(errorOf(await target.send('exportRestore', { fileText: 'name,password\nx,y\n', passphrase: PASSPHRASE }))).toEqual({ code: 'invalid-request', message: 'This file is not a Sealpass export.' });
    expect(errorOf(await target.send('exportRestore', { fileText: JSON.stringify({ ...json, version: 9 }), passphrase: PASSPHRASE }))).toMatchObject({ code: 'invalid-request', message: expect.stringMatching(/format version/) });
    expect(await target.deps.db.items.toArray()).toEqual(before);
  }, KDF_TIMEOUT * 3);
});

describe('exportPlain', () => {
  it('needs the confirmation and the master password; the CSV holds the passwords and is audited', async () => {
    const source = await exportingService();
    expect(errorOf(await source.send('exportPlain', { masterPassword: PASSWORD, confirmed: false as true })).code).toBe('invalid-request');
    expect(errorOf(await source.send('exportPlain', { masterPassword: 'not it', confirmed: true })).code).toBe('wrong-password');
    const file = ok(await source.send('exportPlain', { masterPassword: PASSWORD, confirmed: true }));
    expect(file.fileName).toBe('sealpass-export-2023-11-14-UNENCRYPTED.csv');
    expect(file.fileText).toMatch(/^folder,favorite,type,name,/);
    expect(file.fileText).toContain('c0rrect-Horse-7');
    expect((await auditTypes(source)).filter(([type]) => type === 'vault-exported-plain')).toEqual([['vault-exported-plain', 2]]);
  }, KDF_TIMEOUT * 2);
});

describe('locked means locked', () => {
  it('every export message is refused while locked, before any password is checked', async () => {
    const service = await restoringService();
    ok(await service.send('vaultLock', {}));
    for (const result of [
      await service.send('exportEncrypted', { masterPassword: PASSWORD, passphrase: PASSPHRASE }),
      await service.send('exportPlain', { masterPassword: PASSWORD, confirmed: true }),
      await service.send('exportRestore', { fileText: '{}', passphrase: PASSPHRASE }),
    ]) expect(errorOf(result).code).toBe('locked');
  });
});
