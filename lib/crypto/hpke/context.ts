/**
 * The encryption context of RFC 9180 §5.2 that the key schedule produces. A sender context only
 * seals and a recipient context only opens, as ContextS and ContextR in the RFC, so one side can never
 * reuse the other's nonces.
 */

/** Which side holds the context. */
export type HpkeRole = 'sender' | 'recipient';

/** Key, base nonce, exporter secret and the sequence number of the next message. */
export interface HpkeContext {
  readonly role: HpkeRole;
  /** The HPKE suite_id the context was made under (10 bytes); Export labels with it (RFC 9180 §5.3). */
  readonly suiteId: Uint8Array;
  /** ChaCha20Poly1305 key, 32 bytes. */
  readonly key: Uint8Array;
  /** 12 bytes, XORed with the sequence number for each message (RFC 9180 §5.2). */
  readonly baseNonce: Uint8Array;
  /** 32 bytes, for the secret export interface (RFC 9180 §5.3). */
  readonly exporterSecret: Uint8Array;
  /** Sequence number of the next message, from 0; moves by one per seal or successful open. */
  seq: number;
}

/** The highest sequence number this implementation counts to: JavaScript's largest exact integer. */
export const MAX_SEQ = Number.MAX_SAFE_INTEGER;
