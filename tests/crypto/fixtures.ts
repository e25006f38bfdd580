/**
 * Shared fixtures for the lib/crypto tests: the golden sealed object of our format and the table of
 * KDF parameters that must be refused (S5, T10).
 */
import { hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import type { CipherContext } from '../../lib/crypto/associated-data';
import { KDF_CEILING, KDF_DEFAULT, type KdfParams } from '../../lib/crypto/kdf-params';
import { asKey, type ItemKey } from '../../lib/crypto/keys';
import type { Sealed } from '../../lib/crypto/sealed';

/**
 * A golden ciphertext of our `{ v, alg, nonce, ct }` format. The expected bytes are committed so that
 * any change to the associated-data encoding, the algorithm or the field layout fails on purpose:
 * existing vaults hold objects like this one and must keep opening. Computed once with
 * @noble/ciphers' xchacha20poly1305 over `encodeAssociatedData(GOLDEN.context)`.
 */
export const GOLDEN = {
  keyHex: '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f',
  nonceHex: '404142434445464748494a4b4c4d4e4f5051525354555657',
  context: { purpose: 'item', recordId: '0f8fad5b-d9cb-469f-a165-70867728950e', fields: 'login' } satisfies CipherContext,
  plaintext: '{"username":"alice@example.com","password":"correct horse battery staple"}',
  /** `"sealpass-ad" ‖ (u32be len ‖ utf8)` for version "1", purpose, record id, fields. */
  associatedDataHex: [
    '0000000b' + '7365616c706173732d6164', // 11, "sealpass-ad"
    '00000001' + '31', // 1, "1" (FORMAT_VERSION)
    '00000004' + '6974656d', // 4, "item"
    '00000024' + '30663866616435622d643963622d343639662d613136352d373038363737323839353065', // 36, record id
    '00000005' + '6c6f67696e', // 5, "login"
  ].join(''),
  /** Ciphertext ‖ 16-byte Poly1305 tag. */
  ctHex:
    'af1b7003b5921777e291a5848dfd09fbf1dfeda16b383eea0654d326666901bc3489631d26e5eb629b90ce6e69b5a883' +
    'fe0809c807eac6efd3dc6a9567c62926230b8b0675c329ada77e5332347100a2d1b6f4b2e6eb90d2030e',
} as const;

/** The golden key as a branded key (a fresh copy each call, so a test that wipes it harms no other). */
export function goldenKey(): ItemKey {
  return asKey<ItemKey>(hexToBytes(GOLDEN.keyHex));
}

/** The golden plaintext as UTF-8 bytes. */
export function goldenPlaintext(): Uint8Array {
  return utf8ToBytes(GOLDEN.plaintext);
}

/** A fresh copy of the golden sealed object, safe to tamper with. */
export function goldenSealed(): Sealed {
  return { v: 1, alg: 'xchacha20poly1305', nonce: hexToBytes(GOLDEN.nonceHex), ct: hexToBytes(GOLDEN.ctHex) };
}

/** Valid parameters at the default, with a fixed 16-byte salt. */
export function defaultKdfParams(): KdfParams {
  return { alg: 'argon2id', version: 0x13, ...KDF_DEFAULT, salt: new Uint8Array(16).fill(0x5a) };
}

/** One set of parameters that must be refused, and the message that names why. */
export interface BadKdfCase {
  name: string;
  params: unknown;
  message: RegExp;
}

/** Spreads `patch` over the valid default, so each case changes exactly one thing. */
function withDefault(patch: Record<string, unknown>): Record<string, unknown> {
  return { ...defaultKdfParams(), ...patch };
}

/** Without the named key, to model a header that lost a field. */
function withoutKey(key: keyof KdfParams): Record<string, unknown> {
  const { [key]: _dropped, ...rest } = defaultKdfParams();
  return rest;
}

/**
 * KDF parameters that must be refused before any derivation (S5, T10, T12). The downgrades are the
 * ones from the ZKAE paper (THREATS T10): weaker memory or passes, another algorithm, another version.
 */
export const BAD_KDF_PARAMS: readonly BadKdfCase[] = [
  { name: 'null', params: null, message: /parameters missing/ },
  { name: 'undefined', params: undefined, message: /parameters missing/ },
  { name: 'a string', params: 'argon2id', message: /parameters missing/ },
  { name: 'alg argon2i', params: withDefault({ alg: 'argon2i' }), message: /unknown algorithm/ },
  { name: 'alg argon2d', params: withDefault({ alg: 'argon2d' }), message: /unknown algorithm/ },
  { name: 'alg pbkdf2-sha256', params: withDefault({ alg: 'pbkdf2-sha256' }), message: /unknown algorithm/ },
  { name: 'alg ARGON2ID (case matters)', params: withDefault({ alg: 'ARGON2ID' }), message: /unknown algorithm/ },
  { name: 'alg missing', params: withoutKey('alg'), message: /unknown algorithm/ },
  { name: 'version 0x10 (Argon2 1.0)', params: withDefault({ version: 0x10 }), message: /unknown Argon2 version/ },
  { name: 'version "0x13" as text', params: withDefault({ version: '0x13' }), message: /unknown Argon2 version/ },
  { name: 'version missing', params: withoutKey('version'), message: /unknown Argon2 version/ },
  { name: 'm one KiB below the floor', params: withDefault({ m: KDF_DEFAULT.m - 1 }), message: /memory/ },
  { name: 'm at the OWASP minimum (19 MiB)', params: withDefault({ m: 19 * 1024 }), message: /memory/ },
  { name: 'm = 0', params: withDefault({ m: 0 }), message: /memory/ },
  { name: 'm negative', params: withDefault({ m: -65536 }), message: /memory/ },
  { name: 'm not an integer', params: withDefault({ m: 65536.5 }), message: /memory/ },
  { name: 'm NaN', params: withDefault({ m: Number.NaN }), message: /memory/ },
  { name: 'm as text', params: withDefault({ m: '65536' }), message: /memory/ },
  { name: 'm one KiB above the ceiling', params: withDefault({ m: KDF_CEILING.m + 1 }), message: /memory/ },
  { name: 'm Infinity', params: withDefault({ m: Number.POSITIVE_INFINITY }), message: /memory/ },
  { name: 'm missing', params: withoutKey('m'), message: /memory/ },
  { name: 't = 2 (below the floor)', params: withDefault({ t: 2 }), message: /passes/ },
  { name: 't = 1', params: withDefault({ t: 1 }), message: /passes/ },
  { name: 't = 0', params: withDefault({ t: 0 }), message: /passes/ },
  { name: 't not an integer', params: withDefault({ t: 3.5 }), message: /passes/ },
  { name: 't above the ceiling', params: withDefault({ t: KDF_CEILING.t + 1 }), message: /passes/ },
  { name: 't missing', params: withoutKey('t'), message: /passes/ },
  { name: 'p = 0', params: withDefault({ p: 0 }), message: /lanes/ },
  { name: 'p negative', params: withDefault({ p: -4 }), message: /lanes/ },
  { name: 'p not an integer', params: withDefault({ p: 1.5 }), message: /lanes/ },
  { name: 'p above the ceiling', params: withDefault({ p: KDF_CEILING.p + 1 }), message: /lanes/ },
  { name: 'p missing', params: withoutKey('p'), message: /lanes/ },
  { name: 'salt 15 bytes', params: withDefault({ salt: new Uint8Array(15) }), message: /salt/ },
  { name: 'salt 17 bytes', params: withDefault({ salt: new Uint8Array(17) }), message: /salt/ },
  { name: 'salt empty', params: withDefault({ salt: new Uint8Array(0) }), message: /salt/ },
  { name: 'salt as a number array', params: withDefault({ salt: Array.from({ length: 16 }, () => 0) }), message: /salt/ },
  { name: 'salt as hex text', params: withDefault({ salt: '5a'.repeat(16) }), message: /salt/ },
  { name: 'salt as an ArrayBuffer', params: withDefault({ salt: new ArrayBuffer(16) }), message: /salt/ },
  { name: 'salt missing', params: withoutKey('salt'), message: /salt/ },
];
