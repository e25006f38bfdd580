/** parseRelayPageUrl: only http(s) links without query or credentials pass; the path and fragment are the caller's. */
import { describe, expect, it } from 'vitest';
import { parseRelayPageUrl } from '../../lib/relay-protocol/parse-relay-page-url';

describe('parseRelayPageUrl', () => {
  it('takes an http(s) link, spaces around it ignored', () => {
    expect(parseRelayPageUrl('  https://relay.example/l/#abc \n')?.href).toBe('https://relay.example/l/#abc');
    expect(parseRelayPageUrl('http://127.0.0.1:8787/invite/#x')?.origin).toBe('http://127.0.0.1:8787');
  });

  it('refuses what is not a URL, another scheme, a query and credentials', () => {
    for (const text of ['', 'not a link', 'javascript:alert(1)//#x', 'chrome-extension://abc/l/#x', 'https://relay.example/l/?a=1#x', 'https://user:pw@relay.example/l/#x', 'https://user@relay.example/l/#x']) {
      expect(parseRelayPageUrl(text), text).toBeNull();
    }
  });
});
