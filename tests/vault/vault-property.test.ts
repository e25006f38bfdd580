/**
 * Model-based property test: random sequences of create (login / note, unicode text), update (including a
 * refused type change), delete and restore are applied to a real vault and to a plain in-memory model; after
 * lock and a real unlock (Argon2id), the list rows and every item equal the model, the manifest agrees with
 * the table (T09) and the audit chain verifies. Seeded, so a failure replays.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { VaultDb } from '../../lib/db/vault-db';
import { VaultError } from '../../lib/vault/model/vault-error';
import { createItem } from '../../lib/vault/items/create-item';
import { createVault } from '../../lib/vault/lifecycle/create-vault';
import { deleteItem, restoreItem } from '../../lib/vault/items/delete-item';
import { getItem } from '../../lib/vault/items/get-item';
import type { ItemContent, ItemSummary } from '../../lib/vault/model/item-schema';
import { readAuditLog } from '../../lib/vault/records/read-audit-log';
import { closeVault, type UnlockedVault } from '../../lib/vault/keys/unlocked-vault';
import { unlockVault } from '../../lib/vault/lifecycle/unlock-vault';
import { MAX_PASSWORD_HISTORY } from '../../lib/vault/model/item-limits';
import { updateItem } from '../../lib/vault/items/update-item';
import { copyVault, newDb, PASSWORD, pasteUnlocked, T0, type VaultCopy } from './fixtures';

const NUM_RUNS = 8;

type LoginFields = {
  type: 'login'; title: string; username: string; password: string; urls: string[]; totp: string; notes: string;
  fields: { name: string; value: string; hidden: boolean }[]; folder: string; tags: string[]; favourite: boolean; match: 'origin' | 'domain';
};
type NoteFields = Omit<LoginFields, 'type' | 'username' | 'password' | 'urls' | 'totp' | 'match'> & { type: 'note' };

// Short strings: the schema limits count UTF-16 code units, and a full-unicode unit can be two of them.
const text = (minLength = 0) => fc.oneof(
  fc.string({ unit: 'binary', minLength, maxLength: 12 }),
  fc.string({ unit: 'grapheme', minLength, maxLength: 6 }),
  fc.constantFrom(...(minLength ? [] : ['']), 'café', 'Zürich 🔑', '密码', 'a\u0000b', '\u202eevil', '"quoted" \\ back'),
);
const common = {
  title: text(1),
  notes: text(),
  fields: fc.array(fc.record({ name: text(), value: text(), hidden: fc.boolean() }), { maxLength: 2 }),
  folder: text(),
  tags: fc.array(text(1), { maxLength: 3 }),
  favourite: fc.boolean(),
};
const loginArb: fc.Arbitrary<LoginFields> = fc.record({
  type: fc.constant('login' as const),
  ...common,
  username: text(),
  // A small pool makes "unchanged password" (no history entry) a common case.
  password: fc.oneof(fc.constantFrom('', 'same-password', 'hunter2'), text()),
  urls: fc.array(fc.oneof(fc.webUrl(), fc.constantFrom('https://accounts.example.co.uk/login', 'localhost:3000', '192.168.1.1'), text()), { maxLength: 3 }),
  totp: text(),
  match: fc.constantFrom('origin' as const, 'domain' as const),
});
const noteArb: fc.Arbitrary<NoteFields> = fc.record({ type: fc.constant('note' as const), ...common });

type Op =
  | { op: 'create'; input: LoginFields | NoteFields }
  | { op: 'update'; target: number; login: LoginFields; note: NoteFields; wrongType: boolean }
  | { op: 'delete'; target: number }
  | { op: 'restore'; target: number };

const target = fc.nat({ max: 1000 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('create' as const), input: fc.oneof(loginArb, noteArb) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('update' as const), target, login: loginArb, note: noteArb, wrongType: fc.nat({ max: 4 }).map((n) => n === 0) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), target }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('restore' as const), target }) },
);

/** The model: what the vault should hold, computed without lib/vault. */
interface ModelEntry {
  rev: number;
  deleted: boolean;
  content: ItemContent;
}

function created(input: LoginFields | NoteFields, now: number): ItemContent {
  return input.type === 'login'
    ? { ...input, createdAt: now, updatedAt: now, passwordHistory: [] }
    : { ...input, createdAt: now, updatedAt: now };
}

