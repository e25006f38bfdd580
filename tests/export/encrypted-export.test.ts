/**
 * The encrypted Sealpass export: round trip through the passphrase path, the committed golden file (a format
 * change fails here on purpose), and every rejection with its own reason — wrong passphrase, a changed header
 * field, a weak or unknown KDF (refused before any derivation, S5/T10), a truncated file, a file of another
 * kind or version, swapped ciphertexts.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { deriveMasterKey } from '../../lib/crypto/derive-master-key';
import { createEncryptedExport } from '../../lib/export/create-encrypted-export';
import type { ExportKey } from '../../lib/crypto/keys';
import { ExportFileError, type ExportFileProblem } from '../../lib/export/export-file-error';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../../lib/export/export-file-schema';
import { openExport } from '../../lib/export/open-export';
import { parseExportFile } from '../../lib/export/parse-export-file';
import { readEncryptedExport } from '../../lib/export/read-encrypted-export';
import { sealExport } from '../../lib/export/seal-export';
import type { KdfParams } from '../../lib/crypto/kdf-params';
import { KDF_TIMEOUT, T0 } from '../vault/fixtures';
import { deriveTestKey, EXPORT_PASSPHRASE, FULL_LOGIN, FULL_NOTE } from './export-fixtures';

// Counts Argon2id runs, so "refused before any derivation" is checked, not assumed.
vi.mock('../../lib/crypto/derive-master-key', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../lib/crypto/derive-master-key')>();
  return { ...actual, deriveMasterKey: vi.fn(actual.deriveMasterKey) };
});
const derivations = () => vi.mocked(deriveMasterKey).mock.calls.length;

const GOLDEN_URL = new URL('../fixtures/export/golden-v1.sealpass.json', import.meta.url);

async function problemOf(promise: Promise<unknown> | (() => unknown)): Promise<ExportFileProblem | 'ok' | string> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
    return 'ok';
  } catch (error) {
    return error instanceof ExportFileError ? error.problem : `unexpected ${String(error)}`;
  }
}

/** The file as JSON, changed by `edit`, as text again. */
function edited(text: string, edit: (json: Record<string, any>) => void): string {
  const json = JSON.parse(text) as Record<string, any>;
  edit(json);
  return JSON.stringify(json);
}

let key: ExportKey;
let kdf: KdfParams;
let text: string;

beforeAll(async () => {
  ({ key, kdf } = await deriveTestKey());
  text = sealExport([FULL_LOGIN, FULL_NOTE], key, kdf, T0);
}, KDF_TIMEOUT);

const open = (fileText: string) => openExport(parseExportFile(fileText), key);

describe('encrypted export: round trip', () => {
  it('passphrase → file → passphrase gives every field back (history, times, rotation, custom fields, TOTP)', async () => {
    const file = await createEncryptedExport([FULL_LOGIN, FULL_NOTE], EXPORT_PASSPHRASE, T0 + 7);
    const { items, header } = await readEncryptedExport(file, EXPORT_PASSPHRASE);
    expect(items).toEqual([FULL_LOGIN, FULL_NOTE]);
    expect(header).toMatchObject({ createdAt: T0 + 7, itemCount: 2, kdf: { alg: 'argon2id', m: 65536, t: 3, p: 4 } });
  }, KDF_TIMEOUT);

  it('the header is readable without the passphrase and says what the file is, nothing more', () => {
    const json = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['format', 'version', 'exportId', 'createdAt', 'itemCount', 'kdf', 'check', 'payload']);
    expect(json).toMatchObject({ format: EXPORT_FORMAT, version: EXPORT_VERSION, createdAt: T0, itemCount: 2 });
    for (const secret of ['GitHub', 'alice@example.com', 'c0rrect-Horse-7', 'older-pw', 'github.com', 'Door codes', 'Work']) {
      expect(text).not.toContain(secret);
    }
  });

  it('every export has a fresh salt, id and nonces', async () => {
    const again = sealExport([FULL_LOGIN, FULL_NOTE], key, kdf, T0);
    const [a, b] = [JSON.parse(text), JSON.parse(again)] as Record<string, any>[];
    expect(a!.exportId).not.toBe(b!.exportId);
    expect(a!.payload.nonce).not.toBe(b!.payload.nonce);
    const other = await createEncryptedExport([], EXPORT_PASSPHRASE, T0);
    expect(JSON.parse(other).kdf.salt).not.toBe(a!.kdf.salt);
  }, KDF_TIMEOUT);

  it('an empty vault exports and reads back as empty', () => {
    expect(open(sealExport([], key, kdf, T0))).toEqual([]);
  });

  it('the committed golden v1 file still opens to the same items (format changes must fail here)', async () => {
    const golden = await readFile(GOLDEN_URL, 'utf8');
    const { items, header } = await readEncryptedExport(golden, EXPORT_PASSPHRASE);
    expect(items).toEqual([FULL_LOGIN, FULL_NOTE]);
    expect(header.createdAt).toBe(1_700_000_100_000);
  }, KDF_TIMEOUT);
});

