/** Invite links: the relay's origin and a contact code in the fragment, read back strictly (issue 17). */
import { describe, expect, it } from 'vitest';
import { CONTACT_CODE_PREFIX, CONTACT_CODE_V2_PREFIX } from '../../../lib/sharing/contacts/contact-code';
import { inviteLink, parseInviteLink } from '../../../lib/sharing/contacts/invite-link';

const CODE = `${CONTACT_CODE_PREFIX}BWFsaWNlAbc-_123`;

describe('invite links', () => {
  it('carry the relay origin and the code in the fragment, which no browser sends to the relay', () => {
    const link = inviteLink('https://relay.example/some/path?x=1', CODE);
    expect(link).toBe('https://relay.example/invite/#BWFsaWNlAbc-_123');
    expect(parseInviteLink(`  ${link}  `)).toEqual({ relayOrigin: 'https://relay.example', contactCode: CODE });
  });

  it('issue 16: carry a v2 contact code (with the X-Wing key hash) as #2.…, read back as v2; a bare fragment stays v1', () => {
    const v2 = `${CONTACT_CODE_V2_PREFIX}BWFsaWNlAbc-_123`;
    const link = inviteLink('https://relay.example', v2);
    expect(link).toBe('https://relay.example/invite/#2.BWFsaWNlAbc-_123');
    expect(parseInviteLink(link)).toEqual({ relayOrigin: 'https://relay.example', contactCode: v2 });
    expect(parseInviteLink('https://relay.example/invite/#BWFsaWNlAbc-_123')?.contactCode).toBe(CODE);
    for (const text of ['https://relay.example/invite/#2.', 'https://relay.example/invite/#3.BWFsaWNl', 'https://relay.example/invite/#2.2.BWFsaWNl']) {
      expect(parseInviteLink(text), text).toBeNull();
    }
  });

  it('refuse anything else: other paths, a query, credentials, no fragment, other characters, other schemes', () => {
    for (const text of [
      'https://relay.example/l/#BWFsaWNl',
      'https://relay.example/invite/?a=1#BWFsaWNl',
      'https://user:pw@relay.example/invite/#BWFsaWNl',
      'https://relay.example/invite/',
      'https://relay.example/invite/#BWF=sa',
      'javascript:alert(1)//invite/#BWFsaWNl',
      'not a link',
    ]) expect(parseInviteLink(text)).toBeNull();
    expect(() => inviteLink('https://relay.example', 'hello')).toThrow(RangeError);
  });
});
