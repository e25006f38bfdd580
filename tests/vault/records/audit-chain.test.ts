/** sealAuditRecord / openAuditRecord / chainHash: sealed events (S1) chained with HMAC-SHA256 under the audit key. */
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { generateKey } from '../../../lib/crypto/generate-key';
import { hmacSha256 } from '../../../lib/crypto/hmac-sha256';
import type { AuditKey, VaultKey } from '../../../lib/crypto/keys';
import { seal } from '../../../lib/crypto/seal';
import { DecryptError } from '../../../lib/crypto/sealed';
import { chainHash, GENESIS_HASH, openAuditRecord, sealAuditRecord, type AuditPayload } from '../../../lib/vault/records/audit-chain';
import { T0 } from '../fixtures';

const keys = { vaultKey: generateKey<VaultKey>(), auditKey: generateKey<AuditKey>(), vaultId: 'aa'.repeat(16) };
const payload: AuditPayload = { at: T0, type: 'password-copied', itemId: 'item-1', itemTitle: 'Bank of Marker' };

describe('GENESIS_HASH', () => {
  it('is 32 zero bytes', () => {
    expect(GENESIS_HASH).toEqual(new Uint8Array(32));
  });
});

describe('sealAuditRecord / openAuditRecord', () => {
  it('round trip returns the payload', () => {
    const record = sealAuditRecord(keys, 1, GENESIS_HASH, payload);
    expect(record.seq).toBe(1);
    expect(openAuditRecord(keys.vaultKey, keys.vaultId, record)).toEqual(payload);
  });

  it('S1: the title is inside the ciphertext', () => {
    const record = sealAuditRecord(keys, 1, GENESIS_HASH, payload);
    expect(Buffer.from(record.sealed.ct).toString('latin1')).not.toContain('Marker');
  });

  it('the hash is HMAC-SHA256(audit key, previous ‖ u32be(seq) ‖ nonce ‖ ct)', () => {
    const previous = new Uint8Array(32).fill(7);
    const record = sealAuditRecord(keys, 0x01020304, previous, payload);
    const message = new Uint8Array([...previous, 1, 2, 3, 4, ...record.sealed.nonce, ...record.sealed.ct]);
    expect(bytesToHex(record.hash)).toBe(bytesToHex(hmacSha256(keys.auditKey, message)));
    expect(bytesToHex(chainHash(keys.auditKey, previous, 0x01020304, record.sealed))).toBe(bytesToHex(record.hash));
  });

  it('the hash depends on the previous hash, the sequence number and the audit key', () => {
    const record = sealAuditRecord(keys, 2, GENESIS_HASH, payload);
    const h = (k: AuditKey, prev: Uint8Array, seq: number) => bytesToHex(chainHash(k, prev, seq, record.sealed));
    const base = h(keys.auditKey, GENESIS_HASH, 2);
    expect(h(keys.auditKey, new Uint8Array(32).fill(1), 2)).not.toBe(base);
    expect(h(keys.auditKey, GENESIS_HASH, 3)).not.toBe(base);
    expect(h(generateKey<AuditKey>(), GENESIS_HASH, 2)).not.toBe(base);
  });

  it('S2: an event moved to another sequence number does not open', () => {
    const record = sealAuditRecord(keys, 2, GENESIS_HASH, payload);
    expect(() => openAuditRecord(keys.vaultKey, keys.vaultId, { ...record, seq: 3 })).toThrow(DecryptError);
  });

  it('S2: an event from another vault does not open', () => {
    const record = sealAuditRecord(keys, 1, GENESIS_HASH, payload);
    expect(() => openAuditRecord(keys.vaultKey, 'bb'.repeat(16), record)).toThrow(DecryptError);
    expect(() => openAuditRecord(generateKey<VaultKey>(), keys.vaultId, record)).toThrow(DecryptError);
  });

  it('an authentic plaintext that is not a valid event throws', () => {
    const context = { purpose: 'audit-event', recordId: `${keys.vaultId}/1`, fields: 'event' } as const;
    const sealed = seal(keys.vaultKey, utf8ToBytes(JSON.stringify({ at: T0, type: 'vault-exploded' })), context);
    expect(() => openAuditRecord(keys.vaultKey, keys.vaultId, { seq: 1, sealed, hash: new Uint8Array(32) })).toThrow();
  });
});
