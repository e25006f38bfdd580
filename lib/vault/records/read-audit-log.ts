/**
 * Reads and verifies the audit chain: every event decrypts, sequence numbers have no gap, hashes link,
 * and the newest event is the one the sealed head in the header names.
 */
import { equalBytes } from '@noble/ciphers/utils.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { VaultDb } from '../../db/vault-db';
import type { AuditEvent } from '../model/audit-event';
import { chainHash, GENESIS_HASH, openAuditHead, openAuditRecord } from './audit-chain';
import type { UnlockedVault } from '../keys/unlocked-vault';

/**
 * @returns events oldest first, and whether the whole chain verified; events that do not decrypt are
 *   left out and make `chainValid` false
 */
export async function readAuditLog(db: VaultDb, vault: UnlockedVault): Promise<{ events: AuditEvent[]; chainValid: boolean }> {
  const records = await db.audit.orderBy('seq').toArray();
  const head = await db.header.get('vault');
  let previous: Uint8Array = GENESIS_HASH;
  let chainValid = true;
  const events: AuditEvent[] = [];
  records.forEach((record, index) => {
    const expected = chainHash(vault.auditKey, previous, record.seq, record.sealed);
    if (record.seq !== index + 1 || !equalBytes(expected, record.hash)) chainValid = false;
    previous = record.hash;
    try {
      events.push({ seq: record.seq, hash: bytesToHex(record.hash), ...openAuditRecord(vault.vaultKey, vault.vaultId, record) });
    } catch {
      chainValid = false;
    }
  });
  // The sealed head says where the chain ends: events cut off the end are noticed too.
  const last = records.at(-1);
  try {
    const expected = head?.auditHead ? openAuditHead(vault.vaultKey, vault.vaultId, head.auditHead) : null;
    if ((expected?.seq ?? 0) !== (last?.seq ?? 0) || (last && expected?.hash !== bytesToHex(last.hash))) chainValid = false;
  } catch {
    chainValid = false;
  }
  return { events, chainValid };
}