describe('encrypted export: rejections, each with its own reason', () => {
  it('wrong passphrase', async () => {
    expect(await problemOf(readEncryptedExport(text, `${EXPORT_PASSPHRASE}!`))).toBe('wrong-passphrase');
    expect(new ExportFileError('wrong-passphrase').message).toBe('Wrong passphrase for this export.');
  }, KDF_TIMEOUT);

  it.each([
    ['createdAt', (j: Record<string, any>) => void (j.createdAt += 1)],
    ['itemCount', (j: Record<string, any>) => void (j.itemCount = 1)],
    ['exportId', (j: Record<string, any>) => void (j.exportId = 'f'.repeat(32))],
    ['payload ciphertext', (j: Record<string, any>) => void (j.payload.ct = flipFirstBit(j.payload.ct))],
    ['payload nonce', (j: Record<string, any>) => void (j.payload.nonce = flipFirstBit(j.payload.nonce))],
  ])('a changed %s with the right key → tampered', async (_field, edit) => {
    expect(await problemOf(() => open(edited(text, edit)))).toBe('tampered');
  });

  it('a stronger-looking KDF header (more passes) with the right passphrase → wrong passphrase: the parameters feed the key', async () => {
    const stronger = edited(text, (j) => void (j.kdf.t = 4));
    expect(await problemOf(readEncryptedExport(stronger, EXPORT_PASSPHRASE))).toBe('wrong-passphrase');
  }, KDF_TIMEOUT);

  it('the passphrase check of another export, or a check moved into the payload → rejected', async () => {
    const other = JSON.parse(sealExport([FULL_NOTE], key, kdf, T0)) as Record<string, any>;
    // Same key (same salt here), so the other file's check opens, but its payload belongs to another header.
    expect(await problemOf(() => open(edited(text, (j) => void (j.payload = other.payload))))).toBe('tampered');
    expect(await problemOf(() => open(edited(text, (j) => void (j.payload = j.check))))).toBe('tampered');
    expect(await problemOf(() => open(edited(text, (j) => void (j.check = j.payload))))).toBe('wrong-passphrase');
  });

  it.each([
    ['memory below the floor', (j: Record<string, any>) => void (j.kdf.m = 19 * 1024)],
    ['one pass', (j: Record<string, any>) => void (j.kdf.t = 1)],
    ['gigabytes of memory (ceiling)', (j: Record<string, any>) => void (j.kdf.m = 4 * 1024 * 1024)],
    ['another algorithm', (j: Record<string, any>) => void (j.kdf.alg = 'pbkdf2')],
    ['another Argon2 version', (j: Record<string, any>) => void (j.kdf.version = 16)],
    ['a short salt', (j: Record<string, any>) => void (j.kdf.salt = 'AAAA')],
  ])('%s → weak-kdf, before any derivation', async (_case, edit) => {
    const before = derivations();
    expect(await problemOf(readEncryptedExport(edited(text, edit), EXPORT_PASSPHRASE))).toBe('weak-kdf');
    expect(derivations()).toBe(before);
  });

  it.each([
    ['cut in half', (t: string) => t.slice(0, t.length / 2)],
    ['cut right after its format line', (t: string) => t.split('\n').slice(0, 2).join('\n')],
    ['cut just before the end', (t: string) => t.trimEnd().slice(0, -1)],
    ['missing its payload', (t: string) => edited(t, (j) => void delete j.payload)],
    ['with a payload that is not base64', (t: string) => edited(t, (j) => void (j.payload.ct = 'not base64!'))],
    ['with a nonce of the wrong size', (t: string) => edited(t, (j) => void (j.payload.nonce = 'AAAA'))],
    ['with another cipher', (t: string) => edited(t, (j) => void (j.payload.alg = 'aes-256-gcm'))],
    ['with an unknown extra field', (t: string) => edited(t, (j) => void (j.note = 'hi'))],
  ])('a file %s → damaged, before any derivation', async (_case, cut) => {
    const before = derivations();
    expect(await problemOf(readEncryptedExport(cut(text), EXPORT_PASSPHRASE))).toBe('damaged');
    expect(derivations()).toBe(before);
  });

  it.each([
    ['empty', ''],
    ['CSV', 'name,url,username,password\nGitHub,https://github.com,alice,pw\n'],
    ['HTML', '<!doctype html><title>x</title>'],
    ['a JSON array', '[1,2,3]'],
    ['JSON null', 'null'],
    ['Bitwarden JSON', JSON.stringify({ encrypted: false, items: [] })],
    ['a Sealpass audit log', JSON.stringify({ format: 'sealpass-audit-log', version: 1, events: [] })],
    ['binary', '\u0000\u0001\u0002PK\u0003\u0004'],
  ])('a file of another kind (%s) → not-an-export, before any derivation', async (_case, other) => {
    const before = derivations();
    expect(await problemOf(readEncryptedExport(other, EXPORT_PASSPHRASE))).toBe('not-an-export');
    expect(derivations()).toBe(before);
  });

  it('a newer version → unsupported-version, before any derivation', async () => {
    const before = derivations();
    expect(await problemOf(readEncryptedExport(edited(text, (j) => void (j.version = 2)), EXPORT_PASSPHRASE))).toBe('unsupported-version');
    expect(derivations()).toBe(before);
  });

  it('a leading BOM (some editors add one) is accepted', () => {
    expect(open(`\uFEFF${text}`)).toEqual([FULL_LOGIN, FULL_NOTE]);
  });

  it('messages are distinct and never quote the file', () => {
    const problems: ExportFileProblem[] = ['not-an-export', 'unsupported-version', 'damaged', 'weak-kdf', 'wrong-passphrase', 'tampered'];
    const messages = problems.map((p) => new ExportFileError(p).message);
    expect(new Set(messages).size).toBe(problems.length);
  });

  it('the writer refuses to claim parameters below the floor', () => {
    expect(() => sealExport([], key, { ...kdf, t: 1 }, T0)).toThrow(/passes/);
  });
});

/** Flips the lowest bit of the first base64 character's value (A↔B, …) to change one byte. */
function flipFirstBit(base64: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const index = alphabet.indexOf(base64[0]!);
  return alphabet[index ^ 1]! + base64.slice(1);
}
