/**
 * Shared-folder figures (issue 13), on the pure format code the extension runs: sharing a folder of 1,000
 * items with 50 people (50 signed `add` entries, each replayed onto the state, and 50 folder keys sealed in
 * X-Wing envelopes; target ≤ 2,000 ms and exactly 50 sealed keys: nothing per item), and removing one of 50
 * people from a 1,000-item folder to the rotated epoch (the `remove` entry with a fresh key and the old one
 * wrapped under it, then 49 sealed keys; target ≤ 3,000 ms). Also, for the app's sync, applying the 1,000
 * items' messages from scratch (signature, content key, content for each). Medians of a few runs.
 */
import type { FolderKey } from '../../lib/crypto/keys';
import { sealFolderKeyEnvelope } from '../../lib/folders/format/folder-key/seal-folder-key';
import { addMemberEntry } from '../../lib/folders/format/log/add-member-entry';
import { createFolderEntry } from '../../lib/folders/format/log/create-folder-entry';
import type { FolderState } from '../../lib/folders/format/log/folder-state';
import { removeMemberEntry } from '../../lib/folders/format/log/remove-member-entry';
import { emptyAppliedFolder } from '../../lib/folders/format/messages/applied-folder';
import { applyFolderMessages } from '../../lib/folders/format/messages/apply-folder-messages';
import { sealFolderMessage } from '../../lib/folders/format/messages/seal-folder-message';
import { generateIdentity } from '../../lib/sharing/identity/generate-identity';
import type { Identity } from '../../lib/sharing/identity/identity';
import { itemContentSchema } from '../../lib/vault/model/item-schema';
import { median, round, timeRuns } from './stats';

const ITEMS = 1000;
const PEOPLE = 50;
const RUNS = 3;

/** Seals the current key to every member but the manager; the count of envelopes made. */
function sealToAll(manager: Identity, state: FolderState, key: FolderKey, now: number): number {
  let sealed = 0;
  for (const fingerprint of Object.keys(state.members)) {
    if (fingerprint === state.creator) continue;
    sealFolderKeyEnvelope(manager, state, { recipient: fingerprint, epoch: state.epoch, key, name: 'Bench', now });
    sealed++;
  }
  return sealed;
}

export async function benchFolders() {
  const now = Date.now();
  const manager = generateIdentity('manager', now);
  const people = Array.from({ length: PEOPLE }, (_, i) => generateIdentity(`person-${i}`, now));
  const created = createFolderEntry(manager, now);
  // The folder's 1,000 items, sealed once (messages under FK_1; sharing never touches them).
  const messages = Array.from({ length: ITEMS }, (_, i) => ({
    seq: i + 1,
    message: sealFolderMessage(manager, created.state, created.key, {
      kind: 'item',
      itemId: `item-${i}`,
      baseRev: 0,
      item: itemContentSchema.parse({ type: 'login', title: `Site ${i}`, username: 'ops@example.org', password: `pw-${i}-correct-horse`, urls: [`https://s${i}.example.org/`], createdAt: now, updatedAt: now }),
      at: now,
    }),
  }));

  const share = () => {
    let state = created.state;
    for (const identity of people) state = addMemberEntry(manager, state, { identity, role: 'editor' }, now).state;
    return { state, sealed: sealToAll(manager, state, created.key, now) };
  };
  share();
  let shared = share();
  const shareMs = await timeRuns(RUNS, () => {
    shared = share();
  });

  const remove = () => {
    const removed = removeMemberEntry(manager, shared.state, Object.keys(shared.state.members).find((f) => f !== shared.state.creator)!, created.key, ITEMS, now);
    return { epoch: removed.state.epoch, sealed: sealToAll(manager, removed.state, removed.key, now) };
  };
  let removed = remove();
  const removeMs = await timeRuns(RUNS, () => {
    removed = remove();
  });

  const keys = new Map([[1, created.key]]);
  let applied = 0;
  const applyMs = await timeRuns(RUNS, () => {
    applied = Object.keys(applyFolderMessages(shared.state, keys, emptyAppliedFolder(), messages).items).length;
  });

  return {
    share: { items: ITEMS, people: PEOPLE, ms: round(median(shareMs)), maxMs: round(Math.max(...shareMs)), sealedKeys: shared.sealed, target: '<= 2000 ms, 50 sealed keys' },
    remove: { items: ITEMS, people: PEOPLE, ms: round(median(removeMs)), maxMs: round(Math.max(...removeMs)), epoch: removed.epoch, sealedKeys: removed.sealed, target: '<= 3000 ms' },
    applyItems: { items: applied, ms: round(median(applyMs)) },
  };
}
