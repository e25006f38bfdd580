import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { toBase64 } from '../../../../lib/crypto/base64';
import { asKey, type FolderKey } from '../../../../lib/crypto/keys';
import { folderKeyCommitment } from '../../../../lib/folders/format/keys/folder-key-commitment';

const key = asKey<FolderKey>(Uint8Array.from({ length: 32 }, (_, i) => i));
const folderId = 'AAECAwQFBgcICQoLDA0ODw';

describe('folderKeyCommitment', () => {
  it('is HMAC-SHA256 over the length-prefixed label, folder id and u32be epoch (computed here by hand)', () => {
    const label = new TextEncoder().encode('sealpass/v1/folder-key-commitment');
    const id = new TextEncoder().encode(folderId);
    const message = new Uint8Array([0, 0, 0, label.length, ...label, 0, 0, 0, id.length, ...id, 0, 0, 0, 4, 0, 0, 1, 2]);
    expect(folderKeyCommitment(key, folderId, 258)).toBe(toBase64(hmac(sha256, key, message)));
  });

  it('differs for another key, folder or epoch', () => {
    const base = folderKeyCommitment(key, folderId, 1);
    expect(folderKeyCommitment(asKey<FolderKey>(new Uint8Array(32)), folderId, 1)).not.toBe(base);
    expect(folderKeyCommitment(key, 'AAECAwQFBgcICQoLDA0OEA', 1)).not.toBe(base);
    expect(folderKeyCommitment(key, folderId, 2)).not.toBe(base);
  });
});
