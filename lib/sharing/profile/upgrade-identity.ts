/**
 * Bundle v2 for an identity made before it (DESIGN §12, T27): adds a fresh X-Wing key pair to the
 * stored identity and queues the v2 bundle, signed by the same Ed25519 key, for the relay. The X25519
 * and Ed25519 keys stay, so contacts see an upgrade rather than a key change (pin-contact.ts), and
 * contacts who have not looked again keep sealing classic envelopes to the unchanged X25519 key.
 * Run it under withSharingLock.
 */
import type { VaultDb } from '../../db/vault-db';
import { xwingGenerateKeyPair } from '../../crypto/hpke/xwing-generate-key-pair';
import { signIdentityBundle } from '../../relay-protocol/sign-identity-bundle';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { sealIdentity } from '../identity/seal-identity';
import { wipeIdentity } from '../identity/wipe-identity';
import { commitSharing } from '../store/commit-sharing';
import { readIdentity } from '../store/read-identity';

/**
 * @param now - ms since epoch
 * @returns whether the identity was upgraded now (false: no identity, or it has an X-Wing key already)
 */
export async function upgradeIdentity(db: VaultDb, vault: UnlockedVault, now: number): Promise<boolean> {
  const opened = await readIdentity(db, vault);
  if (!opened) return false;
  const { identity, record } = opened;
  try {
    if (identity.xwingKey) return false;
    const xwing = xwingGenerateKeyPair();
    identity.xwingKey = xwing.publicKey;
    identity.xwingSecretKey = xwing.secretKey;
    await commitSharing(db, vault, {
      identity: { ...record, keys: sealIdentity(vault.vaultKey, vault.vaultId, identity) },
      outbox: [{ kind: 'register', bundle: signIdentityBundle(identity) }],
    }, now);
    return true;
  } finally {
    wipeIdentity(identity);
  }
}
