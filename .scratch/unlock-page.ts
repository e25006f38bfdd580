import '../lib/messaging/zod-jitless';
import { VaultDb } from '../lib/db/vault-db';
import { syntheticVaultless } from './synth';
import { createItems } from '../lib/vault/items/create-item';
import { openManifestParts } from '../lib/vault/records/manifest';
import { openOverviewBucket } from '../lib/vault/records/overview-bucket';
import { openVault } from '../lib/vault/lifecycle/open-vault-lists';
import { filterItems } from '../components/items/filter-items';
const t = () => performance.now();
(window as any).run = async () => {
  const { db, vault } = await syntheticVaultless();
  const inputs = Array.from({ length: 10000 }, (_, i) => ({ type: 'login' as const, title: `Service ${i} ${['Mail', 'Bank'][i % 2]}`, username: `user${i}@example.org`, password: `pw-${i}-xxxxxxxxxxxxxxxx`, urls: [`https://login.site${i}.com/signin`], folder: `Folder ${i % 20}`, tags: [`tag${i % 7}`], notes: '' }));
  await createItems(db, vault, inputs);
  const header = (await db.header.get('vault'))!;
  const r: Record<string, number> = {};
  for (let k = 0; k < 3; k++) {
    let s = t(); const parts = openManifestParts(vault.vaultKey, vault.vaultId, header.manifest); r['manifest' + k] = t() - s;
    s = t(); const buckets = await db.overviews.toArray(); r['readBuckets' + k] = t() - s;
    s = t(); for (const b of buckets) openOverviewBucket(vault.vaultKey, vault.vaultId, b.id, parts.overviews!.get(b.id)!, b.sealed); r['openBuckets' + k] = t() - s;
    s = t(); await db.items.toCollection().primaryKeys(); r['primaryKeys' + k] = t() - s;
    s = t(); const o = await openVault(db, header, vault.vaultKey.slice() as any); r['openVault' + k] = t() - s;
    s = t(); filterItems([...o.vault.summaries.values()]); r['sort' + k] = t() - s;
  }
  return r;
};
