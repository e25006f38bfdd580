/** Associated data of the wrapped vault key: binds it to the vault id and the exact KDF parameters (S5). */
import type { CipherContext } from '../../crypto/associated-data';
import { encodeKdfParams, type KdfParams } from '../../crypto/kdf-params';

/** Context for wrapping the vault key; changing any KDF parameter makes the unwrap fail (T10). */
export function vaultKeyContext(vaultId: string, kdf: KdfParams): CipherContext<'vault-key'> {
  return { purpose: 'vault-key', recordId: vaultId, fields: encodeKdfParams(kdf) };
}
