/** suggestTitle: the save bar's suggested name, from the page's title rather than its host. */
import { describe, expect, it } from 'vitest';
import { MAX_SUGGESTED_TITLE, suggestTitle } from '../../../lib/autofill/background/suggest-title';

describe('suggestTitle', () => {
  it.each([
    ['Sign in – Example Shop', 'shop.example.com', 'Example Shop'],
    ['Example Shop | Create account', 'shop.example.com', 'Example Shop'],
    ['Log in to GitHub · GitHub', 'github.com', 'GitHub'],
    ['Anmelden - Beispiel Bank', 'bank.beispiel.de', 'Beispiel Bank'],
    ['Register: Fancy Forum', 'forum.test', 'Fancy Forum'],
    ['Acme Corp Portal', 'portal.acme.com', 'Acme Corp Portal'],
  ])('%s on %s → %s', (title, host, expected) => {
    expect(suggestTitle(title, host)).toBe(expected);
  });

  it('a title of step words only, an empty or blank one → the host without www', () => {
    expect(suggestTitle('Login', 'www.example.com')).toBe('example.com');
    expect(suggestTitle('', 'accounts.example.com')).toBe('accounts.example.com');
    expect(suggestTitle(' \n\t ', 'example.com')).toBe('example.com');
    expect(suggestTitle('Sign in | Log in', 'www.example.com')).toBe('example.com');
  });

  it('control characters become spaces; a very long title is cut with an ellipsis', () => {
    expect(suggestTitle('Big\u0000Shop', 'shop.test')).toBe('Big Shop');
    const long = suggestTitle('x'.repeat(500), 'shop.test');
    expect(long).toHaveLength(MAX_SUGGESTED_TITLE);
    expect(long.endsWith('…')).toBe(true);
  });

  it('the part naming the site wins over the last part', () => {
    expect(suggestTitle('Example – Dashboard', 'app.example.com')).toBe('Example');
  });
});
