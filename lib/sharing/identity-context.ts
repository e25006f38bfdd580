/** Where a sealed identity belongs: purpose "identity", the vault's id, and the two key kinds it holds (S2). */
import type { CipherContext } from '../crypto/associated-data';

/** The AEAD context of the sealed identity of vault `vaultId`. */
export function identityContext(vaultId: string): CipherContext {
  return { purpose: 'identity', recordId: vaultId, fields: 'x25519+ed25519' };
}
