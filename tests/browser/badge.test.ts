/** setBadgeCount over WXT's fake browser: the sum of every source, "99+" above 99, hidden at 0, counts kept across sources. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MAX_SHOWN_COUNT, setBadgeCount } from '../../lib/browser/badge';

const text = () => fakeBrowser.action.getBadgeText({});

describe('setBadgeCount', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('shows one source’s count, and the sum when another source adds its own', async () => {
    await setBadgeCount('rotation', 3);
    expect(await text()).toBe('3');
    await setBadgeCount('inbox', 2);
    expect(await text()).toBe('5');
    await setBadgeCount('rotation', 0);
    expect(await text()).toBe('2');
  });

  it('hides the badge when every count is 0', async () => {
    await setBadgeCount('rotation', 4);
    await setBadgeCount('rotation', 0);
    expect(await text()).toBe('');
  });

  it(`caps the text at "${MAX_SHOWN_COUNT}+"`, async () => {
    await setBadgeCount('rotation', 99);
    expect(await text()).toBe('99');
    await setBadgeCount('inbox', 1);
    expect(await text()).toBe('99+');
  });

  it('concurrent updates from two sources both count', async () => {
    await Promise.all([setBadgeCount('rotation', 7), setBadgeCount('inbox', 5)]);
    expect(await text()).toBe('12');
  });

  it('negative, fractional or non-finite counts are sanitised', async () => {
    await setBadgeCount('rotation', -4);
    expect(await text()).toBe('');
    await setBadgeCount('rotation', 2.9);
    expect(await text()).toBe('2');
    await setBadgeCount('inbox', Number.NaN);
    expect(await text()).toBe('2');
  });

  it('a stored count survives a "service-worker restart" (kept in storage.session)', async () => {
    await setBadgeCount('inbox', 4);
    await fakeBrowser.action.setBadgeText({ text: '' });
    await setBadgeCount('rotation', 1);
    expect(await text()).toBe('5');
  });
});
