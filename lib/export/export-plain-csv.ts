/**
 * The plain (unencrypted) export: CSV in Bitwarden's documented column layout
 * (`folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp`), which
 * Bitwarden, 1Password, KeePassXC and Sealpass's own importer read. Written with papaparse (RFC 4180 quoting).
 * Values are written exactly as saved: prefixing cells that start with `=`, `+`, `-` or `@` (the usual guard
 * against spreadsheet formulas) would change passwords, and this file is for another password manager's import,
 * not for a spreadsheet; the confirmation says so. Tags, password history and hidden-field flags have no column.
 */
import Papa from 'papaparse';
import type { ItemContent } from '../vault/model/item-schema';

/** The header row, in Bitwarden's order. */
export const PLAIN_CSV_COLUMNS = [
  'folder', 'favorite', 'type', 'name', 'notes', 'fields', 'reprompt', 'login_uri', 'login_username', 'login_password', 'login_totp',
] as const;

/**
 * @param items - full contents; every password is written in clear
 * @returns CSV text with CRLF line ends and a header row
 * @example exportPlainCsv([login]); // 'folder,favorite,type,name,…\r\nWork,1,login,GitHub,…'
 */
export function exportPlainCsv(items: readonly ItemContent[]): string {
  const rows = items.map((item) => {
    const login = item.type === 'login' ? item : null;
    return [
      item.folder,
      item.favourite ? '1' : '',
      item.type,
      item.title,
      item.notes,
      item.fields.map((field) => `${field.name}: ${field.value}`).join('\n'),
      '0',
      // Several URIs in one cell, comma-separated, each quoted when it holds a comma (as Bitwarden writes them).
      login && login.urls.length > 0 ? Papa.unparse([login.urls], { newline: '' }) : '',
      login?.username ?? '',
      login?.password ?? '',
      login?.totp ?? '',
    ];
  });
  const csv = Papa.unparse({ fields: [...PLAIN_CSV_COLUMNS], data: rows }, { newline: '\r\n' });
  // papaparse ends the header-only file with a line break but not the last data row; end both the same way.
  return csv.endsWith('\r\n') ? csv : `${csv}\r\n`;
}
