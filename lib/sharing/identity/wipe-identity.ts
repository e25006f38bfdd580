/** Best-effort wiping of an identity's secret keys at lock (S4; see lib/crypto/wipe for the limits). */
import { wipe } from '../../crypto/wipe';
import type { Identity } from './identity';

/** Zeroes the secret keys in place; the identity must not be used afterwards. */
export function wipeIdentity(identity: Identity): void {
  wipe(identity.encryptionSecretKey, identity.signingSecretKey, identity.xwingSecretKey);
}
