/**
 * People for the sharing-service tests: each has a vault (no Argon2id: tests/vault/fixtures'
 * syntheticVault), a background service with the real handlers, and the relay shim as their network,
 * all on one clock the test moves by hand.
 */
import type { VaultDb } from '../../../lib/db/vault-db';
import type { MessageType, RequestOf, ResponseOf } from '../../../lib/protocol/protocol';
import { closeVault } from '../../../lib/vault/keys/unlocked-vault';
import { loginInput, newDb, PASSWORD, syntheticVault, T0 } from '../../vault/fixtures';
import { MemoryKeyStore, ok, startService, type Service } from '../../vault-service/fakes';
import { encodeContactCode } from '../../../lib/sharing/contacts/encode-contact-code';
import { readIdentity } from '../../../lib/sharing/store/read-identity';
import { RecordingExpiryAlarm, RELAY_URL, startTestRelay, type TestRelay } from './relay-harness';

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

export interface Person {
  handle: string;
  db: VaultDb;
  service: Service;
  alarm: RecordingExpiryAlarm;
  /** Sends a message and unwraps the ok result (fails the test otherwise). */
  call<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>>;
  /** Sends a message and returns the error code, or 'ok'. */
  code<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<string>;
}

/** A shared world: one clock, one relay. */
export interface World {
  clock: { now: number };
  relay: TestRelay;
}

/** @param relayFile - a SQLite file for the relay (to dump it afterwards); in memory by default */
export async function world(relayFile?: string): Promise<World> {
  const clock = { now: T0 };
  return { clock, relay: await startTestRelay(clock, relayFile) };
}

/**
 * A person with an unlocked vault; with `setUp`, also a sharing identity registered on the relay. With
 * `realVault`, the vault is created through vaultCreate under PASSWORD (one Argon2id derivation), so the
 * test can lock it and unlock it with the password; otherwise it is synthetic and starts unlocked.
 */
export async function person(w: Pick<World, 'clock'> & { relay: Pick<TestRelay, 'fetch'> }, handle: string, setUp = true, realVault = false): Promise<Person> {
  const alarm = new RecordingExpiryAlarm();
  const sharing = { fetch: (input: RequestInfo | URL, init?: RequestInit) => w.relay.fetch(input, init), scheduleExpiry: (at: number | null) => alarm.scheduleExpiry(at) };
  let db: VaultDb;
  let service: Service;
  if (realVault) {
    db = newDb();
    service = startService(db, { clock: w.clock, sharing });
    ok(await service.send('vaultCreate', { password: PASSWORD }));
  } else {
    const made = await syntheticVault();
    db = made.db;
    const keyStore = MemoryKeyStore.holding(made.vault);
    closeVault(made.vault);
    service = startService(db, { keyStore, clock: w.clock, sharing });
  }
  const p: Person = {
    handle,
    db,
    service,
    alarm,
    call: async (type, payload) => ok(await service.send(type, payload)),
    code: async (type, payload) => {
      const result = await service.send(type, payload);
      return result.ok ? 'ok' : result.error.code;
    },
  };
  if (setUp) await p.call('sharingSetup', { handle, relayUrl: RELAY_URL });
  return p;
}

/**
 * `a` pins `b` from a v1 contact code of b's X25519 and Ed25519 keys (as an older version showed it):
 * no relay lookup, and no X-Wing key pinned. @returns the contact id
 */
export async function addByClassicCode(a: Person, b: Person): Promise<string> {
  const opened = await readIdentity(b.db, await b.service.session.require());
  if (!opened) throw new Error(`${b.handle} has no identity`);
  const { handle, encryptionKey, signingKey } = opened.identity;
  return (await a.call('contactAddCode', { code: encodeContactCode({ handle, encryptionKey, signingKey }) })).id;
}

/** `a` pins `b` from b's contact code (verified), as after scanning it in person. @returns the contact id */
export async function addByCode(a: Person, b: Person): Promise<string> {
  const { identity } = await b.call('sharingStatus', {});
  if (!identity) throw new Error(`${b.handle} has no identity`);
  return (await a.call('contactAddCode', { code: identity.contactCode })).id;
}

/** Creates a login in `p`'s vault. @returns its id */
export async function addLogin(p: Person, overrides: Parameters<typeof loginInput>[0] = {}): Promise<string> {
  return (await p.call('itemCreate', { item: loginInput(overrides) })).id;
}

/** The accepted received items `p` lists. */
export async function receivedRows(p: Person) {
  return (await p.call('receivedList', {})).items;
}
