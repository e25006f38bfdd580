/** KDF parameter checks (S5, T10), the re-wrap decision (T12) and the canonical text bound into the vault key's AD. */
import { describe, expect, it } from 'vitest';
import {
  assertKdfParams,
  encodeKdfParams,
  isKdfOutdated,
  KDF_CEILING,
  KDF_DEFAULT,
  KdfParamsError,
  SALT_LENGTH,
  type KdfParams,
} from '../../lib/crypto/kdf-params';
import { BAD_KDF_PARAMS, defaultKdfParams } from './fixtures';

describe('constants', () => {
  // The floor is a security decision (THREATS "Key numbers"); lowering it must show up as a failing test.
  it('default and floor are 64 MiB, 3 passes, 4 lanes; salt is 16 bytes', () => {
    expect(KDF_DEFAULT).toEqual({ m: 65536, t: 3, p: 4 });
    expect(SALT_LENGTH).toBe(16);
  });

  it('ceilings sit above the default', () => {
    expect(KDF_CEILING.m).toBeGreaterThan(KDF_DEFAULT.m);
    expect(KDF_CEILING.t).toBeGreaterThan(KDF_DEFAULT.t);
    expect(KDF_CEILING.p).toBeGreaterThanOrEqual(KDF_DEFAULT.p);
  });
});

describe('assertKdfParams', () => {
  it('accepts the default', () => {
    expect(() => assertKdfParams(defaultKdfParams())).not.toThrow();
  });

  it.each([
    { name: 'the ceilings', patch: { m: KDF_CEILING.m, t: KDF_CEILING.t, p: KDF_CEILING.p } },
    { name: 'one lane (lanes change parallelism, not the attacker\'s cost)', patch: { p: 1 } },
    { name: 'more memory and passes than the default', patch: { m: 2 * KDF_DEFAULT.m, t: KDF_DEFAULT.t + 1 } },
  ])('accepts $name', ({ patch }) => {
    expect(() => assertKdfParams({ ...defaultKdfParams(), ...patch })).not.toThrow();
  });

  it.each(BAD_KDF_PARAMS)('S5/T10: refuses $name', ({ params, message }) => {
    expect(() => assertKdfParams(params)).toThrow(KdfParamsError);
    expect(() => assertKdfParams(params)).toThrow(message);
  });

  it('throws a named Error subclass', () => {
    let caught: unknown;
    try {
      assertKdfParams({ ...defaultKdfParams(), m: 1 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(Error);
    expect(caught).toBeInstanceOf(KdfParamsError);
    expect((caught as KdfParamsError).name).toBe('KdfParamsError');
  });
});

describe('isKdfOutdated (T12: re-wrap at next unlock)', () => {
  it('is false at the default', () => {
    expect(isKdfOutdated(defaultKdfParams())).toBe(false);
  });

  it('is true for memory or passes below the current default', () => {
    // Only reachable once the default rises above the floor; the check must already be right then.
    expect(isKdfOutdated({ ...defaultKdfParams(), m: KDF_DEFAULT.m / 2 })).toBe(true);
    expect(isKdfOutdated({ ...defaultKdfParams(), t: KDF_DEFAULT.t - 1 })).toBe(true);
  });

  it('is true for a lane count other than the default', () => {
    expect(isKdfOutdated({ ...defaultKdfParams(), p: 1 })).toBe(true);
    expect(isKdfOutdated({ ...defaultKdfParams(), p: 8 })).toBe(true);
  });

  it('is false for more memory or passes than the default, so a stronger vault is never downgraded', () => {
    expect(isKdfOutdated({ ...defaultKdfParams(), m: 2 * KDF_DEFAULT.m })).toBe(false);
    expect(isKdfOutdated({ ...defaultKdfParams(), t: KDF_DEFAULT.t + 2 })).toBe(false);
  });
});

describe('encodeKdfParams', () => {
  const salt = Uint8Array.from({ length: 16 }, (_, i) => i);

  // Golden: this text is bound into the wrapped vault key's associated data (lib/vault), so changing
  // it would make every existing vault fail to unlock.
  it('produces the committed canonical text', () => {
    const params: KdfParams = { alg: 'argon2id', version: 0x13, m: 65536, t: 3, p: 4, salt };
    expect(encodeKdfParams(params)).toBe('argon2id;v=19;m=65536;t=3;p=4;salt=000102030405060708090a0b0c0d0e0f');
  });

  it('changes whenever any single parameter changes (T10: a tampered header cannot reuse the wrap)', () => {
    const base: KdfParams = { alg: 'argon2id', version: 0x13, m: 65536, t: 3, p: 4, salt };
    const variants: KdfParams[] = [
      { ...base, m: 65537 },
      { ...base, t: 4 },
      { ...base, p: 2 },
      { ...base, salt: Uint8Array.from(salt, (b, i) => (i === 15 ? b ^ 1 : b)) },
    ];
    const texts = new Set([base, ...variants].map(encodeKdfParams));
    expect(texts.size).toBe(variants.length + 1);
  });
});
