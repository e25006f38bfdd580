import { describe, expect, it } from 'vitest';
import { logEntryHash, logEntrySigningBytes } from '../../../../lib/folders/format/log/log-entry-bytes';
import { logEntrySchema, type LogEntry } from '../../../../lib/folders/format/log/log-entry';
import { person, TestFolder } from '../folder-fixtures';

const alice = person('alice');
const bob = person('bob');

describe('log entry canonical bytes', () => {
  const folder = new TestFolder(alice);
  folder.add(alice, bob, 'viewer');
  const entry = folder.entries[1]!;

  it('differ for every changed field, and for an absent field against a present one', () => {
    const base = logEntrySigningBytes(entry);
    const variants: LogEntry[] = [
      { ...entry, seq: 3 },
      { ...entry, role: 'editor' },
      { ...entry, autofillOnly: true },
      { ...entry, accessEndsAt: 5 },
      { ...entry, at: entry.at + 1 },
      { ...entry, cursor: 0 },
      { ...entry, subject: { ...entry.subject!, handle: 'bobby' } },
    ];
    const { accessEndsAt: _absent, ...withoutEnd } = entry;
    variants.push(withoutEnd as LogEntry);
    for (const variant of variants) expect(logEntrySigningBytes(variant)).not.toEqual(base);
  });

  it('ignore the signature, which the hash covers', () => {
    const other = { ...entry, sig: folder.entries[0]!.sig };
    expect(logEntrySigningBytes(other)).toEqual(logEntrySigningBytes(entry));
    expect(logEntryHash(other)).not.toEqual(logEntryHash(entry));
    expect(logEntryHash(entry)).toHaveLength(32);
  });

  it('the schema refuses a non-canonical base64 spelling of the same bytes', () => {
    // 64 bytes end in one byte: two characters and '=='; the second character's low 4 bits are padding, which a
    // lax decoder drops. Setting one gives another spelling of the same 64 bytes.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const last = alphabet.indexOf(entry.sig.at(-3)!);
    const sig = entry.sig.slice(0, -3) + alphabet[last | 1] + '==';
    expect(sig).not.toBe(entry.sig);
    const lax = logEntrySchema.safeParse({ ...entry, sig });
    expect(lax.success).toBe(false);
  });
});
