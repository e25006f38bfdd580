/**
 * openOverviewBucket: a bucket of list rows opens only when every column is well formed (S8: a damaged
 * bucket is reported and its rows read from the items). The columns are checked with plain predicates per
 * cell (column-schema.ts); each case here is authentic (sealed under the vault key) but malformed.
 */
import { describe, expect, it } from 'vitest';
import { generateKey } from '../../../lib/crypto/generate-key';
import type { VaultKey } from '../../../lib/crypto/keys';
import { openOverviewBucket, overviewBucketOf, sealOverviewBucket } from '../../../lib/vault/records/overview-bucket';
import { sealJson } from '../../../lib/vault/records/sealed-json';
import type { OverviewRow } from '../../../lib/vault/model/overview-row';

const vaultId = 'aa'.repeat(16);
const key = generateKey<VaultKey>();
const id = '01'.repeat(16);
const bucket = overviewBucketOf(id);
const rev = 3;
const context = { purpose: 'overview', recordId: `${vaultId}/${bucket}#${rev}`, fields: 'rows+health' } as const;
const SHA1 = 'AB'.repeat(20);

const row: OverviewRow = {
  rev: 2,
  deleted: false,
  summary: { state: 'ok', id, type: 'login', title: 'Mail', username: 'me@example.org', url: 'https://mail.example', folder: 'Work', tags: ['a'], favourite: true, updatedAt: 1_700_000_000_000 },
  health: { score: 3, sha1: SHA1, passwordSetAt: 1_700_000_000_000, rotationDays: 90, snoozedUntil: 0 },
};

/** The columns of one good row, as sealOverviewBucket writes them. */
const good = () => ({
  ids: [id], revs: [2], deleted: [false], types: ['login'], titles: ['Mail'], usernames: ['me@example.org'], urls: ['https://mail.example'],
  folders: ['Work'], tags: [['a']], favourites: [true], updatedAts: [1_700_000_000_000], healths: [[3, SHA1, 1_700_000_000_000, 90, 0]] as unknown[],
});

describe('openOverviewBucket', () => {
  it('opens what sealOverviewBucket sealed, row for row', () => {
    const sealed = sealOverviewBucket(key, vaultId, bucket, rev, new Map([[id, row]]));
    expect(openOverviewBucket(key, vaultId, bucket, rev, sealed).get(id)).toEqual(row);
  });

  it('opens the two other health cells: null (nothing to check) and "?" (not scored yet)', () => {
    for (const [cell, health] of [[null, null], ['?', undefined]] as const) {
      const columns = { ...good(), healths: [cell] };
      expect(openOverviewBucket(key, vaultId, bucket, rev, sealJson(key, columns, context)).get(id)?.health).toBe(health);
    }
  });

  it.each([
    ['an id that is not a string', { ids: [7] }],
    ['a revision of 0', { revs: [0] }],
    ['a fractional revision', { revs: [1.5] }],
    ['deleted as a string', { deleted: ['false'] }],
    ['an unknown type', { types: ['card'] }],
    ['a title that is a number', { titles: [1] }],
    ['tags not a list of strings', { tags: [['a', 2]] }],
    ['a column that is not a list', { urls: 'https://mail.example' }],
    ['an updatedAt in quotes', { updatedAts: ['1700000000000'] }],
    ['a score of 5', { healths: [[5, SHA1, 1, 90, 0]] }],
    ['a SHA-1 in lower case', { healths: [[3, SHA1.toLowerCase(), 1, 90, 0]] }],
    ['a short health tuple', { healths: [[3, SHA1, 1, 90]] }],
    ['a negative password date', { healths: [[3, SHA1, -1, 90, 0]] }],
    ['columns of different lengths', { titles: ['Mail', 'Bank'] }],
    ['an extra column', { notes: ['secret'] }],
  ])('refuses an authentic bucket with %s', (_name, change) => {
    const sealed = sealJson(key, { ...good(), ...change }, context);
    expect(() => openOverviewBucket(key, vaultId, bucket, rev, sealed)).toThrow();
  });
});
