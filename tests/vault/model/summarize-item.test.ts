/** summarizeItem: the list row shows title, username, first URL, folder, tags — never a password or notes. */
import { describe, expect, it } from 'vitest';
import { summarizeItem } from '../../../lib/vault/model/summarize-item';
import { contentOf, loginInput, noteInput, T0 } from '../fixtures';

describe('summarizeItem', () => {
  it('a login: first URL, username, folder, tags, favourite, updatedAt', () => {
    const content = contentOf(loginInput({ title: 'T', username: 'u', urls: ['https://one.test', 'https://two.test'], folder: 'F', tags: ['a'], favourite: true }), T0);
    expect(summarizeItem('id1', content)).toEqual({
      state: 'ok', id: 'id1', type: 'login', title: 'T', username: 'u', url: 'https://one.test', folder: 'F', tags: ['a'], favourite: true, updatedAt: T0,
    });
  });

  it('a login without URLs has an empty url', () => {
    expect(summarizeItem('id1', contentOf(loginInput({ urls: [] }), T0))).toMatchObject({ url: '' });
  });

  it('a note has empty username and url', () => {
    expect(summarizeItem('id2', contentOf(noteInput({ title: 'N' }), T0))).toMatchObject({ type: 'note', title: 'N', username: '', url: '' });
  });

  it('never carries the password, TOTP secret, notes, custom fields or history', () => {
    const content = contentOf(loginInput({ password: 'PW-MARKER', totp: 'TOTP-MARKER', notes: 'NOTES-MARKER', fields: [{ name: 'pin', value: 'FIELD-MARKER', hidden: true }] }), T0);
    const text = JSON.stringify(summarizeItem('id', { ...content, passwordHistory: [{ password: 'OLD-MARKER', changedAt: T0 }] } as typeof content));
    for (const marker of ['PW-MARKER', 'TOTP-MARKER', 'NOTES-MARKER', 'FIELD-MARKER', 'OLD-MARKER']) expect(text).not.toContain(marker);
  });
});
