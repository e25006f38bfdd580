function ask(worker: Worker, message: unknown): Promise<any> {
  return new Promise((resolve, reject) => { worker.onmessage = (e) => resolve(e.data); worker.onerror = (e) => reject(new Error('worker error: ' + e.message)); worker.postMessage(message); });
}
(window as any).run = async () => {
  const out: any = {};
  const w = new Worker('/kdf/amused/worker4.js');
  out.load = await ask(w, { method: 0, params: { wasmRoot: '/kdf/amused', simd: true, pthread: true } });
  for (const threads of [4, 4, 4]) {
    const s = performance.now();
    const r = await Promise.race([ask(w, { method: 5, params: { mode: '2id', password: 'x', salt: new Uint8Array(16), timeCost: 3, memoryCost: 65536, threads, hashLen: 32 } }), new Promise((r) => setTimeout(() => r({ code: 'timeout' }), 60000))]);
    out['t' + threads] = { code: r.code, ms: performance.now() - s };
  }
  return out;
};
