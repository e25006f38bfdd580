/**
 * Shared by the export tests: full item contents with every field set (kept fields included), fast-check
 * arbitraries for any valid content, and one export key derived once at the real KDF floor.
 */
import fc from 'fast-check';
import { KDF_DEFAULT, SALT_LENGTH, type KdfParams } from '../../lib/crypto/kdf-params';
import { randomBytes } from '../../lib/crypto/random-bytes';
import type { ExportKey } from '../../lib/crypto/keys';
import { deriveExportKey } from '../../lib/export/derive-export-key';
import { itemContentSchema, type ItemContent } from '../../lib/vault/model/item-schema';
import { T0 } from '../vault/fixtures';

/** The passphrase of every export made in these tests. */
export const EXPORT_PASSPHRASE = 'orbit civil lumber amused pencil';

/** A login with every field set, including history, times and rotation state. */
export const FULL_LOGIN: ItemContent = itemContentSchema.parse({
  type: 'login', title: 'GitHub — work', username: 'alice@example.com', password: 'c0rrect-Horse-7',
  urls: ['https://github.com/login', 'https://gist.github.com/'], totp: 'JBSWY3DPEHPK3PXP', notes: 'Recovery codes in the safe.\nSecond line, ünïcode 🔑',
  fields: [{ name: 'PIN', value: '4711', hidden: true }, { name: 'Account no.', value: 'A-1, "quoted"', hidden: false }],
  folder: 'Work', tags: ['code', 'team'], favourite: true, match: 'domain', rotationDays: 30,
  createdAt: T0, updatedAt: T0 + 5000, passwordChangedAt: T0 + 4000, rotationSnoozedUntil: T0 + 9_000_000,
  passwordHistory: [{ password: 'older-pw', changedAt: T0 + 4000 }, { password: 'oldest-pw', changedAt: T0 + 1000 }],
});

/** A secure note with every field set. */
export const FULL_NOTE: ItemContent = itemContentSchema.parse({
  type: 'note', title: 'Door codes', notes: 'Front 1234\nBack 5678', fields: [{ name: 'Alarm', value: '9999', hidden: true }],
  folder: 'Home', tags: ['house'], favourite: false, createdAt: T0 - 1000, updatedAt: T0,
});

/** Parameters at the floor with a fresh salt. */
export function floorKdf(): KdfParams {
  return { alg: 'argon2id', version: 0x13, ...KDF_DEFAULT, salt: randomBytes(SALT_LENGTH) };
}

/** One key at the real floor (one Argon2id run) for the tests that seal and open many files. */
export async function deriveTestKey(): Promise<{ key: ExportKey; kdf: KdfParams }> {
  const kdf = floorKdf();
  return { key: await deriveExportKey(EXPORT_PASSPHRASE, kdf), kdf };
}

// Short strings: schema limits count UTF-16 units, and full-unicode characters can be two.
const text = (minLength = 0) => fc.oneof(
  fc.string({ unit: 'binary', minLength, maxLength: 12 }),
  fc.constantFrom(...(minLength ? [] : ['']), 'café', 'Zürich 🔑', '密码', 'a\u0000b', '\u202eevil', '"quoted", \\ back\nline'),
);
const time = fc.integer({ min: 0, max: 4_102_444_800_000 });
const common = {
  title: text(1),
  notes: text(),
  fields: fc.array(fc.record({ name: text(), value: text(), hidden: fc.boolean() }), { maxLength: 3 }),
  folder: text(),
  tags: fc.array(text(1), { maxLength: 3 }),
  favourite: fc.boolean(),
  createdAt: time,
  updatedAt: time,
};

/** Any valid login, every optional kept field sometimes present. */
export const loginContentArb: fc.Arbitrary<ItemContent> = fc.record({
  type: fc.constant('login' as const),
  ...common,
  username: text(),
  password: text(),
  urls: fc.array(fc.oneof(fc.webUrl(), text()), { maxLength: 3 }),
  totp: text(),
  match: fc.constantFrom('origin' as const, 'domain' as const),
  rotationDays: fc.integer({ min: 0, max: 3650 }),
  passwordChangedAt: time,
  rotationSnoozedUntil: time,
  passwordHistory: fc.array(fc.record({ password: text(), changedAt: time }), { maxLength: 4 }),
}, { requiredKeys: ['type', 'title', 'notes', 'fields', 'folder', 'tags', 'favourite', 'createdAt', 'updatedAt', 'username', 'password', 'urls', 'totp', 'match', 'passwordHistory'] })
  .map((content) => itemContentSchema.parse(content));

/** Any valid secure note. */
export const noteContentArb: fc.Arbitrary<ItemContent> = fc.record({ type: fc.constant('note' as const), ...common })
  .map((content) => itemContentSchema.parse(content));

/** A vault's worth of contents. */
export const contentsArb = fc.array(fc.oneof(loginContentArb, noteContentArb), { maxLength: 8 });

/** Contents in a stable order, for comparing two vaults whose items have other ids. */
export function sortedJson(contents: readonly ItemContent[]): string[] {
  return contents.map((content) => JSON.stringify(itemContentSchema.parse(content))).sort();
}
