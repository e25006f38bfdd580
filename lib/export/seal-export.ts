/** Writes an encrypted Sealpass export under a key already derived (lib/export/derive-export-key). */
import { bytesToHex } from '@noble/hashes/utils.js';
import { toBase64 } from '../crypto/base64';
import { assertKdfParams, type KdfParams } from '../crypto/kdf-params';
import type { ExportKey } from '../crypto/keys';
import { randomBytes } from '../crypto/random-bytes';
import { seal } from '../crypto/seal';
import type { Sealed } from '../crypto/sealed';
import type { ItemContent } from '../vault/model/item-schema';
import { sealJson } from '../vault/records/sealed-json';
import { EXPORT_CHECK_CONTEXT, exportPayloadContext, type ExportHeader } from './export-context';
import { EXPORT_FORMAT, EXPORT_VERSION, exportPayloadSchema, type ExportFile } from './export-file-schema';

/**
 * Seals `items` into the file's JSON text. The payload is validated with the same schema the reader uses,
 * so a file this writes is one the reader accepts.
 * @param key - `deriveExportKey(passphrase, kdf)`; the caller wipes it
 * @param kdf - the parameters and salt `key` was derived with; written to the header, and refused here when
 *   below the floor, so no file can claim weaker parameters than the reader accepts
 * @param now - the export time, ms since epoch
 * @returns pretty-printed JSON, about 1.4 × the items' JSON size (base64)
 * @throws KdfParamsError for weak parameters; ZodError when an item is invalid or there are more than 50,000
 * @example const text = sealExport(items, key, kdf, Date.now());
 */
export function sealExport(items: readonly ItemContent[], key: ExportKey, kdf: KdfParams, now: number): string {
  assertKdfParams(kdf);
  const payload = exportPayloadSchema.parse({ items });
  const header: ExportHeader = { exportId: bytesToHex(randomBytes(16)), createdAt: now, itemCount: payload.items.length, kdf };
  const file: ExportFile = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportId: header.exportId,
    createdAt: header.createdAt,
    itemCount: header.itemCount,
    kdf: { alg: kdf.alg, version: kdf.version, m: kdf.m, t: kdf.t, p: kdf.p, salt: toBase64(kdf.salt) },
    check: sealedToJson(seal(key, new Uint8Array(0), EXPORT_CHECK_CONTEXT)),
    payload: sealedToJson(sealJson(key, payload, exportPayloadContext(header))),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function sealedToJson(sealed: Sealed): ExportFile['check'] {
  return { v: sealed.v, alg: sealed.alg, nonce: toBase64(sealed.nonce), ct: toBase64(sealed.ct) };
}