function edited(previous: ItemContent, input: LoginFields | NoteFields, now: number): ItemContent {
  if (input.type === 'login' && previous.type === 'login') {
    const changed = previous.password !== '' && previous.password !== input.password;
    const passwordHistory = changed
      ? [{ password: previous.password, changedAt: now }, ...previous.passwordHistory].slice(0, MAX_PASSWORD_HISTORY)
      : previous.passwordHistory;
    // Any new password (also one typed into an empty field) restarts the rotation clock.
    const passwordChangedAt = previous.password !== input.password ? now : previous.passwordChangedAt;
    return { ...input, createdAt: previous.createdAt, updatedAt: now, passwordHistory, ...(passwordChangedAt === undefined ? {} : { passwordChangedAt }) };
  }
  return { ...input, createdAt: previous.createdAt, updatedAt: now } as ItemContent;
}

function summaryOf(id: string, content: ItemContent): ItemSummary {
  return {
    state: 'ok', id, type: content.type, title: content.title,
    username: content.type === 'login' ? content.username : '',
    url: content.type === 'login' ? (content.urls[0] ?? '') : '',
    folder: content.folder, tags: content.tags, favourite: content.favourite, updatedAt: content.updatedAt,
  };
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(() => 'ok', (error: unknown) => (error instanceof VaultError ? error.code : `unexpected: ${String(error)}`));

/** Applies one operation to both; returns whether it was meant to succeed (and so wrote an audit event). */
async function apply(db: VaultDb, vault: UnlockedVault, model: Map<string, ModelEntry>, ids: string[], op: Op, now: number): Promise<boolean> {
  if (op.op === 'create') {
    const id = await createItem(db, vault, op.input, now);
    expect(model.has(id)).toBe(false);
    ids.push(id);
    model.set(id, { rev: 1, deleted: false, content: created(op.input, now) });
    return true;
  }
  if (ids.length === 0) return false;
  const id = ids[op.target % ids.length]!;
  const entry = model.get(id)!;
  if (op.op === 'update') {
    const sameType = entry.content.type === 'login' ? op.login : op.note;
    const otherType = entry.content.type === 'login' ? op.note : op.login;
    const input = op.wrongType ? otherType : sameType;
    const code = await codeOf(updateItem(db, vault, id, input, now));
    if (entry.deleted) return expect(code).toBe('not-found'), false;
    if (op.wrongType) return expect(code).toBe('invalid-request'), false;
    expect(code).toBe('ok');
    model.set(id, { rev: entry.rev + 1, deleted: false, content: edited(entry.content, input, now) });
    return true;
  }
  const deleting = op.op === 'delete';
  const code = await codeOf(deleting ? deleteItem(db, vault, id, now) : restoreItem(db, vault, id, now));
  if (entry.deleted === deleting) return expect(code).toBe('not-found'), false;
  expect(code).toBe('ok');
  model.set(id, { ...entry, rev: entry.rev + 1, deleted: deleting });
  return true;
}

async function expectVaultEqualsModel(db: VaultDb, vault: UnlockedVault, model: Map<string, ModelEntry>): Promise<void> {
  const expectedRows = new Map([...model].filter(([, e]) => !e.deleted).map(([id, e]) => [id, summaryOf(id, e.content)]));
  expect(new Map(vault.summaries)).toEqual(expectedRows);
  for (const [id, entry] of model) {
    if (entry.deleted) expect(await codeOf(getItem(db, vault, id))).toBe('not-found');
    else expect(await getItem(db, vault, id)).toEqual({ id, rev: entry.rev, content: entry.content });
  }
}

let template: VaultCopy;

beforeAll(async () => {
  const db = newDb();
  const vault = await createVault(db, PASSWORD, undefined, T0);
  template = await copyVault(db, vault);
  closeVault(vault);
}, 60_000);

describe('vault against an in-memory model (seeded property)', () => {
  it(`after random create/update/delete/restore, lock and unlock, the list and every item equal the model (${NUM_RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 14 }), async (ops) => {
        const { db, vault } = await pasteUnlocked(template);
        const model = new Map<string, ModelEntry>();
        const ids: string[] = [];
        let now = T0 + 1000;
        let written = 0;
        for (const op of ops) if (await apply(db, vault, model, ids, op, ++now)) written++;
        await expectVaultEqualsModel(db, vault, model);

        closeVault(vault);
        const { vault: reopened, integrity } = await unlockVault(db, PASSWORD, ++now);
        expect(integrity).toEqual({ missing: [], unexpected: [], rolledBack: [], quarantined: [], damagedOverviews: [] });
        expect(new Map(reopened.manifest)).toEqual(new Map([...model].map(([id, e]) => [id, e.rev])));
        await expectVaultEqualsModel(db, reopened, model);

        const { events, chainValid } = await readAuditLog(db, reopened);
        expect(chainValid).toBe(true);
        // vault-created, one per successful operation, vault-unlocked.
        expect(events).toHaveLength(1 + written + 1);
        closeVault(reopened);
        db.close();
      }),
      { numRuns: NUM_RUNS, seed: 0x5ea1, endOnFailure: true },
    );
  }, 120_000);
});
