/** Issue 16 in the contact view: why a contact's safety number changed when they upgraded, and which suite shares use. */
import { describe, expect, it } from 'vitest';
import { formatTime, suiteText, upgradedText } from '../../../components/sharing/sharing-text';

const AT = Date.UTC(2026, 11, 7, 9, 30);

describe('upgradedText', () => {
  it('says nothing for a contact who did not upgrade since they were pinned', () => {
    expect(upgradedText({ handle: 'carol', state: 'verified', upgradedAt: null })).toBeNull();
  });

  it('names the contact, when, and that the number changed because they upgraded, not because a key changed', () => {
    const text = upgradedText({ handle: 'carol', state: 'verified', upgradedAt: AT })!;
    expect(text).toContain(`carol’s safety number changed on ${formatTime(AT)} because they upgraded to post-quantum keys`);
    expect(text).toContain('Their other keys are the same');
    expect(text).toContain('they stay verified');
    expect(text).toMatch(/compare the new number/);
  });

  it('does not call an unverified contact verified', () => {
    const text = upgradedText({ handle: 'carol', state: 'unverified', upgradedAt: AT })!;
    expect(text).not.toContain('verified');
    expect(text).toContain('nothing else changed');
  });
});

describe('suiteText', () => {
  it('post-quantum for a contact with an X-Wing key, X25519 until they upgrade otherwise', () => {
    expect(suiteText(true)).toMatch(/post-quantum \(X-Wing/);
    expect(suiteText(false)).toMatch(/X25519 until they upgrade/);
  });
});
