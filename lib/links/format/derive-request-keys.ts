/**
 * What a secret request's secret gives (issue 14, T26): the id the relay files it under, the answer token
 * the relay checks before it queues an answer (it keeps only SHA-256 of it, per request, so an answer
 * replayed into another request is refused), and the key that seals the owner's signed descriptor (so the
 * relay can neither read the label nor swap the request's public key).
 */
import { toBase64Url } from '../../crypto/base64url';
import { hkdfSha256 } from '../../crypto/hkdf-sha256';
import { asKey, type RequestDescriptorKey } from '../../crypto/keys';
import { hashToken } from './derive-link-keys';

export interface RequestKeys {
  /** 16 bytes, base64url. */
  id: string;
  /** 32 bytes, base64url: sent with every answer. */
  token: string;
  /** SHA-256 of the token bytes, base64url: what the relay stores. */
  tokenHash: string;
  descriptorKey: RequestDescriptorKey;
}

/**
 * @param secret - the request's 32 secret bytes
 * @returns id, answer token, its hash and the descriptor key (wipe it when done, best effort)
 */
export function deriveRequestKeys(secret: Uint8Array): RequestKeys {
  const token = hkdfSha256(secret, 'request-answer-token', 32);
  return {
    id: toBase64Url(hkdfSha256(secret, 'request-id', 16)),
    token: toBase64Url(token),
    tokenHash: hashToken(token),
    descriptorKey: asKey<RequestDescriptorKey>(hkdfSha256(secret, 'request-descriptor', 32)),
  };
}
