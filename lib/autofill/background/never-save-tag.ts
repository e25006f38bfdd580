/** The blind tag that stands for one origin in the never-save list (S1: storage names no site). */
import { bytesToHex } from '@noble/hashes/utils.js';
import { hmacSha256 } from '../../crypto/hmac-sha256';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';

/**
 * HMAC-SHA256 of `never-save:<origin>` under the vault's index key. The label keeps these tags apart from
 * the items' `site:` tags, so the list cannot be joined with the item index.
 * @param origin - e.g. `https://accounts.example.com`; compared exactly
 * @returns 64 hex characters
 */
export function neverSaveTag(vault: Pick<UnlockedVault, 'indexKey'>, origin: string): string {
  return bytesToHex(hmacSha256(vault.indexKey, `never-save:${origin}`));
}
