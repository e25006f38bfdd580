/**
 * Argon2id parameters (RFC 9106) as stored in the vault header. The floor equals our default
 * (DESIGN S5, THREATS T10): anything weaker, or any other algorithm, is refused before deriving.
 */

/** Argon2id parameters; `m` in KiB, `salt` 16 bytes. */
export interface KdfParams {
  alg: 'argon2id';
  /** Argon2 version: 0x13 (RFC 9106 §3.1). */
  version: 0x13;
  /** Memory in KiB. */
  m: number;
  /** Passes over memory. */
  t: number;
  /** Lanes. */
  p: number;
  salt: Uint8Array;
}

/** Default and floor: 64 MiB, 3 passes, 4 lanes (Bitwarden's default, above OWASP's minimum). */
export const KDF_DEFAULT = { m: 64 * 1024, t: 3, p: 4 } as const;
/** Ceilings that stop a tampered header from asking for gigabytes or minutes of work. */
export const KDF_CEILING = { m: 1024 * 1024, t: 16, p: 16 } as const;
/** Salt length in bytes (RFC 9106 §3.1 recommends 16). */
export const SALT_LENGTH = 16;

/** Thrown for parameters that are unknown, below the floor or above the ceiling. */
export class KdfParamsError extends Error {
  override name = 'KdfParamsError';
}

/**
 * Checks parameters read from storage or a file before any derivation.
 * @throws KdfParamsError naming the offending parameter
 */
export function assertKdfParams(params: unknown): asserts params is KdfParams {
  const p = params as Partial<KdfParams> | null;
  if (typeof p !== 'object' || p === null) throw new KdfParamsError('kdf: parameters missing');
  if (p.alg !== 'argon2id') throw new KdfParamsError('kdf: unknown algorithm');
  if (p.version !== 0x13) throw new KdfParamsError('kdf: unknown Argon2 version');
  const within = (v: unknown, lo: number, hi: number) => Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi;
  if (!within(p.m, KDF_DEFAULT.m, KDF_CEILING.m)) throw new KdfParamsError('kdf: memory outside the allowed range');
  if (!within(p.t, KDF_DEFAULT.t, KDF_CEILING.t)) throw new KdfParamsError('kdf: passes outside the allowed range');
  if (!within(p.p, 1, KDF_CEILING.p)) throw new KdfParamsError('kdf: lanes outside the allowed range');
  if (!(p.salt instanceof Uint8Array) || p.salt.length !== SALT_LENGTH) throw new KdfParamsError('kdf: salt must be 16 bytes');
}

/** True when the parameters are weaker than the current default or use another lane count, so the vault is re-wrapped (T12); stronger parameters are kept. */
export function isKdfOutdated(params: KdfParams): boolean {
  return params.m < KDF_DEFAULT.m || params.t < KDF_DEFAULT.t || params.p !== KDF_DEFAULT.p;
}

/**
 * Canonical text of the parameters, bound into the wrapped vault key's associated data so that a
 * changed parameter makes the unwrap fail (S5).
 */
export function encodeKdfParams(params: KdfParams): string {
  let salt = '';
  for (const b of params.salt) salt += b.toString(16).padStart(2, '0');
  return `${params.alg};v=${params.version};m=${params.m};t=${params.t};p=${params.p};salt=${salt}`;
}
