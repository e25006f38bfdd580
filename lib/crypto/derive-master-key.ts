/**
 * Master key derivation: Argon2id (RFC 9106) of the master password.
 *
 * Where it runs (issue 15, decision 5): in Chromium the background registers an off-worker deriver at start
 * (lib/browser/offscreen-kdf: the offscreen document's worker with openpgp's SIMD `argon2id`), so a 64 MiB
 * derivation never blocks the service worker; the derived key comes back and is wiped there after use.
 * Everywhere else (unit tests, Firefox, the relay's link pages) and wherever that deriver says it does not
 * exist here, hash-wasm runs in place. hash-wasm matches @noble/hashes' argon2id (RFC 9106 §5.3) byte for byte;
 * see tests/crypto/derive-master-key.test.ts and `npm run bench`. Both need `wasm-unsafe-eval` in the CSP.
 */
import { argon2id } from 'hash-wasm';
import { asKey, KEY_LENGTH, type MasterKey } from './keys';
import { assertKdfParams, type KdfParams } from './kdf-params';
import { wipe } from './wipe';

/** Derives Argon2id somewhere other than here; `null` means "not available in this browser": derive in place. */
export interface Argon2idDeriver {
  /**
   * @param password - already NFKC-normalised
   * @param params - already checked against the floor
   * @returns the 32-byte tag (the caller owns and wipes it), or null where this deriver cannot run
   * @throws when it exists but failed (did not start, worker error, malformed answer)
   */
  derive(password: string, params: KdfParams): Promise<Uint8Array | null>;
}

/** Thrown when the off-worker deriver failed: nothing was derived, so nothing was unlocked or changed. */
export class KdfFailedError extends Error {
  override name = 'KdfFailedError';
}

// One deriver per context, set by the background's composition root: every caller of deriveMasterKey (unlock,
// create, change and verify the master password, exports, links) then takes it without threading it through.
let deriver: Argon2idDeriver | null = null;

/**
 * Sets (or, with null, removes) where Argon2id runs in this context; call once at start.
 * @param next - the deriver, or null for hash-wasm in place
 */
export function useArgon2idDeriver(next: Argon2idDeriver | null): void {
  deriver = next;
}

/**
 * Derives the 32-byte master key from a password.
 * @param password - the master password; NFKC-normalised so the same password typed on another
 *   keyboard layout or OS derives the same key
 * @param params - checked against the floor before any work is done
 * @throws KdfParamsError for unknown or weak parameters; KdfFailedError when the registered deriver failed
 * @example const mk = await deriveMasterKey('correct horse battery staple', header.kdf);
 */
export async function deriveMasterKey(password: string, params: KdfParams): Promise<MasterKey> {
  assertKdfParams(params);
  if (typeof password !== 'string' || password.length === 0) throw new TypeError('deriveMasterKey: password is empty');
  const normalized = password.normalize('NFKC');
  if (deriver) {
    let derived: Uint8Array | null;
    try {
      derived = await deriver.derive(normalized, params);
    } catch {
      // The cause can name the worker's failure but never the password; keep only a fixed message.
      throw new KdfFailedError('The key-derivation worker failed; nothing was derived.');
    }
    if (derived !== null) {
      if (derived.length !== KEY_LENGTH) {
        wipe(derived);
        throw new KdfFailedError(`The key-derivation worker returned ${derived.length} bytes instead of ${KEY_LENGTH}.`);
      }
      return asKey<MasterKey>(derived);
    }
  }
  const out = await argon2id({
    password: normalized,
    salt: params.salt,
    iterations: params.t,
    parallelism: params.p,
    memorySize: params.m,
    hashLength: KEY_LENGTH,
    outputType: 'binary',
  });
  return asKey<MasterKey>(out);
}
