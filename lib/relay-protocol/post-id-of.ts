/** The post id relay-client gives an envelope: derived from what is posted, so a retry of the same post has the same id. */
import { sha256 } from '@noble/hashes/sha2.js';
import { encodeLengthPrefixed } from '../crypto/encode-length-prefixed';
import { toBase64Url } from '../crypto/base64url';
import type { NewEnvelope } from './envelope-schemas';

/**
 * Every sealed envelope is unique (HPKE draws a fresh ephemeral key), so its hash names one post; the
 * recipient and share id are in it too, so the same text posted to another mailbox is another post.
 * @returns 22 characters of base64url: the first 16 bytes of `SHA-256(lp("sealpass/v1/post-id") ‖ lp(to) ‖ lp(shareId) ‖ lp(envelope))`
 */
export function postIdOf(envelope: Pick<NewEnvelope, 'to' | 'shareId' | 'envelope'>): string {
  return toBase64Url(sha256(encodeLengthPrefixed(['sealpass/v1/post-id', envelope.to, envelope.shareId, envelope.envelope])).subarray(0, 16));
}
