/**
 * The background's end of the offscreen Argon2id (issue 15, decision 5): the master password goes over a port to
 * the offscreen document, whose worker derives the key (openpgp's SIMD `argon2id`, checked on the RFC 9106 vector
 * first), and the 32-byte key comes back; the service worker stays free for messages meanwhile. The port is
 * accepted only from our offscreen page (T21): a content script or another page that connects with the same name
 * is cut off and is never sent a password. Where there are no offscreen documents the deriver answers null and
 * hash-wasm runs in place (lib/crypto/derive-master-key); any other failure (the document not starting or not
 * connecting, a worker error, a dropped port, a malformed answer) rejects, which unlock reports as a clear error.
 * The port itself (T21, reconnecting after a service-worker stop) is lib/browser/offscreen-channel.
 */
import type { Argon2idDeriver } from '../crypto/derive-master-key';
import type { KdfParams } from '../crypto/kdf-params';
import { KDF_CONNECT_MESSAGE, KDF_PORT, kdfReplySchema } from './kdf-wire';
import { createOffscreenChannel } from './offscreen-channel';

/** How long one derivation may take, in ms: about 0.3 s alone at 64 MiB, far more on a busy machine or at the ceiling. */
const DERIVE_TIMEOUT_MS = 120_000;

/**
 * Listens for the offscreen document's KDF port (from now on: call once, at service-worker start).
 * @returns a deriver that creates the document on first use
 */
export function createOffscreenKdf(): Argon2idDeriver {
  const channel = createOffscreenChannel({
    portName: KDF_PORT,
    connectMessage: KDF_CONNECT_MESSAGE,
    replySchema: kdfReplySchema,
    label: 'the offscreen KDF',
    // The port's own parsed copy of the key bytes is zeroed too: only the caller's key is left to wipe (S4).
    wipe: (message) => {
      const raw = message as { key?: unknown } | null;
      if (Array.isArray(raw?.key)) raw.key.fill(0);
    },
  });
  return {
    async derive(password: string, params: KdfParams) {
      const reply = await channel.request({ password, salt: [...params.salt], m: params.m, t: params.t, p: params.p }, DERIVE_TIMEOUT_MS);
      if (!reply) return null;
      if ('failed' in reply) throw new Error('the offscreen KDF failed');
      const key = Uint8Array.from(reply.key);
      reply.key.fill(0);
      return key;
    },
  };
}
