/** The sealed "never show here" list: round trip, nothing in clear (S1), bound to its vault, and damage reads as empty (S8). */
import { describe, expect, it } from 'vitest';
import { MAX_NEVER_SHOW, openNeverShow, sealNeverShow } from '../../../lib/autofill/background/never-show-list';
import { syntheticVault } from '../../vault/fixtures';

describe('never-show list', () => {
  it('round trip, deduplicated; null reads as empty', async () => {
    const { vault } = await syntheticVault();
    expect(openNeverShow(vault, sealNeverShow(vault, ['https://a.test', 'https://b.test', 'https://a.test']))).toEqual(['https://a.test', 'https://b.test']);
    expect(openNeverShow(vault, null)).toEqual([]);
  });

  it('S1: the sealed bytes do not contain the origins', async () => {
    const { vault } = await syntheticVault();
    const sealed = sealNeverShow(vault, ['https://secret-bank.test']);
    expect(Buffer.from(sealed.ct).toString('latin1')).not.toContain('secret-bank');
  });

  it('S8: tampered, or sealed by another vault → empty, no throw', async () => {
    const { vault } = await syntheticVault();
    const { vault: other } = await syntheticVault();
    const sealed = sealNeverShow(vault, ['https://a.test']);
    expect(openNeverShow(other, sealed)).toEqual([]);
    sealed.ct[0]! ^= 1;
    expect(openNeverShow(vault, sealed)).toEqual([]);
  });

  it(`keeps the newest ${MAX_NEVER_SHOW} origins`, async () => {
    const { vault } = await syntheticVault();
    const origins = Array.from({ length: MAX_NEVER_SHOW + 5 }, (_, i) => `https://s${i}.test`);
    const kept = openNeverShow(vault, sealNeverShow(vault, origins));
    expect(kept).toHaveLength(MAX_NEVER_SHOW);
    expect(kept[0]).toBe('https://s5.test');
  });
});
