/** The digest that decides whether an owner's edit is sent to recipients. */
import { describe, expect, it } from 'vitest';
import { shareableDigest } from '../../../lib/sharing/owner/shareable-digest';
import { loginSchema } from '../../../lib/vault/model/item-schema';

const login = loginSchema.parse({
  type: 'login',
  title: 'Router',
  username: 'admin',
  password: 'current',
  totp: 'JBSWY3DPEHPK3PXP',
  urls: ['https://router.example/'],
  fields: [{ name: 'PIN', value: '1234', hidden: true }, { name: 'Floor', value: '3', hidden: false }],
  folder: 'Home',
  tags: ['network'],
  favourite: true,
  rotationDays: 30,
  passwordChangedAt: 5,
  rotationSnoozedUntil: 9,
  passwordHistory: [{ password: 'previous-pw', changedAt: 5 }],
  createdAt: 1,
  updatedAt: 2,
});

describe('shareableDigest', () => {
  it('changes with a shared field, not with a private one or the time', () => {
    const base = shareableDigest(login);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(shareableDigest({ ...login, folder: 'Elsewhere', favourite: false, updatedAt: 99 })).toBe(base);
    expect(shareableDigest({ ...login, password: 'new' })).not.toBe(base);
    expect(shareableDigest({ ...login, urls: ['https://router.example/admin'] })).not.toBe(base);
  });
});
