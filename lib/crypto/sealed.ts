/**
 * The versioned ciphertext object stored everywhere (DESIGN §4): `{ v, alg, nonce, ct }`, never bare
 * bytes. `ct` is ciphertext followed by the 16-byte Poly1305 tag.
 */

/** The one algorithm accepted (T11). */
export const SEALED_ALG = 'xchacha20poly1305';
/** XChaCha20 nonce length in bytes. */
export const NONCE_LENGTH = 24;
/** Poly1305 tag length in bytes. */
export const TAG_LENGTH = 16;

/** A ciphertext with its format version, algorithm and nonce. */
export interface Sealed {
  v: 1;
  alg: typeof SEALED_ALG;
  /** 24 bytes. */
  nonce: Uint8Array;
  /** Ciphertext ‖ 16-byte tag. */
  ct: Uint8Array;
}

/**
 * Thrown for every decryption failure: wrong key, wrong context, tampering, truncation, unknown
 * version or algorithm. One message for all, so failures look alike (S2, T11).
 */
export class DecryptError extends Error {
  override name = 'DecryptError';
  constructor() {
    super('decryption failed');
  }
}
