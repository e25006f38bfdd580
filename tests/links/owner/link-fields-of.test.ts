/** Which values of an item go into a link (issue 14): only the kinds chosen, never empty values, never the history. */
import { expect, it } from 'vitest';
import { linkFieldsOf } from '../../../lib/links/owner/link-fields-of';
import { loginSchema, noteSchema } from '../../../lib/vault/model/item-schema';

const login = loginSchema.parse({
  type: 'login',
  title: 'Acme',
  username: 'ops',
  password: 'Secret-1',
  urls: ['https://a.example', 'https://b.example'],
  totp: '',
  notes: 'private notes',
  fields: [{ name: 'PIN', value: '4417', hidden: true }],
  passwordHistory: [{ password: 'Old-0', changedAt: 1 }],
  createdAt: 1,
  updatedAt: 2,
});

it('takes only the chosen kinds, in the item’s order, and leaves empty values and the history out', () => {
  expect(linkFieldsOf(login, ['password', 'username'])).toEqual([
    { name: 'username', label: 'Username', value: 'ops', concealed: false },
    { name: 'password', label: 'Password', value: 'Secret-1', concealed: true },
  ]);
  expect(linkFieldsOf(login, ['urls', 'totp', 'custom']).map((f) => [f.label, f.value, f.concealed])).toEqual([
    ['Website 1', 'https://a.example', false],
    ['Website 2', 'https://b.example', false],
    ['PIN', '4417', true],
  ]);
  expect(JSON.stringify(linkFieldsOf(login, ['username', 'password', 'urls', 'totp', 'notes', 'custom']))).not.toContain('Old-0');
});

it('sends a note’s text and custom fields; login-only kinds give nothing for a note', () => {
  const note = noteSchema.parse({ type: 'note', title: 'Wifi', notes: 'guest / pass', createdAt: 1, updatedAt: 1 });
  expect(linkFieldsOf(note, ['username', 'password'])).toEqual([]);
  expect(linkFieldsOf(note, ['notes'])).toEqual([{ name: 'notes', label: 'Notes', value: 'guest / pass', concealed: false }]);
});
