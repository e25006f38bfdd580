/**
 * The step every importer ends with: one source row's values, already picked from their columns, become
 * a validated item (lib/vault/import-entry) or problems naming the row and the column. Values are kept as
 * they are; what Sealpass cannot use as such (an app link as URL, a broken TOTP secret) is kept as a custom
 * field instead of being dropped.
 */
import { parseTotpSecret } from '../../../totp/parse-totp-secret';
import { importContentSchema, type ImportContent } from '../../../vault/model/import-entry';
import type { ImportProblem, ImportRow } from '../../import-types';
import type { CustomField } from './custom-field';

type HistoryEntry = NonNullable<Extract<ImportContent, { type: 'login' }>['passwordHistory']>[number];

/** One row's values as the source holds them; anything missing is empty. */
export interface RawRow {
  /** Login unless the source says otherwise; a row with only a title and notes becomes a note. */
  type?: 'login' | 'note';
  title?: string;
  username?: string;
  password?: string;
  urls?: readonly string[];
  totp?: string;
  notes?: string;
  folder?: string;
  tags?: readonly string[];
  favourite?: boolean;
  fields?: readonly CustomField[];
  /** ms since epoch */
  createdAt?: number;
  /** ms since epoch */
  updatedAt?: number;
  /** When the current password was set, ms since epoch (rotation reminders count from it). */
  passwordChangedAt?: number;
  passwordHistory?: readonly HistoryEntry[];
}

/** The source column (or JSON field) each value came from, to name it in a problem. */
export type RawColumns = Partial<Record<keyof RawRow, string>>;

/**
 * @param row - the row's number as the user sees it (spreadsheet row, or JSON item position)
 * @param raw - the row's values
 * @param columns - where each value came from
 * @returns the importable row, or `null` with at least one skipping problem; problems that did not stop
 *   the row are returned beside it
 * @example buildImportRow(2, { title: 'Mail', password: 'pw', urls: ['mail.example.com'] }, {}).entry?.content.urls // ['https://mail.example.com/']
 */
export function buildImportRow(row: number, raw: RawRow, columns: RawColumns): { entry: ImportRow | null; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const fields: CustomField[] = [...(raw.fields ?? [])];
  const urls: string[] = [];
  let firstHost = '';
  for (const text of raw.urls ?? []) {
    const trimmed = text.trim();
    // A scheme alone ("http://", LastPass's way of writing "no address") holds nothing to keep.
    if (trimmed === '' || SCHEME_ONLY.test(trimmed)) continue;
    const web = webAddress(trimmed);
    // An app link (android://, iosapp://) is not a fill address (S7); it stays with the item as a field.
    if (web === null) fields.push({ name: 'URL', value: trimmed, hidden: false });
    else if (!urls.includes(web)) urls.push(web);
    if (web !== null && firstHost === '') firstHost = hostAsTyped(trimmed);
  }
  let totp = raw.totp?.trim() ?? '';
  if (totp !== '' && !isTotpSecret(totp)) {
    fields.push({ name: 'TOTP', value: totp, hidden: true });
    problems.push({ row, column: columns.totp ?? 'totp', problem: 'is not a valid one-time-code secret; it was kept as a hidden custom field "TOTP"', skipped: false });
    totp = '';
  }
  const username = raw.username ?? '';
  const password = raw.password ?? '';
  const notes = raw.notes ?? '';
  const hasLoginData = username !== '' || password !== '' || urls.length > 0 || totp !== '';
  const title = raw.title?.trim() || firstHost || username.trim() || '';
  if (title === '' && !hasLoginData && notes.trim() === '' && fields.length === 0) {
    problems.push({ row, problem: 'has nothing to import', skipped: true });
    return { entry: null, problems };
  }
  const type = raw.type ?? (hasLoginData || notes.trim() === '' ? 'login' : 'note');
  // A nameless item without a password is easy to miss in the list: say what it was called instead.
  const nameless = raw.title?.trim() ? null : type === 'note' ? 'has no name' : password === '' ? 'has no name and no password' : null;
  const common = {
    title: title || `Imported item (row ${row})`,
    notes,
    fields: type === 'note' ? [...fields, ...loginDataAsFields(username, password, urls)] : fields,
    folder: raw.folder?.trim() ?? '',
    tags: [...new Set((raw.tags ?? []).map((tag) => tag.trim()).filter((tag) => tag !== ''))],
    favourite: raw.favourite ?? false,
    ...(raw.createdAt === undefined ? {} : { createdAt: raw.createdAt }),
    ...(raw.updatedAt === undefined ? {} : { updatedAt: raw.updatedAt }),
  };
  const candidate = type === 'note'
    ? { type, ...common }
    : {
      type, ...common, username, password, urls, totp,
      ...(raw.passwordChangedAt === undefined ? {} : { passwordChangedAt: raw.passwordChangedAt }),
      ...(raw.passwordHistory ? { passwordHistory: [...raw.passwordHistory] } : {}),
    };
  const parsed = importContentSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '') as keyof RawRow;
      problems.push({ row, column: columns[key] ?? key, problem: `${describeIssue(issue)}, so the row was not imported`, skipped: true });
    }
    return { entry: null, problems };
  }
  if (nameless !== null) {
    const named = title === '' ? `it was imported as “${common.title}”` : title === firstHost ? 'it was imported under its site’s name' : 'it was imported under its username';
    problems.push({ row, problem: `${nameless}; ${named}`, skipped: false });
  }
  return { entry: { row, content: parsed.data }, problems };
}

const SCHEME_ONLY = /^[a-z][a-z0-9+.-]*:\/*$/i;

/** A web address by the item editor's rule (components/item-form normaliseUrl: https:// added when there is no scheme), or null. */
function webAddress(text: string): string | null {
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) && !/^[^/:]+:\d+(\/|$)/.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(withScheme);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' ? url.href : null;
  } catch {
    return null;
  }
}

/** The host as the source wrote it (an IDN stays readable, not punycode), without "www.", for a missing title. */
function hostAsTyped(text: string): string {
  const host = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^@/?#]*@)?([^/:?#]+)/i.exec(text)?.[1] ?? '';
  return host.toLowerCase().replace(/^www\./, '');
}

function isTotpSecret(text: string): boolean {
  try {
    parseTotpSecret(text);
    return true;
  } catch {
    return false;
  }
}

/** A note has no login fields; whatever the source put there is kept as custom fields. */
function loginDataAsFields(username: string, password: string, urls: readonly string[]): CustomField[] {
  return [
    ...(username === '' ? [] : [{ name: 'Username', value: username, hidden: false }]),
    ...(password === '' ? [] : [{ name: 'Password', value: password, hidden: true }]),
    ...urls.map((url) => ({ name: 'URL', value: url, hidden: false })),
  ];
}

/** Words for a validation issue; zod's own messages are not shown (they are for developers). */
function describeIssue(issue: { code: string; origin?: string; maximum?: unknown }): string {
  if (issue.code === 'too_big') {
    const maximum = Number(issue.maximum).toLocaleString('en');
    return issue.origin === 'array' ? `has more than ${maximum} entries` : `is longer than ${maximum} characters`;
  }
  if (issue.code === 'too_small') return 'is empty';
  return 'is not valid';
}
