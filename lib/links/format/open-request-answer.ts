/** Opens an answer with the request's secret key (issue 14): the owner's side, in the background. */
import type { HpkeSecretKey } from '../../crypto/keys';
import { fromBase64 } from '../../crypto/base64';
import { openBase } from '../../crypto/hpke/open-base';
import { X25519_KEM } from '../../crypto/hpke/x25519-kem';
import { DecryptError } from '../../crypto/sealed';
import { wipe } from '../../crypto/wipe';
import { ANSWER_INFO, answerAad, requestAnswerSchema, sealedAnswerSchema, type RequestAnswer } from './request-answer';

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * @param secretKey - the request's X25519 secret key
 * @param requestId - the request the relay filed it under; bound as associated data
 * @param text - the relay's answer text, untrusted
 * @throws DecryptError for anything that does not open and validate (all alike)
 */
export function openRequestAnswer(secretKey: HpkeSecretKey, requestId: string, text: string): RequestAnswer {
  let plaintext: Uint8Array | undefined;
  try {
    const wire = sealedAnswerSchema.parse(JSON.parse(text));
    plaintext = openBase(X25519_KEM, fromBase64(wire.enc), secretKey, ANSWER_INFO, answerAad(requestId), fromBase64(wire.ct));
    return requestAnswerSchema.parse(JSON.parse(decoder.decode(plaintext)));
  } catch {
    throw new DecryptError();
  } finally {
    if (plaintext) wipe(plaintext);
  }
}
