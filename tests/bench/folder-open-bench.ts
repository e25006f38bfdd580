/**
 * Opening a 1,000-item shared folder after unlock (issue 13: ≤ 150 ms): the `folderGet` handler as the vault
 * page calls it, which reads and opens the one sealed folder record (no replay, no signature check), reads the
 * sharing identity for "me", and builds the view (members, 1,000 rows with last change and author, alerts,
 * rotate list). The folder is made through the handlers (a real relay in process) and then given 1,000 items
 * as the apply rule would have left them, so only the opening is measured. Also: the fill lookup over it.
 */
import { itemContentSchema } from '../../lib/vault/model/item-schema';
import { commitFolders } from '../../lib/folders/store/commit-folders';
import { findFolderLogins } from '../../lib/folders/member/find-folder-logins';
import { requireFolder } from '../../lib/folders/store/require-folder';
import { person, world } from '../sharing/background/people';
import { median, percentile, round, timeRuns } from './stats';

const ITEMS = 1_000;
const RUNS = 30;

export async function benchFolderOpen() {
  const w = await world();
  const alice = await person(w, 'alice');
  await alice.call('sharingSync', {});
  const { folderId } = await alice.call('folderCreate', { name: 'Bench folder' });
  const vault = await alice.service.session.require();
  const folder = await requireFolder(alice.db, vault, folderId);
  const author = Object.keys(folder.state.members)[0]!;
  const now = Date.now();
  for (let i = 0; i < ITEMS; i++) {
    const itemId = `item${String(i).padStart(6, '0')}`;
    const item = itemContentSchema.parse({
      type: 'login',
      title: `Service ${i}`,
      username: `user${i}@agency.example`,
      password: `Pw-${i}-${'x'.repeat(16)}`,
      urls: [`https://service${i}.example/login`],
      notes: 'Shared with the team.',
      createdAt: now,
      updatedAt: now,
    });
    folder.applied.items[itemId] = { itemId, rev: i + 1, author, at: now, item, baseRev: 0, conflict: false, createdRev: i + 1, createdAt: now, history: [] };
  }
  folder.applied.cursor = ITEMS;
  await commitFolders(alice.db, vault, { folders: [folder] }, now);
  const recordBytes = (await alice.db.folders.get(folderId))!.sealed.ct.length;

  const open = async () => {
    const view = await alice.call('folderGet', { folderId });
    if (view.items.length !== ITEMS) throw new Error('the folder did not open whole');
  };
  await timeRuns(3, open);
  const samples = await timeRuns(RUNS, open);
  const lookup = await timeRuns(RUNS, () => findFolderLogins(alice.db, vault, 'https://service500.example/login', now));
  return {
    items: ITEMS,
    recordBytes,
    openP50Ms: round(median(samples)),
    openP95Ms: round(percentile(samples, 95)),
    fillLookupP50Ms: round(median(lookup)),
    target: '<= 150 ms',
  };
}
