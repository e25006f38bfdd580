/** computeNonce, contextSeal, contextOpen and contextExport: roles, sequence numbers and limits (RFC 9180 §5.2, §5.3). */
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { computeNonce } from '../../../lib/crypto/hpke/compute-nonce';
import { MAX_SEQ } from '../../../lib/crypto/hpke/context';
import { contextExport } from '../../../lib/crypto/hpke/context-export';
import { contextOpen } from '../../../lib/crypto/hpke/context-open';
import { contextSeal } from '../../../lib/crypto/hpke/context-seal';
import { generateKeyPair } from '../../../lib/crypto/hpke/generate-key-pair';
import { setupBaseR } from '../../../lib/crypto/hpke/setup-base-r';
import { X25519_KEM as K } from '../../../lib/crypto/hpke/x25519-kem';
import { setupBaseS } from '../../../lib/crypto/hpke/setup-base-s';
import { DecryptError } from '../../../lib/crypto/sealed';

const info = utf8ToBytes('context test');
const aad = utf8ToBytes('aad');

function pair() {
  const r = generateKeyPair();
  const { enc, context } = setupBaseS(K, r.publicKey, info);
  return { sender: context, recipient: setupBaseR(K, enc, r.secretKey, info) };
}

describe('computeNonce', () => {
  it('XORs the big-endian sequence number into the last bytes', () => {
    const base = new Uint8Array(12);
    expect(computeNonce(base, 0)).toEqual(new Uint8Array(12));
    expect(computeNonce(base, 0x0102)).toEqual(Uint8Array.of(...new Uint8Array(10), 1, 2));
    expect(computeNonce(base, MAX_SEQ).subarray(0, 5)).toEqual(new Uint8Array(5));
  });

  it('refuses a wrong base nonce or a sequence number out of range', () => {
    expect(() => computeNonce(new Uint8Array(11), 0)).toThrow(RangeError);
    for (const seq of [-1, 1.5, MAX_SEQ + 1, Number.NaN]) expect(() => computeNonce(new Uint8Array(12), seq)).toThrow(RangeError);
  });
});

describe('contextSeal / contextOpen', () => {
  it('open messages in order and move both sequence numbers', () => {
    const { sender, recipient } = pair();
    const cts = ['one', 'two', 'three'].map((m) => contextSeal(sender, aad, utf8ToBytes(m)));
    expect(sender.seq).toBe(3);
    expect(cts.map((ct) => new TextDecoder().decode(contextOpen(recipient, aad, ct)))).toEqual(['one', 'two', 'three']);
    expect(recipient.seq).toBe(3);
  });

  it('a reordered message fails and leaves the sequence number where it was', () => {
    const { sender, recipient } = pair();
    contextSeal(sender, aad, utf8ToBytes('one'));
    const second = contextSeal(sender, aad, utf8ToBytes('two'));
    expect(() => contextOpen(recipient, aad, second)).toThrow(DecryptError);
    expect(recipient.seq).toBe(0);
  });

  it('each side can only do its own half', () => {
    const { sender, recipient } = pair();
    expect(() => contextSeal(recipient, aad, utf8ToBytes('x'))).toThrow(TypeError);
    expect(() => contextOpen(sender, aad, new Uint8Array(16))).toThrow(TypeError);
  });

  it('refuses to seal past the message limit rather than repeat a nonce', () => {
    const { sender } = pair();
    sender.seq = MAX_SEQ;
    expect(() => contextSeal(sender, aad, utf8ToBytes('x'))).toThrow(RangeError);
    sender.seq = MAX_SEQ - 1;
    expect(() => contextSeal(sender, aad, utf8ToBytes('x'))).not.toThrow();
  });

  it('a ciphertext shorter than the tag is a DecryptError', () => {
    const { recipient } = pair();
    expect(() => contextOpen(recipient, aad, new Uint8Array(15))).toThrow(DecryptError);
  });
});

describe('contextExport', () => {
  it('gives the same secret on both sides, different per exporter context and length', () => {
    const { sender, recipient } = pair();
    const a = contextExport(sender, utf8ToBytes('a'), 32);
    expect(contextExport(recipient, utf8ToBytes('a'), 32)).toEqual(a);
    expect(contextExport(sender, utf8ToBytes('b'), 32)).not.toEqual(a);
    expect(contextExport(sender, utf8ToBytes('a'), 64)).toHaveLength(64);
    expect(() => contextExport(sender, utf8ToBytes('a'), 255 * 32 + 1)).toThrow(RangeError);
  });
});
