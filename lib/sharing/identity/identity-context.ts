/**
 * Where a sealed identity belongs: purpose "identity", the vault's id, and the key kinds it holds (S2).
 * The field set names the plaintext layout (seal-identity.ts), so a v1 identity (X25519 + Ed25519) and a
 * v2 one (X25519 + Ed25519 + X-Wing) can never be read as each other.
 */
import type { CipherContext } from '../../crypto/associated-data';

/**
 * @param vaultId - the vault's id, the record id of its one sealed identity
 * @param withXWing - whether the identity holds an X-Wing key (layout v2)
 * @returns the AEAD context of that sealed identity
 */
export function identityContext(vaultId: string, withXWing: boolean): CipherContext {
  return { purpose: 'identity', recordId: vaultId, fields: withXWing ? 'x25519+ed25519+xwing' : 'x25519+ed25519' };
}
