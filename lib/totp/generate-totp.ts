/** Time-based one-time passwords: RFC 6238 over HOTP (RFC 4226 §5.3 dynamic truncation). */
import { hmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import type { TotpConfig } from './parse-totp-secret';

const HASHES = { SHA1: sha1, SHA256: sha256, SHA512: sha512 } as const;

/**
 * The code valid at `nowMs`.
 * @param nowMs - milliseconds since epoch
 * @returns the zero-padded code and the seconds it stays valid
 * @example generateTotp(parseTotpSecret(secret), Date.now()) // { code: '287082', secondsLeft: 11 }
 */
export function generateTotp(config: TotpConfig, nowMs: number): { code: string; secondsLeft: number } {
  const seconds = Math.floor(nowMs / 1000);
  const counter = Math.floor(seconds / config.period);
  const message = new Uint8Array(8);
  const view = new DataView(message.buffer);
  view.setUint32(0, Math.floor(counter / 2 ** 32));
  view.setUint32(4, counter >>> 0);
  const mac = hmac(HASHES[config.algorithm], config.key, message);
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = (new DataView(mac.buffer, mac.byteOffset).getUint32(offset) & 0x7fffffff) % 10 ** config.digits;
  return { code: String(binary).padStart(config.digits, '0'), secondsLeft: config.period - (seconds % config.period) };
}
