/**
 * The current one-time code of a received login (issue 17: a login shared with "view" showed no code). Only
 * for view and edit: an autofill-only copy never shows its secrets, and its code is filled, not shown.
 */
import type { VaultDb } from '../../db/vault-db';
import { generateTotp } from '../../totp/generate-totp';
import { parseTotpSecret } from '../../totp/parse-totp-secret';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { VaultError } from '../../vault/model/vault-error';
import { findLiveReceived } from './find-live-received';

/**
 * @param id - a received item id
 * @param now - ms since epoch
 * @returns the code (RFC 6238), its period and the seconds it stays valid
 * @throws VaultError `not-found` (gone, or no secret), `forbidden` (autofill-only), `corrupted` (a bad secret)
 */
export async function receivedTotp(db: VaultDb, vault: UnlockedVault, id: string, now: number): Promise<{ code: string; period: number; secondsLeft: number }> {
  const { share } = (await findLiveReceived(db, vault, id, now)).live;
  if (share.permission === 'autofill-only') throw new VaultError('forbidden', 'This login was shared for filling only: its one-time code is filled, not shown.');
  if (share.item.type !== 'login' || share.item.totp === '') throw new VaultError('not-found', 'This item has no one-time code.');
  let config;
  try {
    config = parseTotpSecret(share.item.totp);
  } catch {
    throw new VaultError('corrupted', 'The one-time-code secret in this shared item is not valid. Ask its owner to fix it.');
  }
  return { ...generateTotp(config, now), period: config.period };
}
