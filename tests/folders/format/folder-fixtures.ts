/**
 * Shared fixtures for the folder format tests: people with X-Wing (v2) identities, a folder built entry by
 * entry with its log and keys, and a sample login.
 */
import { toBase64 } from '../../../lib/crypto/base64';
import type { FolderKey } from '../../../lib/crypto/keys';
import { addMemberEntry } from '../../../lib/folders/format/log/add-member-entry';
import type { BuiltEntry, RotatedEntry } from '../../../lib/folders/format/log/build-entry';
import { createFolderEntry } from '../../../lib/folders/format/log/create-folder-entry';
import type { FolderState } from '../../../lib/folders/format/log/folder-state';
import type { LogEntry } from '../../../lib/folders/format/log/log-entry';
import type { FolderRole } from '../../../lib/folders/format/folder-role';
import { generateIdentity } from '../../../lib/sharing/identity/generate-identity';
import type { Identity } from '../../../lib/sharing/identity/identity';
import { keyFingerprint } from '../../../lib/sharing/identity/key-fingerprint';
import { itemContentSchema, type ItemContent } from '../../../lib/vault/model/item-schema';

/** 2025-01-01T00:00:00Z. */
export const NOW = Date.UTC(2025, 0, 1);
export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

const people = new Map<string, Identity>();

/** A person with X25519, X-Wing and Ed25519 keys (identity bundle v2); the same object for the same handle. */
export function person(handle: string): Identity {
  let identity = people.get(handle);
  if (!identity) {
    identity = generateIdentity(handle, NOW);
    people.set(handle, identity);
  }
  return identity;
}

/** A person's key fingerprint, base64, as the log names them. */
export function fp(identity: Identity): string {
  return toBase64(keyFingerprint(identity));
}

/** A folder as a test grows it: the log, the state after it, and every epoch key so far. */
export class TestFolder {
  entries: LogEntry[];
  state: FolderState;
  keys = new Map<number, FolderKey>();

  constructor(
    readonly creator: Identity,
    at = NOW,
  ) {
    const created = createFolderEntry(creator, at);
    this.entries = [created.entry];
    this.state = created.state;
    this.keys.set(1, created.key);
  }

  get folderId(): string {
    return this.state.folderId;
  }

  /** The current epoch's key. */
  get key(): FolderKey {
    return this.keys.get(this.state.epoch)!;
  }

  /** Appends what a builder made; a rotated entry's key joins the chain. */
  push(built: BuiltEntry | RotatedEntry): LogEntry {
    this.entries.push(built.entry);
    this.state = built.state;
    if ('key' in built) this.keys.set(built.state.epoch, built.key);
    return built.entry;
  }

  add(by: Identity, who: Identity, role: FolderRole, at = NOW + this.entries.length, extra: { autofillOnly?: boolean; accessEndsAt?: number | null } = {}): LogEntry {
    return this.push(addMemberEntry(by, this.state, { identity: who, role, ...extra }, at));
  }
}

/** A login as it sits in a folder. */
export function sampleLogin(password = 'correct horse battery staple', title = 'Staging database'): ItemContent {
  return itemContentSchema.parse({
    type: 'login',
    title,
    username: 'deploy@example.org',
    password,
    urls: ['https://db.example.org/login'],
    createdAt: NOW - DAY,
    updatedAt: NOW - DAY,
  });
}
