/** Seals an outsider's answer to a secret request's public key (issue 14); only the request's owner can open it. */
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { fromBase64, toBase64 } from '../../crypto/base64';
import { sealBase } from '../../crypto/hpke/seal-base';
import { X25519_KEM } from '../../crypto/hpke/x25519-kem';
import { wipe } from '../../crypto/wipe';
import { ANSWER_INFO, answerAad, requestAnswerSchema, type RequestAnswerInput } from './request-answer';
import type { RequestDescriptor } from './request-descriptor';

/**
 * @param descriptor - the authentic descriptor (openRequestDescriptor)
 * @param answer - what the outsider typed; validated here
 * @returns the wire text to post, at most a few KiB more than the answer
 * @throws ZodError for an empty or oversized answer
 */
export function sealRequestAnswer(descriptor: RequestDescriptor, answer: RequestAnswerInput): string {
  const checked = requestAnswerSchema.parse(answer);
  const plaintext = utf8ToBytes(JSON.stringify(checked));
  try {
    const { enc, ct } = sealBase(X25519_KEM, fromBase64(descriptor.publicKey), ANSWER_INFO, answerAad(descriptor.requestId), plaintext);
    return JSON.stringify({ v: 1, enc: toBase64(enc), ct: toBase64(ct) });
  } finally {
    wipe(plaintext);
  }
}
