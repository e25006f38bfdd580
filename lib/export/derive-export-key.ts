/** The key of one encrypted export: Argon2id(passphrase, the export's salt) → HKDF-SHA256 "export-key". */
import { deriveMasterKey } from '../crypto/derive-master-key';
import { deriveSubkey } from '../crypto/derive-subkey';
import type { KdfParams } from '../crypto/kdf-params';
import type { ExportKey } from '../crypto/keys';
import { wipe } from '../crypto/wipe';

/**
 * One Argon2id derivation (~0.3 s at the 64 MiB floor) and one HKDF.
 * @param passphrase - the export passphrase, NFKC-normalised like the master password
 * @param kdf - checked against the floor (S5) before any work
 * @returns 32 bytes; wipe after use
 * @throws KdfParamsError for unknown or weak parameters; TypeError for an empty passphrase
 */
export async function deriveExportKey(passphrase: string, kdf: KdfParams): Promise<ExportKey> {
  const stretched = await deriveMasterKey(passphrase, kdf);
  try {
    return deriveSubkey(stretched, 'export-key');
  } finally {
    wipe(stretched);
  }
}
