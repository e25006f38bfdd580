/**
 * Creates a one-time link (issue 14): seals the chosen values under a key from a fresh secret (and the
 * passphrase, if any), registers it on the relay with a signed call, and keeps a sealed record of it with
 * its audit event. The secret travels only in the returned URL's fragment.
 */
import { toBase64Url } from '../../crypto/base64url';
import { randomBytes } from '../../crypto/random-bytes';
import { signingPublicKey } from '../../crypto/signing-public-key';
import { asKey, type SigningSecretKey } from '../../crypto/keys';
import { toBase64 } from '../../crypto/base64';
import { withIdentity } from '../../sharing/store/read-identity';
import { getItem } from '../../vault/items/get-item';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { VaultError } from '../../vault/model/vault-error';
import type { ItemFieldChoice, LinkField } from '../link-field';
import { encodeLinkSecret, newLinkSecret } from '../format/link-secret';
import { linkUrl } from '../format/link-url';
import { sealLinkContent } from '../format/seal-link-content';
import type { LinksContext } from '../links-context';
import { relayFailure } from '../relay-failure';
import { commitLinks } from '../store/commit-links';
import { sealLink, type StoredLink } from '../store/stored-link';
import { linkFieldsOf } from './link-fields-of';
import { ownerClient } from './owner-client';

/** What the link carries: values of an item, or a free text. */
export type LinkSource = { kind: 'item'; itemId: string; fields: ItemFieldChoice[] } | { kind: 'text'; title: string; text: string };

export interface NewLink {
  source: LinkSource;
  /** ms since the epoch, within 30 days. */
  expiresAt: number;
  /** 1..100. */
  maxViews: number;
  /** Mixed into the key through Argon2id; null for none. */
  passphrase: string | null;
}

/**
 * @returns the link id and its URL (`<relay>/l/#<secret>`)
 * @throws VaultError not-found (no sharing identity or item), invalid-request (nothing to send), or a relay failure
 */
export async function createLink(ctx: LinksContext, vault: UnlockedVault, input: NewLink): Promise<{ id: string; url: string; expiresAt: number }> {
  let title: string;
  let fields: LinkField[];
  let itemId: string | null = null;
  if (input.source.kind === 'item') {
    const item = await getItem(ctx.db, vault, input.source.itemId);
    title = item.content.title;
    fields = linkFieldsOf(item.content, input.source.fields);
    itemId = item.id;
  } else {
    title = input.source.title;
    fields = input.source.text === '' ? [] : [{ name: 'text', label: 'Message', value: input.source.text, concealed: false }];
  }
  if (fields.length === 0) throw new VaultError('invalid-request', 'Choose at least one field that has a value.');
  return withIdentity(ctx.db, vault, async (opened) => {
    const now = ctx.now();
    const secret = newLinkSecret();
    const seed = randomBytes(32);
    const terms = { expiresAt: input.expiresAt, maxViews: input.maxViews, passphrase: input.passphrase !== null };
    const wire = await sealLinkContent(secret, { v: 1, title, fields, receiptSeed: toBase64Url(seed) }, terms, input.passphrase);
    await ownerClient(opened, ctx).createLink(wire).catch(relayFailure);
    const stored: StoredLink = {
      id: wire.id,
      secret: encodeLinkSecret(secret),
      relayUrl: opened.profile.relayUrl,
      title,
      fields: [...new Set(fields.map((field) => field.name))],
      itemId,
      createdAt: now,
      expiresAt: input.expiresAt,
      maxViews: input.maxViews,
      passphrase: terms.passphrase,
      receiptKey: toBase64(signingPublicKey(asKey<SigningSecretKey>(seed))),
      state: 'active',
      viewsLeft: input.maxViews,
      opens: [],
      checkedAt: now,
    };
    await commitLinks(ctx.db, vault, { links: { put: [sealLink(vault, stored)] }, audit: [{ type: 'link-created', ...(itemId ? { itemId } : {}), itemTitle: title }] }, now);
    return { id: wire.id, url: linkUrl(opened.profile.relayUrl, 'link', secret), expiresAt: input.expiresAt };
  });
}
