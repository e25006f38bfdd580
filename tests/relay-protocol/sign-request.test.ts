/**
 * signRequest and verifyRequest: the four headers, a golden signature for a fixed key, round trips,
 * freshness at the ±5 minute edges, and refusal of every change to what was signed.
 */
import { hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it, vi } from 'vitest';
import { asKey, type SigningSecretKey } from '../../lib/crypto/keys';
import { signingPublicKey } from '../../lib/crypto/signing-public-key';
import { authHeadersSchema } from '../../lib/relay-protocol/auth-headers';
import { createEd25519Signer } from '../../lib/relay-protocol/create-ed25519-signer';
import { signRequest, type UnsignedRequest } from '../../lib/relay-protocol/sign-request';
import { verifyRequest } from '../../lib/relay-protocol/verify-request';

// RFC 8032 §7.1 TEST 1 secret key: a fixed key, so the signature below is fixed too (Ed25519 is deterministic).
const SECRET = asKey<SigningSecretKey>(hexToBytes('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60'));
const PUBLIC = signingPublicKey(SECRET);
const signer = createEd25519Signer('alice', SECRET);
const NOW = 1_793_491_200_000;
const NONCE = '000102030405060708090a0b0c0d0e0f';
const REQUEST: UnsignedRequest = { method: 'POST', pathAndQuery: '/v1/envelopes', body: utf8ToBytes('{"envelopes":[]}') };

function parse(headers: Record<string, string>) {
  return authHeadersSchema.parse({
    handle: headers['Sealpass-Handle'],
    time: headers['Sealpass-Time'],
    nonce: headers['Sealpass-Nonce'],
    signature: headers['Sealpass-Signature'],
  });
}

describe('signRequest', () => {
  it('returns the four Sealpass headers', () => {
    const headers = signRequest(REQUEST, signer, NOW, NONCE);
    expect(Object.keys(headers).sort()).toEqual(['Sealpass-Handle', 'Sealpass-Nonce', 'Sealpass-Signature', 'Sealpass-Time']);
    expect(headers).toMatchObject({ 'Sealpass-Handle': 'alice', 'Sealpass-Time': String(NOW), 'Sealpass-Nonce': NONCE });
  });

  // Golden: computed once with this code and @noble/curves; a change means deployed clients and relays disagree.
  it('gives the golden signature for the RFC 8032 test key', () => {
    expect(signRequest(REQUEST, signer, NOW, NONCE)['Sealpass-Signature']).toBe('hJTzi/efwymJxq5UfVtLNeqPYzIYsJzhK52eVqnXFBIVkKDRVho+jqq22YQEduP9ANjT9KVWfWlla5UUjSfoBw==');
  });

  it('draws a fresh 16-byte nonce for every request', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => signRequest(REQUEST, signer, NOW)['Sealpass-Nonce']));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[0-9a-f]{32}$/);
  });

  it('signs whole milliseconds', () => {
    expect(signRequest(REQUEST, signer, NOW + 0.7, NONCE)['Sealpass-Time']).toBe(String(NOW));
  });
});

describe('verifyRequest', () => {
  const auth = parse(signRequest(REQUEST, signer, NOW, NONCE));

  it('accepts the request as signed, up to 5 minutes either side of the signing time', () => {
    expect(verifyRequest(REQUEST, auth, PUBLIC, NOW)).toBe('ok');
    expect(verifyRequest(REQUEST, auth, PUBLIC, NOW + 300_000)).toBe('ok');
    expect(verifyRequest(REQUEST, auth, PUBLIC, NOW - 300_000)).toBe('ok');
  });

  it('calls it stale one millisecond beyond, without spending a verification on it', () => {
    const verify = vi.fn(() => true);
    expect(verifyRequest(REQUEST, auth, PUBLIC, NOW + 300_001, verify)).toBe('stale');
    expect(verifyRequest(REQUEST, auth, PUBLIC, NOW - 300_001, verify)).toBe('stale');
    expect(verify).not.toHaveBeenCalled();
  });

  it.each<[string, Partial<UnsignedRequest>]>([
    ['method', { method: 'PUT' }],
    ['path', { pathAndQuery: '/v1/mailbox/ack' }],
    ['query', { pathAndQuery: '/v1/envelopes?after=1' }],
    ['body', { body: utf8ToBytes('{"envelopes":[1]}') }],
  ])('refuses a changed %s', (_, change) => {
    expect(verifyRequest({ ...REQUEST, ...change }, auth, PUBLIC, NOW)).toBe('bad-signature');
  });

  it('refuses a changed handle, time or nonce, and another key', () => {
    expect(verifyRequest(REQUEST, { ...auth, handle: 'alicf' }, PUBLIC, NOW)).toBe('bad-signature');
    expect(verifyRequest(REQUEST, { ...auth, time: NOW + 1 }, PUBLIC, NOW)).toBe('bad-signature');
    expect(verifyRequest(REQUEST, { ...auth, nonce: 'f'.repeat(32) }, PUBLIC, NOW)).toBe('bad-signature');
    const otherKey = signingPublicKey(asKey<SigningSecretKey>(new Uint8Array(32).fill(7)));
    expect(verifyRequest(REQUEST, auth, otherKey, NOW)).toBe('bad-signature');
  });

  it('refuses a non-canonical base64 signature instead of throwing', () => {
    // Same length and alphabet as a real signature, but non-zero padding bits: not canonical.
    const sloppy = `${auth.signature.slice(0, -3)}B==`;
    expect(verifyRequest(REQUEST, { ...auth, signature: sloppy }, PUBLIC, NOW)).toBe('bad-signature');
  });

  it('uses the verifier it is given, with the public key, signed bytes and decoded signature', () => {
    const verify = vi.fn(() => false);
    expect(verifyRequest(REQUEST, auth, PUBLIC, NOW, verify)).toBe('bad-signature');
    expect(verify).toHaveBeenCalledWith(PUBLIC, expect.any(Uint8Array), expect.any(Uint8Array));
  });
});
