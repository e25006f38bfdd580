import 'fake-indexeddb/auto';
import '../lib/messaging/zod-jitless';
import { sampleCsv } from '../tests/bench/import-bench';
import { decodeImportText } from '../lib/import/page/decode-import-text';
import { parseCsv } from '../lib/import/page/parse-csv';
import { mapBitwardenCsv } from '../lib/import/page/formats/map-bitwarden-csv';
import { importEntrySchema } from '../lib/vault/model/import-entry';
import { sealItem } from '../lib/vault/records/seal-item';
import { overviewRow } from '../lib/vault/records/overview-bucket';
import { domainTags } from '../lib/vault/records/blind-index';
import { syntheticVaultless } from './synth';
const { vault } = await syntheticVaultless();
const rows = mapBitwardenCsv(parseCsv(decodeImportText(sampleCsv(10000)).text)).rows;
const entries = rows.map((r: any) => ({ content: r.content }));
const cpu = (f: () => void) => { const c = process.cpuUsage(); f(); const u = process.cpuUsage(c); return ((u.user + u.system) / 1000).toFixed(0); };
for (let k = 0; k < 3; k++) {
  let parsed: any[] = [];
  const a = cpu(() => { parsed = entries.map((e) => importEntrySchema.parse(e)); });
  const contents = parsed.map((p) => ({ ...p.content, createdAt: 1, updatedAt: 1, passwordHistory: [] }));
  const d = cpu(() => { for (const c of contents) domainTags(vault.indexKey, c.urls); });
  const b = cpu(() => { contents.forEach((c, i) => sealItem(vault, i.toString(16).padStart(32, '0'), 1, c)); });
  const r = cpu(() => { contents.forEach((c, i) => overviewRow(String(i), 1, c, false)); });
  const j = cpu(() => { for (const c of contents) JSON.stringify(c); });
  console.log({ zodParse: a, domainTags: d, sealItemTotal: b, overviewRows: r, stringify: j });
}
