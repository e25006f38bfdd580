/** requestSigningInput: the exact bytes a request signature covers (golden), and that every field is bound. */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { REQUEST_SIGNING_LABEL, requestSigningInput, type SignedRequestFields } from '../../lib/relay-protocol/request-signing-input';

const FIELDS: SignedRequestFields = {
  method: 'post',
  pathAndQuery: '/v1/envelopes',
  body: utf8ToBytes('{"envelopes":[]}'),
  handle: 'alice',
  time: 1_793_491_200_000,
  nonce: '000102030405060708090a0b0c0d0e0f',
};

/** u32be length ‖ bytes, written out independently of lib/crypto/encode-length-prefixed. */
function lp(part: Uint8Array | string): Uint8Array {
  const bytes = typeof part === 'string' ? utf8ToBytes(part) : part;
  const length = new Uint8Array(4);
  new DataView(length.buffer).setUint32(0, bytes.length);
  return concatBytes(length, bytes);
}

describe('requestSigningInput', () => {
  it('is lp(label) ‖ lp(METHOD) ‖ lp(path) ‖ lp(SHA-256(body)) ‖ lp(handle) ‖ lp(time) ‖ lp(nonce)', () => {
    const expected = concatBytes(
      lp('sealpass/v1/relay-request'),
      lp('POST'),
      lp('/v1/envelopes'),
      lp(sha256(FIELDS.body)),
      lp('alice'),
      lp('1793491200000'),
      lp('000102030405060708090a0b0c0d0e0f'),
    );
    expect(REQUEST_SIGNING_LABEL).toBe('sealpass/v1/relay-request');
    expect(bytesToHex(requestSigningInput(FIELDS))).toBe(bytesToHex(expected));
  });

  it.each<[string, Partial<SignedRequestFields>]>([
    ['method', { method: 'GET' }],
    ['path', { pathAndQuery: '/v1/envelopes?x=1' }],
    ['body', { body: utf8ToBytes('{"envelopes":[ ]}') }],
    ['handle', { handle: 'alicf' }],
    ['time', { time: FIELDS.time + 1 }],
    ['nonce', { nonce: '000102030405060708090a0b0c0d0e0e' }],
  ])('binds the %s', (_, change) => {
    expect(requestSigningInput({ ...FIELDS, ...change })).not.toEqual(requestSigningInput(FIELDS));
  });

  it('keeps field boundaries: moving text between path and handle changes the bytes', () => {
    const a = requestSigningInput({ ...FIELDS, pathAndQuery: '/v1/x', handle: 'abc' });
    const b = requestSigningInput({ ...FIELDS, pathAndQuery: '/v1/xa', handle: 'bc' });
    expect(a).not.toEqual(b);
  });

  it('refuses a time that is negative, fractional or unsafe', () => {
    for (const time of [-1, 1.5, Number.MAX_SAFE_INTEGER + 1, Number.NaN]) {
      expect(() => requestSigningInput({ ...FIELDS, time })).toThrow(RangeError);
    }
  });
});
