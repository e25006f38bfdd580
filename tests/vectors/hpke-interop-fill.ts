/**
 * Fills in the "ours" ciphertexts of hpke-interop-pyca.json with our sealBase, each from its fixed
 * ephemeral ikmE, so that `hpke-interop-pyca.py verify` can check that pyca/cryptography opens them.
 * Run once when the file is regenerated: `npx tsx tests/vectors/hpke-interop-fill.ts <file>`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { sealBase } from '../../lib/crypto/hpke/seal-base';
import { X25519_KEM } from '../../lib/crypto/hpke/x25519-kem';

interface OursCase {
  pkR: string;
  info: string;
  aad: string;
  pt: string;
  ikmE: string;
  enc: string | null;
  ct: string | null;
}

const path = process.argv[2];
if (!path) throw new Error('usage: hpke-interop-fill.ts <hpke-interop-pyca.json>');
const data = JSON.parse(readFileSync(path, 'utf8')) as { ours: OursCase[] };
for (const c of data.ours) {
  const sealed = sealBase(X25519_KEM, hexToBytes(c.pkR), hexToBytes(c.info), hexToBytes(c.aad), hexToBytes(c.pt), hexToBytes(c.ikmE));
  c.enc = bytesToHex(sealed.enc);
  c.ct = bytesToHex(sealed.ct);
}
writeFileSync(path, `${JSON.stringify(data, null, 1)}\n`);
