import setupArgon2id from 'argon2id/lib/setup.js';
const inst = (f: string) => async (imports: WebAssembly.Imports) => WebAssembly.instantiate(await (await fetch(`/kdf/${f}`)).arrayBuffer(), imports);
(window as any).run = async () => {
  const out: any = { coi: crossOriginIsolated };
  try {
    const hash = await setupArgon2id(inst('simd.wasm'), inst('no-simd.wasm'));
    const s = performance.now();
    hash({ password: new Uint8Array(8), salt: new Uint8Array(16), parallelism: 4, passes: 3, memorySize: 65536, tagLength: 32 });
    out.openpgp = performance.now() - s;
  } catch (e) { out.openpgpErr = String(e); }
  return out;
};
