/**
 * The SQLite group commit: the writes of one event-loop turn in one transaction, each answered only once
 * committed; one that fails rolls back alone; a write lock held by another process is waited for without
 * blocking the event loop, and past the busy timeout the group fails and stores nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sqliteGroupCommit } from '../../relay/store/sqlite-group-commit';
import { openSqliteStore } from '../../relay/store/sqlite-store';
import { ClaimRefused, type RequestClaim } from '../../relay/store/relay-store';
import { makeUser, shareId, T0 } from './fixtures';

let dir: string;
let file: string;
let db: Database.Database;
/** A second connection to the same file, as another relay process. */
let other: Database.Database;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sealpass-group-'));
  file = join(dir, 'relay.sqlite');
  db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE rows (value TEXT NOT NULL UNIQUE)');
  other = new Database(file);
});

afterEach(() => {
  db.close();
  other.close();
  rmSync(dir, { recursive: true, force: true });
});

const stored = () => other.prepare<[], { value: string }>('SELECT value FROM rows ORDER BY value').all().map((row) => row.value);
/** A write as the store queues it: a transaction function, a savepoint inside the group. */
const insert = (value: string, failAfter = false) =>
  db.transaction(() => {
    db.prepare('INSERT INTO rows (value) VALUES (?)').run(value);
    if (failAfter) throw new Error('refused after writing');
    return value;
  });
/** Lets the event loop run a few turns, timers included. */
const turns = async (count: number) => {
  for (let i = 0; i < count; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};
const settled = <T>(promise: Promise<T>) => {
  const state = { done: false };
  promise.then(
    () => (state.done = true),
    () => (state.done = true),
  );
  return state;
};

describe('sqliteGroupCommit', () => {
  it('commits the writes of one turn together; one that fails is rolled back alone and the others are answered', async () => {
    const grouped = sqliteGroupCommit(db, 5000);
    const results = await Promise.allSettled([grouped(insert('a')), grouped(insert('b', true)), grouped(insert('a')), grouped(insert('c'))]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(stored()).toEqual(['a', 'c']);
  });

  it('answers a write only once another connection can read it', async () => {
    const grouped = sqliteGroupCommit(db, 5000);
    await grouped(insert('a'));
    expect(stored()).toEqual(['a']);
  });

  it('waits for a write lock another process holds without blocking the event loop, then commits', async () => {
    const grouped = sqliteGroupCommit(db, 60_000);
    other.exec('BEGIN IMMEDIATE');
    const first = grouped(insert('a'));
    const state = settled(first);
    await turns(5);
    // Timers ran (the loop is free) and the write waits; a write queued meanwhile joins its group.
    expect(state.done).toBe(false);
    const second = grouped(insert('b'));
    other.exec('COMMIT');
    await expect(Promise.all([first, second])).resolves.toEqual(['a', 'b']);
    expect(stored()).toEqual(['a', 'b']);
  });

  it('fails the group with SQLITE_BUSY once the lock is held past the busy timeout, storing nothing; the next group commits', async () => {
    const grouped = sqliteGroupCommit(db, 20);
    other.exec('BEGIN IMMEDIATE');
    await expect(grouped(insert('a'))).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    other.exec('COMMIT');
    expect(stored()).toEqual([]);
    await expect(grouped(insert('b'))).resolves.toBe('b');
    expect(stored()).toEqual(['b']);
  });
});

describe('the SQLite store in one group', () => {
  it('refuses a replay queued in the same turn as its first use, storing the first post only', async () => {
    const store = openSqliteStore(join(dir, 'store.sqlite'));
    await store.migrate();
    const [alice, bob] = [makeUser('alice'), makeUser('bob')];
    for (const user of [alice, bob]) await store.registerIdentity(user.bundle, T0);
    const claim: RequestClaim = { handle: 'alice', nonce: 'ab'.repeat(16), nonceExpiresAt: T0 + 60_000, session: null, counts: [], now: T0 };
    const limits = { mailbox: { maxEnvelopes: 10, maxBytes: 1 << 20 }, storageMaxBytes: 1 << 20 };
    const post = (postId: string) =>
      store.postEnvelopes('alice', [{ recipient: 'bob', shareId: shareId(), postId, expiresAt: T0 + 60_000, envelope: 'x', size: 1 }], T0, limits, claim);
    const [first, replay] = await Promise.allSettled([post('post-id-first-000'), post('post-id-second-00')]);
    expect(first).toMatchObject({ status: 'fulfilled', value: { ok: true } });
    expect(replay).toMatchObject({ status: 'rejected', reason: expect.any(ClaimRefused) });
    expect((await store.listMailbox('bob', 0, 10, T0)).map((row) => row.postId)).toEqual(['post-id-first-000']);
    await store.close();
  });
});
