/** An X-Wing key pair (draft-connolly-cfrg-xwing-kem §5.2). */
import type { XWingSecretKey } from '../keys';
import type { KemKeyPair } from './kem';

/** The 32-byte seed (the decapsulation key) and the 1216-byte encapsulation key. */
export type XWingKeyPair = KemKeyPair<XWingSecretKey>;
