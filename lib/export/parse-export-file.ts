/**
 * Reads an export file's structure before any key is derived: JSON, format, version, shape, and the KDF floor
 * (S5). Each failure is its own ExportFileError, in the order a user can act on.
 */
import { fromBase64 } from '../crypto/base64';
import { assertKdfParams, type KdfParams } from '../crypto/kdf-params';
import { NONCE_LENGTH, SEALED_ALG, TAG_LENGTH, type Sealed } from '../crypto/sealed';
import type { ExportHeader } from './export-context';
import { ExportFileError } from './export-file-error';
import { EXPORT_FORMAT, EXPORT_VERSION, exportFileSchema, type ExportFile } from './export-file-schema';

/** A structurally valid file: its header (KDF checked) and its two ciphertexts, not yet opened. */
export interface ParsedExport {
  header: ExportHeader;
  check: Sealed;
  payload: Sealed;
}

/** The start of every file we write (`format` first), found even when the rest is cut off. */
const EXPORT_START = new RegExp(`^\\s*\\{\\s*"format"\\s*:\\s*"${EXPORT_FORMAT}"`);

/**
 * @param text - the file's text as read (a leading BOM is ignored)
 * @returns header and ciphertexts
 * @throws ExportFileError `not-an-export`, `unsupported-version`, `damaged` (cut short, missing or malformed
 *   fields) or `weak-kdf` (unknown algorithm, parameters below the floor or above the ceiling)
 * @example const parsed = parseExportFile(await file.text());
 */
export function parseExportFile(text: string): ParsedExport {
  const body = text.replace(/^\uFEFF/, '');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new ExportFileError(EXPORT_START.test(body.slice(0, 256)) ? 'damaged' : 'not-an-export');
  }
  const fields = typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : null;
  if (fields?.format !== EXPORT_FORMAT) throw new ExportFileError('not-an-export');
  if (fields.version !== EXPORT_VERSION) throw new ExportFileError('unsupported-version');
  const parsed = exportFileSchema.safeParse(json);
  if (!parsed.success) throw new ExportFileError('damaged');
  const file = parsed.data;

  const kdf = { ...file.kdf, salt: decode(file.kdf.salt) } as KdfParams;
  try {
    assertKdfParams(kdf);
  } catch {
    throw new ExportFileError('weak-kdf');
  }
  return {
    header: { exportId: file.exportId, createdAt: file.createdAt, itemCount: file.itemCount, kdf },
    check: sealedFromJson(file.check),
    payload: sealedFromJson(file.payload),
  };
}

/** A ciphertext of the one version and algorithm we write, with a nonce and tag of the right sizes. */
function sealedFromJson(sealed: ExportFile['check']): Sealed {
  if (sealed.v !== 1 || sealed.alg !== SEALED_ALG) throw new ExportFileError('damaged');
  const nonce = decode(sealed.nonce);
  const ct = decode(sealed.ct);
  if (nonce.length !== NONCE_LENGTH || ct.length < TAG_LENGTH) throw new ExportFileError('damaged');
  return { v: 1, alg: SEALED_ALG, nonce, ct };
}

function decode(text: string): Uint8Array {
  try {
    return fromBase64(text);
  } catch {
    throw new ExportFileError('damaged');
  }
}
