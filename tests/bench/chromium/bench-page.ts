/** Browser entry of the Chromium bench: the shared vault and Argon2 measurements, run on real IndexedDB and WebAssembly. */
import { benchDeriveMasterKey } from '../argon2-ours';
import { benchVault, type VaultFigures } from '../vault-bench';
import { benchImport, type ImportFigures } from '../import-bench';

/** Figures of our Argon2id derivation in the page. */
export type Argon2PageFigures = Awaited<ReturnType<typeof benchDeriveMasterKey>>;

/** What this page adds to `window`; chromium-bench.ts calls it through `page.evaluate`. */
export interface BenchWindow {
  runVaultBench(count: number, storage?: string): Promise<VaultFigures>;
  runArgon2Bench(runs: number): Promise<Argon2PageFigures>;
  runImportBench(rows: number, storage?: string): Promise<ImportFigures>;
}

const api: BenchWindow = {
  runVaultBench: (count, storage = 'IndexedDB (Chromium)') => benchVault(count, storage),
  runArgon2Bench: (runs) => benchDeriveMasterKey(runs),
  runImportBench: (rows, storage = 'IndexedDB (Chromium)') => benchImport(rows, storage),
};
// Assigned rather than declared globally, so the whole project's `Window` type does not gain bench-only members.
Object.assign(window, api);
