/**
 * Bitwarden's unencrypted JSON export (Tools → Export vault → .json): `folders` (id, name), and `items`
 * of type 1 login (uris, username, password, totp, fido2Credentials), 2 secure note, 3 card, 4 identity,
 * 5 SSH key, each with notes, custom `fields` (type 0 text, 1 hidden, 2 boolean, 3 linked),
 * `passwordHistory` (lastUsedDate, password), `creationDate` and `revisionDate`. An organization export
 * has `collections` and `collectionIds` instead of folders. Cards, identities and SSH keys, which
 * Sealpass has no type for, become secure notes with their details as custom fields.
 */
import { z } from 'zod';
import { buildImportRow, type RawRow } from './build-import-row';
import { MAX_PASSWORD_HISTORY } from '../../../vault/model/item-limits';
import { ImportFileError, type ImportProblem, type MappedImport } from '../../import-types';

const text = z.string().nullish();
const named = z.array(z.object({ id: z.string(), name: z.string() }).loose()).nullish();

const documentSchema = z.object({ folders: named, collections: named, items: z.array(z.unknown()) }).loose();

const itemSchema = z.object({
  type: z.number().int(),
  name: text,
  notes: text,
  favorite: z.boolean().nullish(),
  folderId: text,
  collectionIds: z.array(z.string()).nullish(),
  fields: z.array(z.object({ name: text, value: text, type: z.number().int() }).loose()).nullish(),
  login: z.object({
    username: text,
    password: text,
    totp: text,
    uris: z.array(z.object({ uri: text }).loose()).nullish(),
    fido2Credentials: z.array(z.unknown()).nullish(),
  }).loose().nullish(),
  passwordHistory: z.array(z.object({ lastUsedDate: z.string(), password: z.string() }).loose()).nullish(),
  creationDate: text,
  revisionDate: text,
  card: z.record(z.string(), z.unknown()).nullish(),
  identity: z.record(z.string(), z.unknown()).nullish(),
  sshKey: z.record(z.string(), z.unknown()).nullish(),
}).loose();

type BitwardenItem = z.infer<typeof itemSchema>;

/** Card, identity and SSH-key details that are secrets, shown masked as custom fields. */
const SECRET_DETAILS = new Set(['number', 'code', 'ssn', 'passportNumber', 'licenseNumber', 'privateKey']);

const FIELD_HIDDEN = 1;
const FIELD_BOOLEAN = 2;
const FIELD_LINKED = 3;

/**
 * @param data - the parsed JSON (detectImportFormat checked that it has an `items` list)
 * @returns one row per importable item, numbered by position from 1; problems name the item and the field
 * @throws ImportFileError when the folder or collection list is damaged (no item could be placed)
 */
export function mapBitwardenJson(data: unknown): MappedImport {
  const result: MappedImport = { rows: [], problems: [] };
  const document = documentSchema.safeParse(data);
  if (!document.success) {
    const part = String(document.error.issues[0]?.path[0] ?? 'items');
    throw new ImportFileError(`This Bitwarden export is damaged: its "${part}" list is not in the shape Bitwarden writes.`);
  }
  const folders = new Map([...(document.data.folders ?? []), ...(document.data.collections ?? [])].map((folder) => [folder.id, folder.name]));
  document.data.items.forEach((value, index) => {
    const row = index + 1;
    const item = itemSchema.safeParse(value);
    if (!item.success) {
      const path = item.error.issues[0]?.path.map(String).join('.') || 'item';
      result.problems.push({ row, column: path, problem: 'is not in the shape Bitwarden writes, so the item was not imported', skipped: true });
      return;
    }
    const problems: ImportProblem[] = [];
    const raw = toRaw(item.data, folders, row, problems);
    if (raw === null) {
      result.problems.push(...problems);
      return;
    }
    const built = buildImportRow(row, raw, {
      title: 'name', notes: 'notes', fields: 'fields', username: 'login.username', password: 'login.password', totp: 'login.totp',
      urls: 'login.uris', passwordHistory: 'passwordHistory', createdAt: 'creationDate', updatedAt: 'revisionDate',
    });
    if (built.entry) result.rows.push(built.entry);
    result.problems.push(...problems, ...built.problems);
  });
  return result;
}

function toRaw(item: BitwardenItem, folders: ReadonlyMap<string, string>, row: number, problems: ImportProblem[]): RawRow | null {
  const time = (value: string | null | undefined, column: string): number | undefined => {
    if (!value) return undefined;
    const ms = Date.parse(value);
    if (Number.isFinite(ms) && ms >= 0) return ms;
    problems.push({ row, column, problem: 'is not a date and time; the import time was used instead', skipped: false });
    return undefined;
  };
  const folderId = item.folderId ?? item.collectionIds?.[0];
  const createdAt = time(item.creationDate, 'creationDate');
  const updatedAt = time(item.revisionDate, 'revisionDate');
  const common: RawRow = {
    title: item.name ?? '',
    notes: item.notes ?? '',
    favourite: item.favorite ?? false,
    folder: folderId === undefined ? '' : (folders.get(folderId) ?? ''),
    fields: (item.fields ?? []).flatMap((field) => {
      // A linked field only points at the username or password; it holds no value of its own.
      if (field.type === FIELD_LINKED) return [];
      const value = field.value ?? (field.type === FIELD_BOOLEAN ? 'false' : '');
      return [{ name: field.name ?? '', value, hidden: field.type === FIELD_HIDDEN }];
    }),
    ...(createdAt === undefined ? {} : { createdAt }),
    ...(updatedAt === undefined ? {} : { updatedAt }),
  };
  switch (item.type) {
    case 1: {
      const login = item.login ?? {};
      if ((login.fido2Credentials ?? []).length > 0) {
        problems.push({ row, column: 'login.fido2Credentials', problem: 'holds a passkey, which Sealpass cannot store; the rest of the item was imported', skipped: false });
      }
      return {
        ...common,
        type: 'login',
        username: login.username ?? '',
        password: login.password ?? '',
        totp: login.totp ?? '',
        urls: (login.uris ?? []).map((uri) => uri.uri ?? ''),
        passwordHistory: (item.passwordHistory ?? [])
          .map((entry) => ({ password: entry.password, changedAt: Date.parse(entry.lastUsedDate) }))
          .filter((entry) => Number.isFinite(entry.changedAt) && entry.changedAt >= 0)
          .sort((a, b) => b.changedAt - a.changedAt)
          .slice(0, MAX_PASSWORD_HISTORY),
      };
    }
    case 2:
      return { ...common, type: 'note' };
    case 3:
      return { ...common, type: 'note', fields: [...detailsAsFields(item.card), ...(common.fields ?? [])] };
    case 4:
      return { ...common, type: 'note', fields: [...detailsAsFields(item.identity), ...(common.fields ?? [])] };
    case 5:
      return { ...common, type: 'note', fields: [...detailsAsFields(item.sshKey), ...(common.fields ?? [])] };
    default:
      problems.push({ row, column: 'type', problem: 'is an item type Sealpass does not know, so the item was not imported', skipped: true });
      return null;
  }
}

/** The non-empty text details of a card, identity or SSH key, in the order Bitwarden writes them. */
function detailsAsFields(details: Record<string, unknown> | null | undefined): { name: string; value: string; hidden: boolean }[] {
  return Object.entries(details ?? {}).flatMap(([name, value]) =>
    typeof value === 'string' && value !== '' ? [{ name: detailName(name), value, hidden: SECRET_DETAILS.has(name) }] : [],
  );
}

/** "cardholderName" → "Cardholder name". */
function detailName(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
