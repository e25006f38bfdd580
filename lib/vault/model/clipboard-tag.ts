/**
 * A short salted tag of what Sealpass put on the clipboard, so that clearing it later can check the
 * clipboard still holds that (issue 17): a password the user copied and then replaced with something of
 * their own is not ours to wipe. The tag is the first 4 bytes of SHA-256(salt ‖ UTF-8 text) with a random
 * 16-byte salt per copy: enough to tell "still ours" from anything else (a false match is 1 in 2^32), too
 * short to confirm a guessed password (every 32-bit tag fits billions of candidates). Uses Web Crypto only,
 * which pages, the background and the offscreen document all have.
 */
import { z } from 'zod';

/** Salt (16 bytes) and tag (4 bytes), both lower-case hex. */
export const clipboardTagSchema = z.object({ salt: z.string().regex(/^[0-9a-f]{32}$/), tag: z.string().regex(/^[0-9a-f]{8}$/) }).strict();
export type ClipboardTag = z.infer<typeof clipboardTagSchema>;

/** At most this many tags wait for one clearing (a one-time code covers two windows). */
export const MAX_CLIPBOARD_TAGS = 4;

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

async function tagOf(saltHex: string, text: string): Promise<string> {
  const salt = Uint8Array.from(saltHex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
  const body = new TextEncoder().encode(text);
  const input = new Uint8Array(salt.length + body.length);
  input.set(salt);
  input.set(body, salt.length);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', input));
  input.fill(0);
  return hex(digest.subarray(0, 4));
}

/**
 * @param text - what was just written to the clipboard
 * @returns a fresh salt and the 4-byte tag, as hex
 * @example const expected = await clipboardTag(password); // { salt: '…32 hex…', tag: '…8 hex…' }
 */
export async function clipboardTag(text: string): Promise<ClipboardTag> {
  const salt = hex(crypto.getRandomValues(new Uint8Array(16)));
  return { salt, tag: await tagOf(salt, text) };
}

/**
 * @param text - what the clipboard holds now
 * @param expected - the tags of what Sealpass put there
 * @returns whether `text` is one of them
 */
export async function matchesClipboardTag(text: string, expected: readonly ClipboardTag[]): Promise<boolean> {
  for (const { salt, tag } of expected) if ((await tagOf(salt, text)) === tag) return true;
  return false;
}
