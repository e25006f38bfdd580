/** Suggests which column of an unknown CSV holds which field, from the header's words (English column names). */
import { MAPPED_FIELDS, type ColumnMapping, type MappedField } from '../import-types';

/** Names each field goes by in exports and hand-made spreadsheets, most specific first. */
const SYNONYMS: Readonly<Record<MappedField, readonly string[]>> = {
  title: ['title', 'name', 'account', 'service', 'entry', 'item', 'site name', 'description', 'label', 'nickname'],
  username: ['username', 'user name', 'user', 'login', 'login name', 'email', 'e-mail', 'email address', 'user id', 'account name'],
  password: ['password', 'passwort', 'pass', 'pwd', 'passwd', 'passphrase'],
  url: ['url', 'website', 'web site', 'site', 'address', 'uri', 'link', 'login url', 'hostname', 'domain'],
  notes: ['notes', 'note', 'comments', 'comment', 'extra', 'remarks', 'memo', 'description'],
  totp: ['totp', 'otp', 'otpauth', 'otpurl', 'otp url', 'otpsecret', 'otp secret', '2fa', 'mfa', 'one-time code', 'authenticator', 'two-factor'],
  folder: ['folder', 'group', 'category', 'grouping', 'collection', 'section'],
};

const normalise = (name: string) => name.trim().toLowerCase().replace(/[_\s]+/g, ' ');

/**
 * Exact names first (after case, spaces and underscores), then columns whose name contains a synonym,
 * the longest first; each column fills one field at most.
 * @param header - the header row's cells
 * @example guessColumnMapping(['Site', 'Login', 'Password']) // { title: null, username: 1, password: 2, url: 0, ... }
 */
export function guessColumnMapping(header: readonly string[]): ColumnMapping {
  const names = header.map(normalise);
  const mapping = Object.fromEntries(MAPPED_FIELDS.map((field) => [field, null])) as ColumnMapping;
  const taken = new Set<number>();
  const assign = (field: MappedField, index: number) => {
    if (mapping[field] !== null || taken.has(index)) return;
    mapping[field] = index;
    taken.add(index);
  };
  for (const field of MAPPED_FIELDS) {
    for (const synonym of SYNONYMS[field]) {
      const index = names.findIndex((name, i) => !taken.has(i) && name === synonym);
      if (index >= 0) {
        assign(field, index);
        break;
      }
    }
  }
  // Then names that contain a synonym, the longest match first ("account password" is a password, not an
  // account title); short synonyms are left out: "pass" would find "passport", "name" would find "user name".
  const partial: { field: MappedField; index: number; length: number }[] = [];
  for (const field of MAPPED_FIELDS) {
    for (const synonym of SYNONYMS[field]) {
      if (synonym.length < 5) continue;
      names.forEach((name, index) => {
        if (name.includes(synonym)) partial.push({ field, index, length: synonym.length });
      });
    }
  }
  partial.sort((a, b) => b.length - a.length);
  for (const { field, index } of partial) assign(field, index);
  return mapping;
}
