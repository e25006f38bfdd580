/** GenerateKeyPair of draft-connolly-cfrg-xwing-kem §5.2: a fresh random X-Wing key pair. */
import { randomBytes } from '../random-bytes';
import { wipe } from '../wipe';
import type { XWingKeyPair } from './xwing-key-pair';
import { xwingKeyPairFromSeed } from './xwing-key-pair-from-seed';
import { XWING_N_SK } from './xwing-suite';

/**
 * `GenerateKeyPairDerand(random(32))`, with 32 bytes from the platform CSPRNG.
 * @returns a 32-byte seed as the secret key and its 1216-byte public key
 */
export function xwingGenerateKeyPair(): XWingKeyPair {
  const seed = randomBytes(XWING_N_SK);
  try {
    return xwingKeyPairFromSeed(seed);
  } finally {
    wipe(seed);
  }
}
