/**
 * Associated data of an export's two ciphertexts (DESIGN S2): purpose `export`, a record id, and a field set.
 * The payload's field set is the canonical text of the whole header, so changing the time, the item count,
 * the id or a KDF parameter makes it fail to open.
 */
import type { CipherContext } from '../crypto/associated-data';
import { encodeKdfParams, type KdfParams } from '../crypto/kdf-params';
import { EXPORT_FORMAT, EXPORT_VERSION } from './export-file-schema';

/** The header fields bound into the payload. */
export interface ExportHeader {
  exportId: string;
  createdAt: number;
  itemCount: number;
  kdf: KdfParams;
}

/**
 * Context of the payload: record = export id, fields = `payload;format=…;version=…;createdAt=…;items=…;kdf=…`.
 * @example exportPayloadContext({ exportId, createdAt, itemCount: 3, kdf }).fields
 */
export function exportPayloadContext(header: ExportHeader): CipherContext {
  const fields = [
    'payload',
    `format=${EXPORT_FORMAT}`,
    `version=${EXPORT_VERSION}`,
    `createdAt=${header.createdAt}`,
    `items=${header.itemCount}`,
    `kdf=${encodeKdfParams(header.kdf)}`,
  ].join(';');
  return { purpose: 'export', recordId: header.exportId, fields };
}

/**
 * Context of the passphrase check. It binds nothing of the header on purpose: it answers only "is this the
 * passphrase?", so that a right passphrase on an altered header is reported as tampering, not as a typo.
 */
export const EXPORT_CHECK_CONTEXT: CipherContext = { purpose: 'export', recordId: 'passphrase-check', fields: '-' };
