/** Seals a one-time link's content for the relay and builds the create request around it (issue 14). */
import { fromBase64Url } from '../../crypto/base64url';
import { toBase64 } from '../../crypto/base64';
import type { SigningSecretKey } from '../../crypto/keys';
import { asKey } from '../../crypto/keys';
import { signingPublicKey } from '../../crypto/signing-public-key';
import { wipe } from '../../crypto/wipe';
import type { CreateLinkRequest } from '../../relay-protocol/link-schemas';
import { deriveLinkKeys } from './derive-link-keys';
import { linkContentContext, linkContentSchema, type LinkContent, type LinkTerms } from './link-content';
import { sealJsonText } from './sealed-text';

/**
 * @param secret - the link's 32 secret bytes (newLinkSecret)
 * @param content - title, fields and receipt seed; validated here
 * @param terms - expiry, view limit and whether `passphrase` is set (it must be, exactly when `terms.passphrase`)
 * @returns the body of POST /v1/links; nothing in it is secret
 * @throws ZodError for invalid content; RangeError when the passphrase and the terms disagree
 */
export async function sealLinkContent(secret: Uint8Array, content: LinkContent, terms: LinkTerms, passphrase: string | null): Promise<CreateLinkRequest> {
  if ((passphrase !== null) !== terms.passphrase) throw new RangeError('sealLinkContent: passphrase and terms disagree');
  const checked = linkContentSchema.parse(content);
  const keys = await deriveLinkKeys(secret, passphrase);
  const seed = asKey<SigningSecretKey>(fromBase64Url(checked.receiptSeed));
  try {
    return {
      id: keys.id,
      tokenHash: keys.tokenHash,
      receiptKey: toBase64(signingPublicKey(seed)),
      expiresAt: terms.expiresAt,
      maxViews: terms.maxViews,
      passphrase: terms.passphrase,
      content: sealJsonText(keys.contentKey, checked, linkContentContext(keys.id, terms)),
    };
  } finally {
    wipe(keys.contentKey, seed);
  }
}
