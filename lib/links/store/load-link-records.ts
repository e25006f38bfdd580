/** Every link, request and answer record that opens, and the ids of those that do not (reported, never fatal: S8). */
import type { VaultDb } from '../../db/vault-db';
import { loadSealedRecords, type LoadedRecords } from '../../sharing/store/load-sealed-records';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { openAnswer, type StoredAnswer } from './stored-answer';
import { openLink, type StoredLink } from './stored-link';
import { openRequest, type StoredRequest } from './stored-request';

type Keys = Pick<UnlockedVault, 'vaultKey' | 'vaultId'>;

/**
 * Link, request and answer records are not listed in the vault's manifest (issue 12 bound the sharing
 * tables only), so a row removed on disk reads as absent, not as damaged. These say so where the loader asks.
 */
export const noListedIds = (): readonly string[] => [];
export const notListed = (): boolean => false;

export function loadLinks(db: VaultDb, vault: Keys): Promise<LoadedRecords<StoredLink>> {
  return loadSealedRecords(db.links, (record) => openLink(vault, record), noListedIds);
}

export function loadRequests(db: VaultDb, vault: Keys): Promise<LoadedRecords<StoredRequest>> {
  return loadSealedRecords(db.secretRequests, (record) => openRequest(vault, record), noListedIds);
}

export function loadAnswers(db: VaultDb, vault: Keys): Promise<LoadedRecords<StoredAnswer>> {
  return loadSealedRecords(db.requestAnswers, (record) => openAnswer(vault, record), noListedIds);
}
