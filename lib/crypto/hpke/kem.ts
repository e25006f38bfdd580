/**
 * The KEM interface of RFC 9180 §4 as the rest of HPKE sees it, so the key schedule, setup, seal and
 * open are written once for both of Sealpass's KEMs: DHKEM(X25519, HKDF-SHA256) (X25519_KEM, v1) and
 * X-Wing (XWING_KEM, v2).
 */

/** What Encap returns: the secret both sides will share and the `enc` the recipient needs. */
export interface Encapsulation {
  /** Nsecret = 32 bytes; feeds the key schedule. */
  sharedSecret: Uint8Array;
  /** Nenc bytes (32 for X25519, 1120 for X-Wing); sent in clear. */
  enc: Uint8Array;
}

/** A secret key (branded per KEM, so keys of one KEM cannot go to another) and its public key. */
export interface KemKeyPair<SK extends Uint8Array> {
  secretKey: SK;
  publicKey: Uint8Array;
}

/** One HPKE KEM: its id, sizes and the five operations HPKE needs. */
export interface HpkeKem<SK extends Uint8Array> {
  /** IANA HPKE KEM id: 0x0020 or 0x647a. */
  readonly id: number;
  /** For messages and logs. */
  readonly name: string;
  /** Nsecret: shared secret length in bytes (32 for both). */
  readonly nSecret: number;
  /** Nenc: length of `enc` in bytes. */
  readonly nEnc: number;
  /** Npk: public key length in bytes. */
  readonly nPk: number;
  /** Nsk: secret key length in bytes. */
  readonly nSk: number;
  /** Length of the randomness EncapDerand takes (draft-ietf-hpke-hpke §4.1, "ikmE" in the vectors). */
  readonly nRandom: number;
  /** A fresh key pair from the platform CSPRNG. */
  generateKeyPair(): KemKeyPair<SK>;
  /** DeriveKeyPair(ikm) of the KEM's HPKE binding; deterministic. */
  deriveKeyPair(ikm: Uint8Array): KemKeyPair<SK>;
  /** The public key of a secret key. */
  publicKeyOf(secretKey: SK): Uint8Array;
  /**
   * Encap(pkR), or EncapDerand(pkR, randomness) when `randomness` (nRandom bytes) is given; only
   * known-answer and interop tests pass it, never reuse one.
   */
  encap(pkR: Uint8Array, randomness?: Uint8Array): Encapsulation;
  /** Decap(enc, skR): the shared secret; throws for a malformed `enc`. */
  decap(enc: Uint8Array, skR: SK): Uint8Array;
}
