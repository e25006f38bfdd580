/**
 * Checks an access-record export someone hands over (issue 13: "anyone holding the members' pinned keys can
 * verify it") against the keys this vault has pinned: its own identity and every contact's pinned keys, never
 * keys the relay or the file offers. The answer says what verified and, when it does not, why and where.
 */
import type { VaultDb } from '../../db/vault-db';
import type { PublicIdentity } from '../../sharing/identity/identity';
import { wipeIdentity } from '../../sharing/identity/wipe-identity';
import { readIdentity } from '../../sharing/store/read-identity';
import { loadContacts } from '../../sharing/store/sharing-records';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import { AccessRecordError, verifyAccessRecord } from '../format/record/verify-access-record';

const WORDS: Record<AccessRecordError['reason'], string> = {
  malformed: 'it is not an access-record export',
  log: 'its membership log does not verify',
  'unpinned-creator': 'the folder’s creator is not among your verified contacts (or you)',
  'key-mismatch': 'it names someone you have pinned with other keys',
  receipt: 'a receipt is not signed by the member it names',
  'access-mismatch': 'its access periods are not the ones the log says',
};

/** What the check found. */
export type ExportCheck =
  | { verified: true; folderId: string; people: number; periods: number; receipts: number; problem: null }
  | { verified: false; problem: string };

/** @param text - the export, untrusted (≤ the message's limit) */
export async function verifyAccessExport(db: VaultDb, vault: UnlockedVault, text: string): Promise<ExportCheck> {
  const pinned: PublicIdentity[] = (await loadContacts(db, vault)).records.map((stored) => stored.contact);
  const opened = await readIdentity(db, vault);
  if (opened) {
    const { handle, encryptionKey, signingKey, xwingKey } = opened.identity;
    pinned.push(xwingKey ? { handle, encryptionKey: encryptionKey.slice(), signingKey: signingKey.slice(), xwingKey: xwingKey.slice() } : { handle, encryptionKey: encryptionKey.slice(), signingKey: signingKey.slice() });
    wipeIdentity(opened.identity);
  }
  try {
    const record = verifyAccessRecord(text, pinned);
    const receipts = record.items.reduce((n, item) => n + item.receipts.length, 0);
    return { verified: true, folderId: record.folderId, people: new Set(record.members.map((m) => m.fingerprint)).size, periods: record.members.length, receipts, problem: null };
  } catch (error) {
    if (!(error instanceof AccessRecordError)) throw error;
    return { verified: false, problem: `Not verified: ${WORDS[error.reason]}${error.line ? ` (line ${error.line})` : ''}.` };
  }
}
