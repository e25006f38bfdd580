/** What travels to a recipient (no history, folder, tags, favourite, rotation state) and what the UI may show of it. */
import { describe, expect, it } from 'vitest';
import { isReceivedItemId } from '../../../lib/sharing/is-received-item-id';
import { maskReceivedContent } from '../../../lib/sharing/recipient/mask-received-content';
import { receivedItemId, shareIdOfReceivedItem } from '../../../lib/sharing/store/received-item-id';
import { shareableContent, shareableDigest } from '../../../lib/sharing/owner/shareable-content';
import { newShareId } from '../../../lib/sharing/envelope/new-share-id';
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

describe('shareableContent / shareableDigest', () => {
  it('strips the owner\'s private fields and keeps the shared ones', () => {
    const shared = shareableContent(login);
    expect(shared).toMatchObject({ title: 'Router', password: 'current', totp: 'JBSWY3DPEHPK3PXP', folder: '', tags: [], favourite: false, passwordHistory: [] });
    expect(shared).not.toHaveProperty('rotationDays');
    expect(shared).not.toHaveProperty('passwordChangedAt');
    expect(JSON.stringify(shared)).not.toContain('previous-pw');
  });

  it('changes with a shared field, not with a private one or the time', () => {
    const base = shareableDigest(login);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(shareableDigest({ ...login, folder: 'Elsewhere', favourite: false, updatedAt: 99 })).toBe(base);
    expect(shareableDigest({ ...login, password: 'new' })).not.toBe(base);
    expect(shareableDigest({ ...login, urls: ['https://router.example/admin'] })).not.toBe(base);
  });
});

describe('maskReceivedContent', () => {
  it('autofill-only blanks the password, the one-time-code secret and hidden fields; view and edit show all', () => {
    expect(maskReceivedContent(login, 'autofill-only')).toMatchObject({ password: '', totp: '', fields: [{ name: 'PIN', value: '' }, { name: 'Floor', value: '3' }] });
    expect(maskReceivedContent(login, 'view')).toBe(login);
    expect(maskReceivedContent(login, 'edit')).toBe(login);
  });
});

describe('received item ids', () => {
  it('round-trip a share id and never look like a vault item id', () => {
    const shareId = newShareId();
    const id = receivedItemId(shareId);
    expect(id).toMatch(/^shared-[0-9a-f]{32}$/);
    expect(isReceivedItemId(id)).toBe(true);
    expect(shareIdOfReceivedItem(id)).toBe(shareId);
    expect(isReceivedItemId('0123456789abcdef0123456789abcdef')).toBe(false);
    expect(shareIdOfReceivedItem('shared-xyz')).toBeNull();
  });
});
