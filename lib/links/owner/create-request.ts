/**
 * Creates a secret request (issue 14, T26): a fresh secret and a per-request X25519 key pair; the label,
 * the public key and the owner's identity keys go into a descriptor the owner signs and seals under a key
 * from the secret, so the relay neither reads the label nor swaps the key. The secret key stays in the
 * vault's sealed record; the secret travels only in the URL's fragment.
 */
import { toBase64 } from '../../crypto/base64';
import { generateKeyPair } from '../../crypto/hpke/generate-key-pair';
import { wipe } from '../../crypto/wipe';
import { withIdentity } from '../../sharing/store/read-identity';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { deriveRequestKeys } from '../format/derive-request-keys';
import { encodeLinkSecret, newLinkSecret } from '../format/link-secret';
import { linkUrl } from '../format/link-url';
import { sealRequestDescriptor } from '../format/seal-request-descriptor';
import type { LinksContext } from '../links-context';
import { relayFailure } from '../relay-failure';
import { commitLinks } from '../store/commit-links';
import { sealRequest, type StoredRequest } from '../store/stored-request';
import { ownerClient } from './owner-client';

export interface NewRequest {
  label: string;
  /** ms since the epoch, within 30 days. */
  expiresAt: number;
  /** 1..20; 1 by default in the UI. */
  maxAnswers: number;
}

/**
 * @returns the request id and its URL (`<relay>/r/#<secret>`)
 * @throws VaultError not-found (no sharing identity), or a relay failure
 */
export async function createRequest(ctx: LinksContext, vault: UnlockedVault, input: NewRequest): Promise<{ id: string; url: string; expiresAt: number }> {
  return withIdentity(ctx.db, vault, async (opened) => {
    const now = ctx.now();
    const secret = newLinkSecret();
    const keyPair = generateKeyPair();
    const { identity } = opened;
    try {
      const id = deriveRequestKeys(secret).id;
      const wire = sealRequestDescriptor(
        secret,
        {
          v: 1,
          requestId: id,
          label: input.label,
          publicKey: toBase64(keyPair.publicKey),
          owner: {
            handle: identity.handle,
            encryptionKey: toBase64(identity.encryptionKey),
            signingKey: toBase64(identity.signingKey),
            ...(identity.xwingKey ? { xwingKey: toBase64(identity.xwingKey) } : {}),
          },
          created: now,
          expiresAt: input.expiresAt,
          maxAnswers: input.maxAnswers,
        },
        identity.signingSecretKey,
      );
      await ownerClient(opened, ctx).createRequest(wire).catch(relayFailure);
      const stored: StoredRequest = {
        id,
        secret: encodeLinkSecret(secret),
        relayUrl: opened.profile.relayUrl,
        label: input.label.trim(),
        secretKey: toBase64(keyPair.secretKey),
        createdAt: now,
        expiresAt: input.expiresAt,
        maxAnswers: input.maxAnswers,
        state: 'active',
        answersLeft: input.maxAnswers,
        received: 0,
        checkedAt: now,
      };
      await commitLinks(ctx.db, vault, { requests: { put: [sealRequest(vault, stored)] }, audit: [{ type: 'request-created', itemTitle: stored.label }] }, now);
      return { id, url: linkUrl(opened.profile.relayUrl, 'request', secret), expiresAt: input.expiresAt };
    } finally {
      wipe(keyPair.secretKey);
    }
  });
}
