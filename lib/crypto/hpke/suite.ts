/**
 * The HPKE suites Sealpass uses (RFC 9180): mode_base with HKDF-SHA256 = 0x0001 and
 * ChaCha20Poly1305 = 0x0003, over DHKEM(X25519, HKDF-SHA256) = 0x0020 (v1; its sizes are below) or
 * X-Wing = 0x647a (v2; its sizes are in xwing-suite.ts).
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

/** Nsecret of DHKEM(X25519): KEM shared secret length in bytes. */
export const N_SECRET = 32;
/** Nenc of DHKEM(X25519): encapsulated key length in bytes. */
export const N_ENC = 32;
/** Npk of DHKEM(X25519): public key length in bytes. */
export const N_PK = 32;
/** Nsk of DHKEM(X25519): secret key length in bytes. */
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

/** RFC 9180 §4.1: suite_id of DHKEM(X25519, HKDF-SHA256), `"KEM" ‖ I2OSP(0x0020, 2)`. */
export const KEM_SUITE_ID = concatBytes(utf8ToBytes('KEM'), i2osp2(KEM_ID));
/**
 * RFC 9180 §5.1: suite_id of a whole suite, `"HPKE" ‖ I2OSP(kem_id, 2) ‖ I2OSP(kdf_id, 2) ‖ I2OSP(aead_id, 2)`,
 * with our KDF (HKDF-SHA256) and AEAD (ChaCha20Poly1305) and the given KEM.
 * @param kemId - KEM_ID (0x0020) or XWING_KEM_ID (0x647a)
 */
export function hpkeSuiteId(kemId: number): Uint8Array {
  return concatBytes(utf8ToBytes('HPKE'), i2osp2(kemId), i2osp2(KDF_ID), i2osp2(AEAD_ID));
}

/**
 * RFC 9180 §4.1: suite_id of a KEM, `"KEM" ‖ I2OSP(kem_id, 2)`.
 * @param kemId - KEM_ID (0x0020) or XWING_KEM_ID (0x647a)
 */
export function kemSuiteId(kemId: number): Uint8Array {
  return concatBytes(utf8ToBytes('KEM'), i2osp2(kemId));
}

/** RFC 9180 §5.1: suite_id of the v1 suite (DHKEM(X25519), HKDF-SHA256, ChaCha20Poly1305). */
export const HPKE_SUITE_ID = hpkeSuiteId(KEM_ID);
