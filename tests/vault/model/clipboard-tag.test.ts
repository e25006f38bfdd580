/** The clipboard tag: what "the clipboard still holds what Sealpass put there" is checked with (issue 17). */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { clipboardTag, clipboardTagSchema, matchesClipboardTag } from '../../../lib/vault/model/clipboard-tag';

describe('clipboardTag', () => {
  it('is the first 4 bytes of SHA-256(salt ‖ UTF-8 text), checked against Node’s own SHA-256', async () => {
    const text = 'Pässwörd-🔑-42';
    const tag = await clipboardTag(text);
    expect(clipboardTagSchema.safeParse(tag).success).toBe(true);
    const expected = createHash('sha256').update(Buffer.concat([Buffer.from(tag.salt, 'hex'), Buffer.from(text, 'utf8')])).digest('hex').slice(0, 8);
    expect(tag.tag).toBe(expected);
  });

  it('has a fresh salt per copy, so two copies of one password give different tags', async () => {
    const a = await clipboardTag('same');
    const b = await clipboardTag('same');
    expect(a.salt).not.toBe(b.salt);
    expect(a.tag).not.toBe(b.tag);
  });

  it('matches only the text it was made from, under any of several tags', async () => {
    const ours = await clipboardTag('correct horse battery staple');
    const other = await clipboardTag('123456');
    expect(await matchesClipboardTag('correct horse battery staple', [other, ours])).toBe(true);
    expect(await matchesClipboardTag('correct horse battery staple ', [ours])).toBe(false);
    expect(await matchesClipboardTag('something the user copied', [ours, other])).toBe(false);
    expect(await matchesClipboardTag('', [ours])).toBe(false);
    expect(await matchesClipboardTag('123456', [])).toBe(false);
  });

  it('the schema refuses anything but lower-case hex of the right lengths', () => {
    expect(clipboardTagSchema.safeParse({ salt: 'A'.repeat(32), tag: '0'.repeat(8) }).success).toBe(false);
    expect(clipboardTagSchema.safeParse({ salt: '0'.repeat(32), tag: '0'.repeat(9) }).success).toBe(false);
    expect(clipboardTagSchema.safeParse({ salt: '0'.repeat(32), tag: '0'.repeat(8), value: 'x' }).success).toBe(false);
  });
});
