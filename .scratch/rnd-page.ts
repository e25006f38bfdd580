(window as any).run = async () => { const r: any[] = []; for (let k = 0; k < 3; k++) {
  let s = performance.now(); for (let i = 0; i < 30000; i++) crypto.getRandomValues(new Uint8Array(24)); const a = performance.now() - s;
  s = performance.now(); const pool = new Uint8Array(65536); let off = 65536;
  for (let i = 0; i < 30000; i++) { if (off + 24 > pool.length) { crypto.getRandomValues(pool); off = 0; } const out = pool.slice(off, off + 24); pool.fill(0, off, off + 24); off += 24; }
  r.push({ perCall: a, pooled: performance.now() - s }); } return r; };
