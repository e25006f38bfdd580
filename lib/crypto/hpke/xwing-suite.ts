/**
 * X-Wing (draft-connolly-cfrg-xwing-kem-10) as an HPKE KEM (draft-ietf-hpke-pq-05 §4, "MLKEM768-X25519"):
 * its id, sizes and suite ids. KDF and AEAD are the v1 ones (suite.ts).
 */
import { hpkeSuiteId, kemSuiteId } from './suite';

/** draft-ietf-hpke-pq §8.2 / xwing §8: KEM id of MLKEM768-X25519 = X-Wing, 25722 = 25519 + 203. */
export const XWING_KEM_ID = 0x647a;
/** Nsecret: shared secret length in bytes. */
export const XWING_N_SECRET = 32;
/** Nenc: ciphertext length, ML-KEM-768 ciphertext (1088) ‖ X25519 ephemeral public key (32). */
export const XWING_N_ENC = 1120;
/** Npk: encapsulation key length, ML-KEM-768 encapsulation key (1184) ‖ X25519 public key (32). */
export const XWING_N_PK = 1216;
/** Nsk: decapsulation key length; the key is the 32-byte seed. */
export const XWING_N_SK = 32;
/** EncapsulateDerand's eseed: ML-KEM-768 message m (32) ‖ X25519 ephemeral secret (32). */
export const XWING_N_RANDOM = 64;

/** `"KEM" ‖ 0x647a` (hex 4b454d647a): labels DeriveKeyPair's LabeledDerive. */
export const XWING_KEM_SUITE_ID = kemSuiteId(XWING_KEM_ID);
/** `"HPKE" ‖ 0x647a ‖ 0x0001 ‖ 0x0003` (hex 48504b45647a00010003): labels the key schedule and Export. */
export const XWING_HPKE_SUITE_ID = hpkeSuiteId(XWING_KEM_ID);
