/**
 * Opens and checks a secret request's descriptor (issue 14, T26), on the relay's page or in the extension:
 * it must open under the secret's key, name this request, and carry the owner's signature; a relay that
 * swapped the descriptor, its public key or its label fails here, and the page says so instead of
 * offering to send anything.
 */
import { fromBase64 } from '../../crypto/base64';
import { verifyEd25519 } from '../../crypto/verify-ed25519';
import { wipe } from '../../crypto/wipe';
import { deriveRequestKeys } from './derive-request-keys';
import { descriptorContext, descriptorSigningBytes, signedDescriptorSchema, type RequestDescriptor } from './request-descriptor';
import { openJsonText } from './sealed-text';

/** Why a descriptor was refused: it does not open (`tampered`) or its owner's signature is wrong (`unsigned`). */
export class RequestDescriptorError extends Error {
  override name = 'RequestDescriptorError';
  constructor(readonly reason: 'tampered' | 'unsigned') {
    super(reason === 'tampered' ? 'the request does not open with this link' : 'the request is not signed by the person it names');
  }
}

/**
 * @param secret - the request's 32 secret bytes, from the link
 * @param sealed - the relay's `descriptor`, untrusted
 * @returns the authentic descriptor
 * @throws RequestDescriptorError
 */
export function openRequestDescriptor(secret: Uint8Array, sealed: string): RequestDescriptor {
  const keys = deriveRequestKeys(secret);
  let signed;
  try {
    signed = openJsonText(keys.descriptorKey, sealed, descriptorContext(keys.id), signedDescriptorSchema);
  } catch {
    throw new RequestDescriptorError('tampered');
  } finally {
    wipe(keys.descriptorKey);
  }
  const { descriptor, signature } = signed;
  if (descriptor.requestId !== keys.id) throw new RequestDescriptorError('tampered');
  let valid = false;
  try {
    valid = verifyEd25519(fromBase64(descriptor.owner.signingKey), descriptorSigningBytes(descriptor), fromBase64(signature));
  } catch {
    valid = false;
  }
  if (!valid) throw new RequestDescriptorError('unsigned');
  return descriptor;
}
