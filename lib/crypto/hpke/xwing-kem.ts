/** X-Wing (KEM 0x647a, draft-ietf-hpke-pq-05 §4) as an HpkeKem. */
import type { XWingSecretKey } from '../keys';
import type { HpkeKem } from './kem';
import { xwingDecap } from './xwing-decap';
import { xwingDeriveKeyPair } from './xwing-derive-key-pair';
import { xwingEncap } from './xwing-encap';
import { xwingGenerateKeyPair } from './xwing-generate-key-pair';
import { xwingPublicKeyOf } from './xwing-public-key-of';
import { XWING_KEM_ID, XWING_N_ENC, XWING_N_PK, XWING_N_RANDOM, XWING_N_SECRET, XWING_N_SK } from './xwing-suite';

/** MLKEM768-X25519 = X-Wing; EncapDerand's randomness is the 64-byte eseed (the vectors' ikmE, used as is). */
export const XWING_KEM: HpkeKem<XWingSecretKey> = Object.freeze({
  id: XWING_KEM_ID,
  name: 'MLKEM768-X25519 (X-Wing)',
  nSecret: XWING_N_SECRET,
  nEnc: XWING_N_ENC,
  nPk: XWING_N_PK,
  nSk: XWING_N_SK,
  nRandom: XWING_N_RANDOM,
  generateKeyPair: xwingGenerateKeyPair,
  deriveKeyPair: xwingDeriveKeyPair,
  publicKeyOf: xwingPublicKeyOf,
  encap: xwingEncap,
  decap: xwingDecap,
});
