/**
 * Master key derivation: Argon2id (RFC 9106) of the master password.
 *
 * Implementation: hash-wasm's WebAssembly Argon2id. It matches @noble/hashes' pure-JS argon2id (which
 * passes the RFC 9106 §5.3 vector) byte for byte and is about 3.5× faster at our default parameters;
 * see tests/crypto/derive-master-key.test.ts and `npm run bench`. Needs `wasm-unsafe-eval` in the
 * extension CSP.
 */
import { argon2id } from 'hash-wasm';
import { asKey, KEY_LENGTH, type MasterKey } from './keys';
import { assertKdfParams, type KdfParams } from './kdf-params';

/**
 * Derives the 32-byte master key from a password.
 * @param password - the master password; NFKC-normalised so the same password typed on another
 *   keyboard layout or OS derives the same key
 * @param params - checked against the floor before any work is done
 * @throws KdfParamsError for unknown or weak parameters
 * @example const mk = await deriveMasterKey('correct horse battery staple', header.kdf);
 */
export async function deriveMasterKey(password: string, params: KdfParams): Promise<MasterKey> {
  assertKdfParams(params);
  if (typeof password !== 'string' || password.length === 0) throw new TypeError('deriveMasterKey: password is empty');
  const out = await argon2id({
    password: password.normalize('NFKC'),
    salt: params.salt,
    iterations: params.t,
    parallelism: params.p,
    memorySize: params.m,
    hashLength: KEY_LENGTH,
    outputType: 'binary',
  });
  return asKey<MasterKey>(out);
}
