/**
 * Secret request format (issue 14, T26): the descriptor opens only with the request's secret and only with
 * the owner's signature; a descriptor swapped for another request's, or re-sealed with another public key
 * by someone holding the secret, is detected; an answer opens only for the request it was sealed to.
 */
import { describe, expect, it } from 'vitest';
import { toBase64 } from '../../../lib/crypto/base64';
import { generateKeyPair } from '../../../lib/crypto/hpke/generate-key-pair';
import { DecryptError } from '../../../lib/crypto/sealed';
import { deriveRequestKeys } from '../../../lib/links/format/derive-request-keys';
import { newLinkSecret } from '../../../lib/links/format/link-secret';
import { openRequestAnswer } from '../../../lib/links/format/open-request-answer';
import { openRequestDescriptor, RequestDescriptorError } from '../../../lib/links/format/open-request-descriptor';
import type { RequestDescriptor } from '../../../lib/links/format/request-descriptor';
import { sealRequestAnswer } from '../../../lib/links/format/seal-request-answer';
import { sealRequestDescriptor } from '../../../lib/links/format/seal-request-descriptor';
import { sealJsonText } from '../../../lib/links/format/sealed-text';
import { descriptorContext, descriptorSigningBytes } from '../../../lib/links/format/request-descriptor';
import { ownerSafetyCode } from '../../../lib/links/page/owner-safety-code';
import { signEd25519 } from '../../../lib/crypto/sign-ed25519';
import { ownSafetyCode } from '../../../lib/sharing/identity/own-safety-code';
import { generateIdentity } from '../../../lib/sharing/identity/generate-identity';
import { T0 } from './fixtures';

const owner = generateIdentity('alice', T0);
const mallory = generateIdentity('mallory', T0);

function makeRequest(label = 'hosting login for Acme') {
  const secret = newLinkSecret();
  const keyPair = generateKeyPair();
  const descriptor: RequestDescriptor = {
    v: 1,
    requestId: deriveRequestKeys(secret).id,
    label,
    publicKey: toBase64(keyPair.publicKey),
    owner: { handle: owner.handle, encryptionKey: toBase64(owner.encryptionKey), signingKey: toBase64(owner.signingKey) },
    created: T0,
    expiresAt: T0 + 86_400_000,
    maxAnswers: 1,
  };
  return { secret, keyPair, descriptor, wire: sealRequestDescriptor(secret, descriptor, owner.signingSecretKey) };
}

describe('secret request descriptor', () => {
  it('opens with the secret and the owner signature; the label and key are not in the wire', () => {
    const { secret, descriptor, wire } = makeRequest();
    expect(openRequestDescriptor(secret, wire.descriptor)).toEqual(descriptor);
    expect(JSON.stringify(wire)).not.toContain('Acme');
    expect(JSON.stringify(wire)).not.toContain(descriptor.publicKey);
  });

  it('T26: a relay that swaps in another request’s descriptor is detected', () => {
    const first = makeRequest();
    const second = makeRequest('another');
    expect(() => openRequestDescriptor(first.secret, second.wire.descriptor)).toThrow(RequestDescriptorError);
  });

  it('T26: a swapped public key, re-sealed by someone holding the secret, fails the owner signature', () => {
    const { secret, descriptor, wire } = makeRequest();
    const parsed = JSON.parse(JSON.stringify({ descriptor: { ...descriptor, publicKey: toBase64(generateKeyPair().publicKey) } }));
    const signature = JSON.parse('"' + 'A'.repeat(86) + '=="');
    const keys = deriveRequestKeys(secret);
    const forged = sealJsonText(keys.descriptorKey, { ...parsed, signature }, descriptorContext(keys.id));
    expect(() => openRequestDescriptor(secret, forged)).toThrow(expect.objectContaining({ reason: 'unsigned' }));
    // Signed by mallory with mallory's keys named: it opens, and the page shows mallory's handle and safety code, not alice's.
    const asMallory = sealRequestDescriptor(
      secret,
      { ...descriptor, owner: { handle: 'mallory', encryptionKey: toBase64(mallory.encryptionKey), signingKey: toBase64(mallory.signingKey) } },
      mallory.signingSecretKey,
    );
    expect(openRequestDescriptor(secret, asMallory.descriptor).owner.handle).toBe('mallory');
    expect(wire.id).toBe(asMallory.id);
  });

  it('issue 16: an owner with an X-Wing key names it, so the page shows their own safety code; it can be neither dropped nor swapped under their signature', () => {
    const { secret, descriptor } = makeRequest();
    const withXWing: RequestDescriptor = { ...descriptor, owner: { ...descriptor.owner, xwingKey: toBase64(owner.xwingKey!) } };
    const wire = sealRequestDescriptor(secret, withXWing, owner.signingSecretKey);
    const opened = openRequestDescriptor(secret, wire.descriptor);
    expect(opened).toEqual(withXWing);
    expect(ownerSafetyCode(opened.owner)).toBe(ownSafetyCode(owner));
    // Without the X-Wing key it would be the classic code, which the owner's Settings no longer show.
    expect(ownerSafetyCode(descriptor.owner)).not.toBe(ownSafetyCode(owner));
    const signature = toBase64(signEd25519(owner.signingSecretKey, descriptorSigningBytes(withXWing)));
    const keys = deriveRequestKeys(secret);
    const reseal = (d: unknown) => sealJsonText(keys.descriptorKey, { descriptor: d, signature }, descriptorContext(keys.id));
    expect(openRequestDescriptor(secret, reseal(withXWing))).toEqual(withXWing);
    expect(() => openRequestDescriptor(secret, reseal(descriptor))).toThrow(expect.objectContaining({ reason: 'unsigned' }));
    const swapped = { ...withXWing, owner: { ...withXWing.owner, xwingKey: toBase64(mallory.xwingKey!) } };
    expect(() => openRequestDescriptor(secret, reseal(swapped))).toThrow(expect.objectContaining({ reason: 'unsigned' }));
  });

  it('refuses to seal a descriptor for another request id', () => {
    const { descriptor } = makeRequest();
    expect(() => sealRequestDescriptor(newLinkSecret(), descriptor, owner.signingSecretKey)).toThrow(RangeError);
  });
});

describe('request answer', () => {
  it('opens for the owner with the request key, and T26: not when moved to another request', () => {
    const { keyPair, descriptor } = makeRequest();
    const text = sealRequestAnswer(descriptor, { v: 1, username: 'root', password: 'Tr0ub4dor&3' });
    expect(text).not.toContain('Tr0ub4dor');
    expect(openRequestAnswer(keyPair.secretKey, descriptor.requestId, text)).toEqual({ v: 1, username: 'root', password: 'Tr0ub4dor&3', url: '', note: '' });
    expect(() => openRequestAnswer(keyPair.secretKey, 'B'.repeat(22), text)).toThrow(DecryptError);
    expect(() => openRequestAnswer(generateKeyPair().secretKey, descriptor.requestId, text)).toThrow(DecryptError);
    expect(() => openRequestAnswer(keyPair.secretKey, descriptor.requestId, '{"v":1}')).toThrow(DecryptError);
  });

  it('refuses an empty answer', () => {
    const { descriptor } = makeRequest();
    expect(() => sealRequestAnswer(descriptor, { v: 1 })).toThrow();
  });
});
