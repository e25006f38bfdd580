/**
 * The offscreen document's KDF worker (issue 15, decision 5): Argon2id with openpgp's SIMD `argon2id`, after the
 * RFC 9106 §5.3 vector passed here, in the extension's own Chromium. Every request's password bytes, the module's
 * memory (lib/crypto/argon2id-simd) and the tag are zeroed once the answer is posted. The password is never logged.
 */
import '../../lib/messaging/zod-jitless';
import simdWasmUrl from 'argon2id/dist/simd.wasm?url';
import plainWasmUrl from 'argon2id/dist/no-simd.wasm?url';
import { createArgon2idSimd, type Argon2idWasmLoader } from '../../lib/crypto/argon2id-simd';
import { passesRfc9106 } from '../../lib/crypto/argon2id-self-test';
import { KEY_LENGTH } from '../../lib/crypto/keys';
import { wipe } from '../../lib/crypto/wipe';
import { kdfRequestSchema, type KdfReply } from '../../lib/browser/kdf-wire';

const load = (url: string): Argon2idWasmLoader => async (imports) => WebAssembly.instantiateStreaming(fetch(url), imports);

// Loaded and checked once, on the first request; a failure answers every request with `failed`.
const ready = createArgon2idSimd(load(simdWasmUrl), load(plainWasmUrl)).then(async (hash) => {
  if (!(await passesRfc9106(hash))) throw new Error('Argon2id failed the RFC 9106 vector');
  return hash;
});
// Requests run one at a time: each needs the module's whole memory.
let queue: Promise<void> = Promise.resolve();

self.onmessage = (event: MessageEvent<unknown>) => {
  const request = kdfRequestSchema.safeParse(event.data);
  if (!request.success) return;
  const { id, password, salt, m, t, p } = request.data;
  queue = queue.then(async () => {
    const passwordBytes = new TextEncoder().encode(password);
    let tag: Uint8Array | undefined;
    try {
      const hash = await ready;
      tag = await hash({ password: passwordBytes, salt: Uint8Array.from(salt), m, t, p, tagLength: KEY_LENGTH });
      const reply: KdfReply = { id, key: [...tag] };
      self.postMessage(reply);
      reply.key.fill(0);
    } catch {
      const reply: KdfReply = { id, failed: true };
      self.postMessage(reply);
    } finally {
      wipe(passwordBytes, tag);
    }
  });
};
