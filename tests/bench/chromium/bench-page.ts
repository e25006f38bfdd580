/** Browser entry of the Chromium bench: the shared vault and Argon2 measurements, run on real IndexedDB and WebAssembly. */
// zod as the extension runs it: its CSP forbids the JIT, so the interpreted path is what the figures must measure.
import '../../../lib/messaging/zod-jitless';
import { benchDeriveMasterKey } from '../argon2-ours';
import { benchExtensionKdf } from './extension-kdf';
import { benchKdfCandidates } from './kdf-candidates';
import { benchUnlockToList, benchVault, type VaultFigures } from '../vault-bench';
import { benchImport, type ImportFigures } from '../import-bench';

/** Figures of our Argon2id derivation in the page. */
export type Argon2PageFigures = Awaited<ReturnType<typeof benchDeriveMasterKey>>;
/** The Argon2id candidates side by side (kdf-candidates.ts). */
export type KdfCandidateFigures = Awaited<ReturnType<typeof benchKdfCandidates>>;

/** Argon2id as the extension runs it: its offscreen KDF worker (extension-kdf.ts). */
export type ExtensionKdfFigures = Awaited<ReturnType<typeof benchExtensionKdf>>;

/** What this page adds to `window`; chromium-bench.ts calls it through `page.evaluate`. */
export interface BenchWindow {
  runVaultBench(count: number, storage?: string, name?: string): Promise<VaultFigures>;
  runUnlockToList(name: string, count: number): Promise<number>;
  runArgon2Bench(runs: number): Promise<Argon2PageFigures>;
  runKdfCandidates(runs: number): Promise<KdfCandidateFigures>;
  runExtensionKdf(runs: number): Promise<ExtensionKdfFigures>;
  runImportBench(rows: number, storage?: string): Promise<ImportFigures>;
}

const api: BenchWindow = {
  runVaultBench: (count, storage = 'IndexedDB (Chromium)', name) => benchVault(count, storage, name),
  runUnlockToList: (name, count) => benchUnlockToList(name, count),
  runArgon2Bench: (runs) => benchDeriveMasterKey(runs),
  runKdfCandidates: (runs) => benchKdfCandidates(runs),
  runExtensionKdf: (runs) => benchExtensionKdf(runs),
  runImportBench: (rows, storage = 'IndexedDB (Chromium)') => benchImport(rows, storage),
};
// Assigned rather than declared globally, so the whole project's `Window` type does not gain bench-only members.
Object.assign(window, api);
