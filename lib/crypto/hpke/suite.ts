/**
 * The one HPKE suite Sealpass uses (RFC 9180): mode_base with DHKEM(X25519, HKDF-SHA256) = 0x0020,
 * HKDF-SHA256 = 0x0001 and ChaCha20Poly1305 = 0x0003, with its sizes and suite ids.
 */
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';

/** RFC 9180 §7.1: KEM id of DHKEM(X25519, HKDF-SHA256). */
export const KEM_ID = 0x0020;
/** RFC 9180 §7.2: KDF id of HKDF-SHA256. */
export const KDF_ID = 0x0001;
/** RFC 9180 §7.3: AEAD id of ChaCha20Poly1305. */
export const AEAD_ID = 0x0003;
/** RFC 9180 §5: mode_base (no PSK, no sender authentication at the HPKE layer; Ed25519 does that). */
export const MODE_BASE = 0x00;

/** Nsecret: KEM shared secret length in bytes. */
export const N_SECRET = 32;
/** Nenc: encapsulated key length in bytes. */
export const N_ENC = 32;
/** Npk: public key length in bytes. */
export const N_PK = 32;
/** Nsk: secret key length in bytes. */
export const N_SK = 32;
/** Nk: ChaCha20Poly1305 key length in bytes. */
export const N_K = 32;
/** Nn: ChaCha20Poly1305 nonce length in bytes. */
export const N_N = 12;
/** Nt: Poly1305 tag length in bytes. */
export const N_T = 16;
/** HKDF-SHA256 output length (Nh) in bytes. */
export const N_H = 32;

const i2osp2 = (n: number) => Uint8Array.of(n >> 8, n & 0xff);

/** RFC 9180 §4.1: suite_id of the KEM, `"KEM" ‖ I2OSP(kem_id, 2)`. */
export const KEM_SUITE_ID = concatBytes(utf8ToBytes('KEM'), i2osp2(KEM_ID));
/** RFC 9180 §5.1: suite_id of the whole suite, `"HPKE" ‖ I2OSP(kem_id, 2) ‖ I2OSP(kdf_id, 2) ‖ I2OSP(aead_id, 2)`. */
export const HPKE_SUITE_ID = concatBytes(utf8ToBytes('HPKE'), i2osp2(KEM_ID), i2osp2(KDF_ID), i2osp2(AEAD_ID));
