/** findLoginMatches: blind-index lookup plus the matching rules, over a real (synthetic) vault. */
import { describe, expect, it } from 'vitest';
import { findLoginMatches } from '../../../lib/autofill/background/find-login-matches';
import { parseCredentialGroups } from '../../../lib/autofill/background/parse-credential-groups';
import { createItem } from '../../../lib/vault/items/create-item';
import { deleteItem } from '../../../lib/vault/items/delete-item';
import { loginInput, noteInput, syntheticVault, T0 } from '../../vault/fixtures';

const groups = parseCredentialGroups([{ shared: ['safeway.com', 'vons.com'] }]);

describe('findLoginMatches', () => {
  it('offers exact-origin logins first, then opt-in domain logins, then group logins; never notes or other hosts', async () => {
    const { db, vault } = await syntheticVault();
    await createItem(db, vault, loginInput({ title: 'B exact', urls: ['https://shop.vons.com/login'] }), T0);
    await createItem(db, vault, loginInput({ title: 'A domain', urls: ['https://www.vons.com'], match: 'domain' }), T0);
    await createItem(db, vault, loginInput({ title: 'C other host', urls: ['https://www.vons.com'] }), T0);
    await createItem(db, vault, loginInput({ title: 'D group', urls: ['https://www.safeway.com'] }), T0);
    await createItem(db, vault, noteInput({ title: 'note', notes: 'https://shop.vons.com' }), T0);
    const matches = await findLoginMatches(db, vault, 'https://shop.vons.com/signin', groups, T0);
    expect(matches.map((m) => [m.content.title, m.kind])).toEqual([
      ['B exact', 'origin'],
      ['A domain', 'domain'],
      ['D group', 'group'],
    ]);
  });

  it('several accounts for one origin are all offered, by title then username', async () => {
    const { db, vault } = await syntheticVault();
    for (const username of ['zoe', 'adam']) await createItem(db, vault, loginInput({ title: 'Mail', username, urls: ['https://mail.test'] }), T0);
    const matches = await findLoginMatches(db, vault, 'https://mail.test/', groups, T0);
    expect(matches.map((m) => m.content.username)).toEqual(['adam', 'zoe']);
  });

  it('a login listing the page twice (origin and domain) appears once, with its best match', async () => {
    const { db, vault } = await syntheticVault();
    await createItem(db, vault, loginInput({ urls: ['https://a.site.test', 'https://b.site.test/x'], match: 'domain' }), T0);
    const matches = await findLoginMatches(db, vault, 'https://b.site.test/', groups, T0);
    expect(matches.map((m) => m.kind)).toEqual(['origin']);
  });

  it('T17: an https login is not offered on the http page of the same host', async () => {
    const { db, vault } = await syntheticVault();
    await createItem(db, vault, loginInput({ urls: ['https://127.0.0.1:4443/'] }), T0);
    expect(await findLoginMatches(db, vault, 'http://127.0.0.1:4443/', groups, T0)).toEqual([]);
    expect(await findLoginMatches(db, vault, 'https://127.0.0.1:4443/', groups, T0)).toHaveLength(1);
  });

  it('deleted logins and pages without a web origin give nothing', async () => {
    const { db, vault } = await syntheticVault();
    const id = await createItem(db, vault, loginInput({ urls: ['https://example.com'] }), T0);
    await deleteItem(db, vault, id, T0 + 1);
    expect(await findLoginMatches(db, vault, 'https://example.com/', groups, T0)).toEqual([]);
    for (const url of ['about:blank', 'chrome-extension://abc/popup.html', 'data:text/html,x', '']) {
      expect(await findLoginMatches(db, vault, url, groups, T0)).toEqual([]);
    }
  });
});
