/**
 * What a one-time link's secret (and passphrase, when there is one) gives (issue 14, DESIGN §11):
 *
 * - id = HKDF(secret, "link-id", 16): what the relay files the link under;
 * - salt = HKDF(secret, "link-passphrase-salt", 16), and with a passphrase P:
 *   ikm = secret ‖ Argon2id(P, salt, 64 MiB, t=3, p=4) (our floor), else ikm = secret;
 * - token = HKDF(ikm, "link-access", 32): the relay keeps only SHA-256(token) and spends a view only for it;
 * - key = HKDF(ikm, "link-content", 32): seals the content.
 *
 * The passphrase is mixed into the key, so a relay that ignores the token check and hands the content to
 * anyone still gives nothing away; it is mixed into the token too, so a wrong passphrase is refused
 * before a view is spent, and someone holding only the link must guess online, against the relay's rate
 * limits, instead of offline against a verifier.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes } from '@noble/hashes/utils.js';
import { toBase64Url } from '../../crypto/base64url';
import { deriveMasterKey } from '../../crypto/derive-master-key';
import { hkdfSha256 } from '../../crypto/hkdf-sha256';
import { KDF_DEFAULT } from '../../crypto/kdf-params';
import { asKey, type LinkContentKey } from '../../crypto/keys';
import { wipe } from '../../crypto/wipe';

/** Everything derived for one link (and passphrase). */
export interface LinkKeys {
  /** 16 bytes, base64url (22 characters). */
  id: string;
  /** 32 bytes, base64url: shown to the relay to spend a view. */
  token: string;
  /** SHA-256 of the token bytes, base64url: what the relay stores. */
  tokenHash: string;
  contentKey: LinkContentKey;
}

/** The link's id alone (no passphrase needed): what a page asks the relay about before anything else. */
export function linkIdOf(secret: Uint8Array): string {
  return toBase64Url(hkdfSha256(secret, 'link-id', 16));
}

/** SHA-256 of a token, base64url, as the relay stores it. */
export function hashToken(token: Uint8Array): string {
  return toBase64Url(sha256(token));
}

/**
 * @param secret - the link's 32 secret bytes
 * @param passphrase - the link's passphrase, or null; Argon2id at our floor takes about 250 ms here
 * @returns id, token, token hash and content key; wipe `contentKey` when done (best effort)
 * @throws TypeError for an empty passphrase (pass null instead)
 */
export async function deriveLinkKeys(secret: Uint8Array, passphrase: string | null): Promise<LinkKeys> {
  let ikm = secret;
  if (passphrase !== null) {
    const salt = hkdfSha256(secret, 'link-passphrase-salt', 16);
    const stretched = await deriveMasterKey(passphrase, { alg: 'argon2id', version: 0x13, ...KDF_DEFAULT, salt });
    ikm = concatBytes(secret, stretched);
    wipe(stretched);
  }
  try {
    const token = hkdfSha256(ikm, 'link-access', 32);
    return {
      id: linkIdOf(secret),
      token: toBase64Url(token),
      tokenHash: hashToken(token),
      contentKey: asKey<LinkContentKey>(hkdfSha256(ikm, 'link-content', 32)),
    };
  } finally {
    if (ikm !== secret) wipe(ikm);
  }
}
