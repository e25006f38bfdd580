/** Who owns which field: what travels with a share, what stays the owner's, what a permission hides. */
import { describe, expect, it } from 'vitest';
import { applySharedFields, inputFromContent, maskForPermission, shareableContent, sharedInput } from '../../../lib/vault/model/item-fields';
import { itemInputSchema, loginSchema, noteSchema } from '../../../lib/vault/model/item-schema';

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

describe('shareableContent', () => {
  it("strips the owner's private fields and keeps the shared ones", () => {
    const shared = shareableContent(login);
    expect(shared).toMatchObject({ title: 'Router', password: 'current', totp: 'JBSWY3DPEHPK3PXP', folder: '', tags: [], favourite: false, passwordHistory: [] });
    expect(shared).not.toHaveProperty('rotationDays');
    expect(shared).not.toHaveProperty('passwordChangedAt');
    expect(JSON.stringify(shared)).not.toContain('previous-pw');
  });
});

describe('sharedInput / inputFromContent', () => {
  it('sharedInput carries only shared fields; inputFromContent adds the private ones and round-trips through the schema', () => {
    const shared = sharedInput(login);
    for (const privateField of ['folder', 'tags', 'favourite', 'rotationDays', 'passwordHistory']) expect(shared).not.toHaveProperty(privateField);
    expect(shared).toMatchObject({ title: 'Router', username: 'admin', password: 'current', urls: ['https://router.example/'], match: 'origin' });
    const full = inputFromContent(login);
    expect(full).toMatchObject({ folder: 'Home', tags: ['network'], favourite: true, rotationDays: 30 });
    expect(itemInputSchema.parse(full)).toMatchObject(full);
  });

  it('a note has no login fields', () => {
    const note = noteSchema.parse({ type: 'note', title: 'Wi-Fi', notes: 'pw on the fridge', folder: 'Home', createdAt: 1, updatedAt: 2 });
    expect(sharedInput(note)).toEqual({ type: 'note', title: 'Wi-Fi', notes: 'pw on the fridge', fields: [] });
    expect(inputFromContent(note)).toMatchObject({ type: 'note', folder: 'Home' });
  });
});

describe('applySharedFields', () => {
  it("takes the shared fields from a proposal and keeps the owner's folder, tags, favourite and rotation period", () => {
    const proposed = { ...shareableContent(login), title: 'Router (new)', password: 'proposed', folder: 'Theirs', tags: ['x'], favourite: false };
    const input = applySharedFields(login, proposed);
    expect(input).toMatchObject({ title: 'Router (new)', password: 'proposed', folder: 'Home', tags: ['network'], favourite: true, rotationDays: 30 });
  });
});

describe('maskForPermission', () => {
  it('autofill-only blanks the password, the one-time-code secret and hidden fields; view and edit show all', () => {
    expect(maskForPermission(login, 'autofill-only')).toMatchObject({ password: '', totp: '', passwordHistory: [], fields: [{ name: 'PIN', value: '' }, { name: 'Floor', value: '3' }] });
    expect(maskForPermission(login, 'view')).toBe(login);
    expect(maskForPermission(login, 'edit')).toBe(login);
  });
});
