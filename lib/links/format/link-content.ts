/**
 * What a one-time link carries, sealed (issue 14): a title, the fields the owner chose to send, and the
 * Ed25519 seed that signs the "opened" proof, so only a page that decrypted the content can make one.
 * Expiry, view limit and whether a passphrase is mixed in are bound into the associated data: a relay
 * that reports other values makes the content fail to open (T25).
 */
import { z } from 'zod';
import type { CipherContext } from '../../crypto/associated-data';
import { base64UrlBytes } from '../../relay-protocol/link-schemas';
import { linkFieldSchema } from '../link-field';

export const linkContentSchema = z
  .object({
    v: z.literal(1),
    title: z.string().max(200),
    fields: z.array(linkFieldSchema).min(1).max(30),
    /** Ed25519 seed (32 bytes, base64url) of the receipt key; the relay holds its public key. */
    receiptSeed: base64UrlBytes(32),
  })
  .strict();
export type LinkContent = z.infer<typeof linkContentSchema>;

/** What the associated data binds besides the id: the values the relay reports and could otherwise change. */
export interface LinkTerms {
  /** ms since the epoch. */
  expiresAt: number;
  /** 1..100. */
  maxViews: number;
  passphrase: boolean;
}

/** The AEAD context of a link's content: purpose `link`, the link id, and its terms as the field set (S2, T25). */
export function linkContentContext(id: string, terms: LinkTerms): CipherContext {
  return { purpose: 'link', recordId: id, fields: `expires=${terms.expiresAt};views=${terms.maxViews};passphrase=${terms.passphrase ? 1 : 0}` };
}
