/** createPasswordTagger: HMAC-SHA256 under a random key (checked against node:crypto with the same key), equal tags only for equal passwords, a new key per tagger. */
import { createHmac } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import * as generateKeyModule from '../../lib/crypto/generate-key';
import { createPasswordTagger } from '../../lib/health/create-password-tagger';

vi.mock('../../lib/crypto/generate-key', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../lib/crypto/generate-key')>();
  return { generateKey: vi.fn(actual.generateKey) };
});

describe('createPasswordTagger', () => {
  it('tags are HMAC-SHA256 of the UTF-8 password under the tagger’s key', () => {
    const key = new Uint8Array(32).map((_, i) => i);
    vi.mocked(generateKeyModule.generateKey).mockReturnValueOnce(new Uint8Array(key) as never);
    const tagger = createPasswordTagger();
    for (const password of ['hunter2', '', 'Zürich 🔑', 'x'.repeat(200)]) {
      expect(tagger.tag(password)).toBe(createHmac('sha256', key).update(password, 'utf8').digest('hex'));
    }
  });

  it('equal passwords share a tag, different ones do not; repeated calls do not disturb each other', () => {
    const tagger = createPasswordTagger();
    const a = tagger.tag('same');
    expect(tagger.tag('other')).not.toBe(a);
    expect(tagger.tag('same')).toBe(a);
  });

  it('two taggers (two analyses) give unrelated tags', () => {
    expect(createPasswordTagger().tag('same')).not.toBe(createPasswordTagger().tag('same'));
  });

  it('a disposed tagger can no longer tag', () => {
    const tagger = createPasswordTagger();
    tagger.dispose();
    expect(() => tagger.tag('x')).toThrow();
  });
});
