/** Where a sealed identity belongs: purpose "identity", the vault's id, and the two key kinds it holds (S2). */
import type { CipherContext } from '../../crypto/associated-data';

/**
 * @param vaultId - the vault's id, the record id of its one sealed identity
 * @returns the AEAD context of that sealed identity
 */
export function identityContext(vaultId: string): CipherContext {
  return { purpose: 'identity', recordId: vaultId, fields: 'x25519+ed25519' };
}
