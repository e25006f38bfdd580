/** An encrypted Sealpass export under a passphrase the user chose: fresh salt, Argon2id at our default, seal. */
import { KDF_DEFAULT, SALT_LENGTH, type KdfParams } from '../crypto/kdf-params';
import { randomBytes } from '../crypto/random-bytes';
import { wipe } from '../crypto/wipe';
import type { ItemContent } from '../vault/model/item-schema';
import { deriveExportKey } from './derive-export-key';
import { sealExport } from './seal-export';

/**
 * One Argon2id derivation (64 MiB, t=3, p=4, a new 16-byte salt) and one seal; the key is wiped afterwards.
 * @param items - full contents of the items to export (history, times and rotation state included)
 * @param passphrase - chosen by the user for this file; the caller enforces its strength
 * @param now - ms since epoch
 * @returns the file's JSON text
 * @example const text = await createEncryptedExport(items, 'orbit-civil-lumber-amused-pencil', Date.now());
 */
export async function createEncryptedExport(items: readonly ItemContent[], passphrase: string, now: number): Promise<string> {
  const kdf: KdfParams = { alg: 'argon2id', version: 0x13, ...KDF_DEFAULT, salt: randomBytes(SALT_LENGTH) };
  const key = await deriveExportKey(passphrase, kdf);
  try {
    return sealExport(items, key, kdf, now);
  } finally {
    wipe(key);
  }
}
