/** `npm run bench`: every benchmark in one run, printed as one JSON object on stdout. */
import 'fake-indexeddb/auto';
import { benchArgon2 } from './argon2-bench';
import { benchAutofillFill } from './autofill-fill-bench';
import { benchAutofillScan } from './autofill-scan-bench';
import { benchChromiumApart } from './chromium-bench';
import { benchHealth } from './health-bench';
import { benchRelay } from './relay-bench';
import { benchSharing } from './sharing-bench';
import { benchSharingService } from './sharing-service-bench';
import { partFailed, runPart } from './run-part';
import { round } from './stats';
import { benchVault } from './vault-bench';
import { benchImport } from './import-bench';
import { benchLinks } from './links-bench';
import { benchFolderOpen } from './folder-open-bench';
import { benchFolders } from './folders-bench';

// Every part under a time limit (run-part.ts): one that hangs or throws is reported and the run goes on.
const argon2 = await runPart('argon2', () => benchArgon2());
const vault = await runPart('vault', () => benchVault());
const health = await runPart('health', () => benchHealth());
const imported = await runPart('import', () => benchImport());
const sharing = await runPart('sharing', () => benchSharing());
const sharingService = await runPart('sharingService', () => benchSharingService());
// Read before the Chromium part: maxRSS is this process's lifetime peak, and Vite's in-process build would raise it.
const peakRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
// After the peak-memory reading: its pre-signed requests (~150 MB) belong to the load generator, not to us.
const relay = await runPart('relay', (signal) => benchRelay(signal));
// One-time links (issue 14): create, opens/s on SQLite, and the page's reveal in Chromium.
const links = await runPart('links', () => benchLinks());
// Shared folders (issue 13): opening a 1,000-item folder after unlock.
const folderOpen = await runPart('folderOpen', () => benchFolderOpen());
// Shared folders (issue 13): share 1,000 items with 50 people, remove one of 50 to the rotated epoch.
const folders = await runPart('folders', () => benchFolders());
// After the Node figures rather than beside them: two cores, and a browser running alongside would skew both. In a
// process of its own: this one holds the earlier parts' heap by now (chromium-part.ts).
const chromiumPart = await runPart('chromium', (signal) => benchChromiumApart(signal));
const chromium = partFailed(chromiumPart) ? { ok: false as const, failed: true, reason: chromiumPart.failed } : chromiumPart;
/** `ms` over `native`, or null when either is missing. */
const ratio = (ms: number | null, native: number | null): number | null => (ms === null || native === null ? null : round(ms / native));
/** `ms` over the native CLI's figure of this run, or null when either is missing. */
const overNative = (ms: number | null): number | null => (ms === null || partFailed(argon2) || argon2.nativeCliMs === null ? null : round(ms / argon2.nativeCliMs));
const argon2Chromium = chromium.ok
  ? {
      ...chromium.argon2,
      // The same native CLI figure as `argon2` (same run): the target is about the KDF the extension really runs,
      // which since issue 15 is openpgp's SIMD argon2id in the offscreen document's worker; hash-wasm is the fallback.
      // The native CLI timed right before and after the extension's KDF in this part (same load), which the
      // extension's ratio uses; `argon2.nativeCliMs` is the same CLI minutes earlier, which the other ratios use.
      nativeCliMs: chromium.extensionKdf.nativeCliMs,
      extension: {
        ...chromium.extensionKdf,
        runsIn: 'offscreen document worker, openpgp argon2id (WebAssembly SIMD, one thread)',
        overNative: ratio(chromium.extensionKdf.ms, chromium.extensionKdf.nativeCliMs),
      },
      oursOverNative: ratio(chromium.extensionKdf.ms, chromium.extensionKdf.nativeCliMs),
      hashWasmOverNative: overNative(chromium.argon2.hashWasmMs),
      // Issue 15's curve: the same memory and passes at 1, 2 and 4 lanes, native (one thread per lane), ours (one
      // thread whatever the lanes) and the threaded reference (one thread per lane, shared memory), same run.
      curve: {
        lanes: [1, 2, 4],
        nativeCliMs: chromium.extensionKdf.nativeCliByLanesMs,
        extensionMs: chromium.extensionKdf.byLanes,
        referenceSimdThreadsMs: chromium.kdfCandidates.referenceSimdThreads.byLanes ?? null,
      },
      // Issue 15's candidates in the same page and run, each over the same native figure.
      candidates: {
        ...chromium.kdfCandidates,
        overNative: Object.fromEntries(
          ([['hashWasm', chromium.kdfCandidates.hashWasmMs], ['openpgpSimd', chromium.kdfCandidates.openpgpSimd.ms], ['referenceSimdThreads', chromium.kdfCandidates.referenceSimdThreads.ms]] as const)
            .map(([name, ms]) => [name, ms === null || partFailed(argon2) || argon2.nativeCliMs === null ? null : round(ms / argon2.nativeCliMs)]),
        ),
      },
      target: partFailed(argon2) ? null : argon2.target,
    }
  : null;
// A broken Chromium bench still prints the Node figures, but must not pass for a clean run.
if (!chromium.ok && chromium.failed) process.exitCode = 1;
process.stdout.write(
  `${JSON.stringify(
    {
      node: process.version,
      argon2,
      vault,
      health,
      import: imported,
      sharing,
      sharingService,
      relay,
      links,
      folderOpen,
      folders,
      peakRssMiB,
      chromium: chromium.ok ? chromium.version : null,
      argon2Chromium,
      vaultChromium: chromium.ok ? chromium.vault : null,
      importChromium: chromium.ok ? chromium.import : null,
      autofillScan: await runPart('autofillScan', () => benchAutofillScan()),
      autofillFill: await runPart('autofillFill', () => benchAutofillFill()),
      ...(chromium.ok ? {} : { chromiumSkipped: chromium.reason }),
    },
    null,
    2,
  )}\n`,
  // A part that timed out may leave a handle open (a socket, a timer): once the figures are out, end here.
  () => process.exit(),
);
