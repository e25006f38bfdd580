/** Signs and seals a secret request's descriptor, and builds the create request around it (issue 14, T26). */
import { toBase64 } from '../../crypto/base64';
import type { SigningSecretKey } from '../../crypto/keys';
import { signEd25519 } from '../../crypto/sign-ed25519';
import { wipe } from '../../crypto/wipe';
import type { CreateSecretRequest } from '../../relay-protocol/link-schemas';
import { deriveRequestKeys } from './derive-request-keys';
import { descriptorContext, descriptorSigningBytes, requestDescriptorSchema, type RequestDescriptor } from './request-descriptor';
import { sealJsonText } from './sealed-text';

/**
 * @param secret - the request's 32 secret bytes
 * @param descriptor - its `requestId` must be the secret's
 * @param ownerSigningKey - the owner identity's Ed25519 secret key (its public half is `descriptor.owner.signingKey`)
 * @returns the body of POST /v1/requests; the label and keys are inside the sealed descriptor only
 * @throws ZodError for an invalid descriptor; RangeError when its id is not the secret's
 */
export function sealRequestDescriptor(secret: Uint8Array, descriptor: RequestDescriptor, ownerSigningKey: SigningSecretKey): CreateSecretRequest {
  const checked = requestDescriptorSchema.parse(descriptor);
  const keys = deriveRequestKeys(secret);
  try {
    if (checked.requestId !== keys.id) throw new RangeError('sealRequestDescriptor: the descriptor belongs to another request');
    const signature = toBase64(signEd25519(ownerSigningKey, descriptorSigningBytes(checked)));
    return {
      id: keys.id,
      tokenHash: keys.tokenHash,
      expiresAt: checked.expiresAt,
      maxAnswers: checked.maxAnswers,
      descriptor: sealJsonText(keys.descriptorKey, { descriptor: checked, signature }, descriptorContext(keys.id)),
    };
  } finally {
    wipe(keys.descriptorKey);
  }
}
