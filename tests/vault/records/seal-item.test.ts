/** sealItem: the stored record of an item — clear fields are only id, rev, kind, tags, deletedAt (S1); key reuse on edit. */
import { describe, expect, it } from 'vitest';
import { generateKey } from '../../../lib/crypto/generate-key';
import type { VaultKey } from '../../../lib/crypto/keys';
import { DecryptError } from '../../../lib/crypto/sealed';
import { domainTag } from '../../../lib/vault/records/blind-index';
import { openItem } from '../../../lib/vault/records/open-item';
import { sealItem } from '../../../lib/vault/records/seal-item';
import { openVaultState } from '../../../lib/vault/keys/unlocked-vault';
import { contentOf, loginInput, noteInput, T0 } from '../fixtures';

const vault = openVaultState('aa'.repeat(16), generateKey<VaultKey>(), new Map());
const id = '11'.repeat(16);

describe('sealItem', () => {
  it('builds a login record: id, rev, kind, blind-index tags, live, versioned sealed objects', () => {
    const record = sealItem(vault, id, 3, contentOf(loginInput({ urls: ['https://www.example.com/a', 'https://example.com/b'] }), T0));
    expect(Object.keys(record).sort()).toEqual(['data', 'deletedAt', 'domains', 'id', 'kind', 'rev', 'wrappedKey']);
    expect(record).toMatchObject({ id, rev: 3, kind: 'login', deletedAt: null, domains: [domainTag(vault.indexKey, 'example.com')] });
    expect(record.data).toMatchObject({ v: 1, alg: 'xchacha20poly1305' });
    expect(record.wrappedKey).toMatchObject({ v: 1, alg: 'xchacha20poly1305' });
    expect(record.wrappedKey.ct).toHaveLength(48);
  });

  it('a note gets no tags, even with a URL in its notes', () => {
    expect(sealItem(vault, id, 1, contentOf(noteInput({ notes: 'https://example.com' }), T0)).domains).toEqual([]);
  });

  it('a new item gets a fresh item key; an edit reuses the previous record’s key', () => {
    const content = contentOf(loginInput(), T0);
    const first = sealItem(vault, id, 1, content);
    const other = sealItem(vault, id, 1, content);
    expect(other.wrappedKey.ct).not.toEqual(first.wrappedKey.ct);
    const edited = sealItem(vault, id, 2, { ...content, title: 'edited' }, first);
    expect(edited.wrappedKey).toEqual(first.wrappedKey);
    expect(openItem(vault, edited).title).toBe('edited');
  });

  it('T09: the content is bound to its revision: the rev-1 ciphertext does not open as rev 2', () => {
    const record = sealItem(vault, id, 1, contentOf(loginInput(), T0));
    expect(() => openItem(vault, { ...record, rev: 2 })).toThrow(DecryptError);
  });

  it('a previous record whose key does not unwrap → DecryptError', () => {
    const previous = sealItem(vault, '22'.repeat(16), 1, contentOf(loginInput(), T0));
    expect(() => sealItem(vault, id, 2, contentOf(loginInput(), T0), previous)).toThrow(DecryptError);
  });
});
