/**
 * Bitwarden's unencrypted JSON export (Tools → Export vault → .json): `folders` (id, name), and `items`
 * of type 1 login (uris, username, password, totp, fido2Credentials), 2 secure note, 3 card, 4 identity,
 * 5 SSH key, each with notes, custom `fields` (type 0 text, 1 hidden, 2 boolean, 3 linked),
 * `passwordHistory` (lastUsedDate, password), `creationDate` and `revisionDate`. An organization export
 * has `collections` and `collectionIds` instead of folders. Cards, identities and SSH keys, which
 * Sealpass has no type for, become secure notes with their details as custom fields.
 *
 * Read as leniently as Bitwarden's and KeePassXC's own importers read it, since other tools (and
 * Bitwarden's documented sample) write it loosely: any optional value may be `null`, lists may hold `null`
 * entries (dropped), a folder without an id or name places nothing, a field without a type is text, an item
 * without a type is guessed from its details. A login's password dates (its history, else `revisionDate`)
 * tell Health how old its password is.
 */
import { z } from 'zod';
import { buildImportRow, type RawRow } from './build-import-row';
import { customField, type CustomField } from './custom-field';
import { MAX_PASSWORD_HISTORY } from '../../../vault/model/item-limits';
import { ImportFileError, type ImportProblem, type MappedImport } from '../../import-types';

const text = z.string().nullish();
/**
 * A list as Bitwarden writes it, and as other tools writing its format do: absent, `null`, or holding
 * `null` entries (Bitwarden's documented sample has `"collectionIds": [null]`); null entries are dropped.
 */
const listOf = <T extends z.ZodType>(entry: T) => z.array(entry.nullable()).nullish();
/** A folder or collection; one without an id or a name places no item (its items go without a folder). */
const named = listOf(z.object({ id: text, name: text }).loose());

const documentSchema = z.object({ folders: named, collections: named, items: z.array(z.unknown()) }).loose();

const itemSchema = z.object({
  /** Absent in files written by hand or by some tools: guessed from the details present, as KeePassXC does. */
  type: z.number().int().nullish(),
  name: text,
  notes: text,
  favorite: z.boolean().nullish(),
  folderId: text,
  collectionIds: listOf(z.string()),
  /** A field without a type is text, as in Bitwarden's own importer. */
  fields: listOf(z.object({ name: text, value: text, type: z.number().int().nullish() }).loose()),
  login: z.object({
    username: text,
    password: text,
    totp: text,
    uris: listOf(z.object({ uri: text }).loose()),
    fido2Credentials: z.array(z.unknown()).nullish(),
  }).loose().nullish(),
  passwordHistory: listOf(z.object({ lastUsedDate: text, password: text }).loose()),
  creationDate: text,
  revisionDate: text,
  secureNote: z.unknown().optional(),
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
  const folders = new Map([...(document.data.folders ?? []), ...(document.data.collections ?? [])].flatMap((folder) =>
    typeof folder?.id === 'string' && typeof folder.name === 'string' ? [[folder.id, folder.name] as const] : []));
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
      urls: 'login.uris', passwordHistory: 'passwordHistory', createdAt: 'creationDate', updatedAt: 'revisionDate', passwordChangedAt: 'revisionDate',
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
  const folderId = item.folderId ?? item.collectionIds?.find((id) => id !== null) ?? undefined;
  const createdAt = time(item.creationDate, 'creationDate');
  const updatedAt = time(item.revisionDate, 'revisionDate');
  const common: RawRow = {
    title: item.name ?? '',
    notes: item.notes ?? '',
    favourite: item.favorite ?? false,
    folder: folderId === undefined ? '' : (folders.get(folderId) ?? ''),
    fields: (item.fields ?? []).flatMap((field) => {
      // A linked field only points at the username or password; it holds no value of its own.
      if (field === null || field.type === FIELD_LINKED) return [];
      const value = field.value ?? (field.type === FIELD_BOOLEAN ? 'false' : '');
      return [{ name: field.name ?? '', value, hidden: field.type === FIELD_HIDDEN }];
    }),
    ...(createdAt === undefined ? {} : { createdAt }),
    ...(updatedAt === undefined ? {} : { updatedAt }),
  };
  const type = item.type ?? guessType(item);
  // Only a login keeps a password history; another item's old passwords stay with it as hidden fields.
  const oldPasswords = (item.passwordHistory ?? []).flatMap((entry) => (entry?.password ? [customField('Old password', entry.password, true)] : []));
  if (type !== 1 && oldPasswords.length > 0) {
    common.fields = [...(common.fields ?? []), ...oldPasswords];
    problems.push({ row, column: 'passwordHistory', problem: 'belongs to an item that is not a login; its old passwords were kept as hidden custom fields "Old password"', skipped: false });
  }
  switch (type) {
    case 1: {
      const login = item.login ?? {};
      if ((login.fido2Credentials ?? []).some((credential) => credential !== null)) {
        problems.push({ row, column: 'login.fido2Credentials', problem: 'holds a passkey, which Sealpass cannot store; the rest of the item was imported', skipped: false });
      }
      const { history, undated } = readHistory(item.passwordHistory ?? [], row, problems);
      // When the current password was set: when the newest old one stopped being used, else the item's last change.
      const passwordChangedAt = history[0]?.changedAt ?? updatedAt;
      return {
        ...common,
        type: 'login',
        username: login.username ?? '',
        password: login.password ?? '',
        totp: login.totp ?? '',
        urls: (login.uris ?? []).flatMap((uri) => (uri === null ? [] : [uri.uri ?? ''])),
        fields: [...(common.fields ?? []), ...undated],
        passwordHistory: history.slice(0, MAX_PASSWORD_HISTORY),
        ...(passwordChangedAt === undefined ? {} : { passwordChangedAt }),
      };
    }
    case 2:
      return { ...common, type: 'note' };
    case undefined:
      return common;
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

/** An item without a type: what its details say it is; `undefined` (login or note by content) when they say nothing. */
function guessType(item: BitwardenItem): number | undefined {
  if (item.login) return 1;
  if (item.card) return 3;
  if (item.identity) return 4;
  if (item.sshKey) return 5;
  return item.secureNote ? 2 : undefined;
}

/**
 * Old passwords newest first. One without a password is left out, one with an unreadable date is kept as a
 * hidden custom field "Old password" (a made-up date would misplace it in the history); both are reported.
 */
function readHistory(
  entries: readonly ({ lastUsedDate?: string | null | undefined; password?: string | null | undefined } | null)[],
  row: number,
  problems: ImportProblem[],
): { history: { password: string; changedAt: number }[]; undated: CustomField[] } {
  const history: { password: string; changedAt: number }[] = [];
  const undated: CustomField[] = [];
  entries.forEach((entry, index) => {
    const column = `passwordHistory.${index}`;
    if (!entry?.password) {
      problems.push({ row, column, problem: 'holds no password, so this history entry was left out', skipped: false });
      return;
    }
    const changedAt = Date.parse(entry.lastUsedDate ?? '');
    if (Number.isFinite(changedAt) && changedAt >= 0) {
      history.push({ password: entry.password, changedAt });
      return;
    }
    undated.push(customField('Old password', entry.password, true));
    problems.push({ row, column: `${column}.lastUsedDate`, problem: 'is not a date and time; this old password was kept as a hidden custom field "Old password"', skipped: false });
  });
  return { history: history.sort((a, b) => b.changedAt - a.changedAt), undated };
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
