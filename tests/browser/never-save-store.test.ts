/** The never-save list in storage.local: opaque tags only, round trip, de-duplication, a cap, bad stored data read as empty. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { neverSaveStore } from '../../lib/browser/never-save-store';

const tag = (n: number) => n.toString(16).padStart(64, '0');

describe('neverSaveStore', () => {
  beforeEach(() => fakeBrowser.reset());

  it('starts empty; an added tag is found, others are not; adding twice keeps one copy', async () => {
    expect(await neverSaveStore.has(tag(1))).toBe(false);
    await neverSaveStore.add(tag(1));
    await neverSaveStore.add(tag(1));
    expect(await neverSaveStore.has(tag(1))).toBe(true);
    expect(await neverSaveStore.has(tag(2))).toBe(false);
    expect((await fakeBrowser.storage.local.get('neverSave')).neverSave).toEqual([tag(1)]);
  });

  it('refuses anything but a 64-hex tag (never a site name), keeping the list as it was', async () => {
    await neverSaveStore.add(tag(1));
    await expect(neverSaveStore.add('https://example.com')).rejects.toThrow();
    expect((await fakeBrowser.storage.local.get('neverSave')).neverSave).toEqual([tag(1)]);
  });

  it('keeps the newest 5,000 tags', async () => {
    await fakeBrowser.storage.local.set({ neverSave: Array.from({ length: 5_000 }, (_, i) => tag(i)) });
    await neverSaveStore.add(tag(99_999));
    expect(await neverSaveStore.has(tag(99_999))).toBe(true);
    expect(await neverSaveStore.has(tag(0))).toBe(false);
    expect(await neverSaveStore.has(tag(1))).toBe(true);
  });

  it('reads a tampered stored value as empty, and adding then starts afresh', async () => {
    await fakeBrowser.storage.local.set({ neverSave: 'example.com' });
    expect(await neverSaveStore.has(tag(1))).toBe(false);
    await neverSaveStore.add(tag(1));
    expect((await fakeBrowser.storage.local.get('neverSave')).neverSave).toEqual([tag(1)]);
  });
});
