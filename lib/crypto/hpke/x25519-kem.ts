/** DHKEM(X25519, HKDF-SHA256), RFC 9180 §7.1, as an HpkeKem: the v1 functions behind the generic interface. */
import type { HpkeSecretKey } from '../keys';
import { decap } from './decap';
import { deriveKeyPair } from './derive-key-pair';
import { encap } from './encap';
import { generateKeyPair } from './generate-key-pair';
import type { HpkeKem } from './kem';
import { publicKeyOf } from './public-key-of';
import { KEM_ID, N_ENC, N_PK, N_SECRET, N_SK } from './suite';

/** KEM 0x0020. EncapDerand's randomness is ikmE, turned into the ephemeral key by DeriveKeyPair (RFC 9180 A.1). */
export const X25519_KEM: HpkeKem<HpkeSecretKey> = Object.freeze({
  id: KEM_ID,
  name: 'DHKEM(X25519, HKDF-SHA256)',
  nSecret: N_SECRET,
  nEnc: N_ENC,
  nPk: N_PK,
  nSk: N_SK,
  nRandom: N_SK,
  generateKeyPair,
  deriveKeyPair,
  publicKeyOf,
  encap: (pkR: Uint8Array, randomness?: Uint8Array) => encap(pkR, randomness === undefined ? undefined : deriveKeyPair(randomness)),
  decap,
});
