/**
 * The origins where the inline menu never shows, sealed under the vault key so `storage.local` names no
 * site (S1); the settings page can still list them while the vault is unlocked.
 */
import { z } from 'zod';
import type { CipherContext } from '../../crypto/associated-data';
import type { Sealed } from '../../crypto/sealed';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { openJson, sealJson } from '../../vault/records/sealed-json';

/** Most origins kept; the oldest go first past it. */
export const MAX_NEVER_SHOW = 1_000;

const listSchema = z.array(z.string().min(1).max(2_048)).max(MAX_NEVER_SHOW);
const context = (vaultId: string): CipherContext => ({ purpose: 'settings', recordId: vaultId, fields: 'autofill-never-show' });

/** Seals the list (about 30 bytes per origin plus 40). */
export function sealNeverShow(vault: Pick<UnlockedVault, 'vaultKey' | 'vaultId'>, origins: readonly string[]): Sealed {
  return sealJson(vault.vaultKey, [...new Set(origins)].slice(-MAX_NEVER_SHOW), context(vault.vaultId));
}

/**
 * Opens the list. A list that does not open (tampered, or another vault's) reads as empty: the worst case
 * is a menu shown where the user had hidden it, never a lost vault (S8).
 */
export function openNeverShow(vault: Pick<UnlockedVault, 'vaultKey' | 'vaultId'>, sealed: Sealed | null): string[] {
  if (sealed === null) return [];
  try {
    return openJson(vault.vaultKey, sealed, context(vault.vaultId), listSchema);
  } catch {
    return [];
  }
}
