/**
 * Shared pieces of the relay tests: a fake clock, users with real identities (lib/sharing), signed
 * requests, and an app over a store with that clock.
 */
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { fromBase64, toBase64 } from '../../lib/crypto/base64';
import { generateKeyPair } from '../../lib/crypto/hpke/generate-key-pair';
import { macRequest, type RelaySession } from '../../lib/relay-protocol/mac-request';
import { deriveSessionKey } from '../../lib/relay-protocol/session-key';
import { openSessionResponseSchema } from '../../lib/relay-protocol/session-schemas';
import { createEd25519Signer } from '../../lib/relay-protocol/create-ed25519-signer';
import type { IdentityBundle } from '../../lib/relay-protocol/identity-bundle';
import { postIdOf } from '../../lib/relay-protocol/post-id-of';
import { IDENTITIES_PATH, SESSIONS_PATH } from '../../lib/relay-protocol/relay-paths';
import type { RequestSigner } from '../../lib/relay-protocol/request-signer';
import { signRequest } from '../../lib/relay-protocol/sign-request';
import { signIdentityBundle } from '../../lib/relay-protocol/sign-identity-bundle';
import { generateIdentity } from '../../lib/sharing/identity/generate-identity';
import type { Identity } from '../../lib/sharing/identity/identity';
import { createApp } from '../../relay/create-app';
import { createNodeEd25519Verifier } from '../../relay/node-ed25519-verifier';
import { DEFAULT_LIMITS, type RelayLimits } from '../../relay/relay-deps';
import type { RelayStore } from '../../relay/store/relay-store';
import type { RelayPages } from '../../relay/pages/relay-pages';

/** 2026-11-01T00:00:00Z, a fixed start so expiry and window arithmetic is the same on every run. */
export const T0 = Date.UTC(2026, 10, 1);

/** A clock the test moves by hand. */
export interface FakeClock {
  now: () => number;
  advance(ms: number): void;
}

export function fakeClock(start = T0): FakeClock {
  let time = start;
  return { now: () => time, advance: (ms) => void (time += ms) };
}

/** A person with a sharing identity, its self-signed bundle and a request signer. */
export interface TestUser {
  handle: string;
  identity: Identity;
  bundle: IdentityBundle;
  signer: RequestSigner;
}

export function makeUser(handle: string, created = T0): TestUser {
  const identity = generateIdentity(handle, created);
  return { handle, identity, bundle: signIdentityBundle(identity), signer: createEd25519Signer(handle, identity.signingSecretKey) };
}

/** Options for one signed request; the overrides build the bad requests the auth tests need. */
export interface SignedRequestOptions {
  body?: unknown;
  /** Sign these bytes but send `body` (or the other way round): a tampered request. */
  signedBody?: Uint8Array;
  /** Sign this path but send the real one. */
  signedPath?: string;
  nonce?: string;
  /** Signing time; the clock's by default. */
  time?: number;
  headers?: Record<string, string>;
}

/** A RequestInit for `app.request(path, init)` signed by `signer` at `time`. */
export function signedInit(signer: RequestSigner, method: string, path: string, time: number, options: SignedRequestOptions = {}): RequestInit {
  const body = options.body === undefined ? new Uint8Array() : utf8ToBytes(JSON.stringify(options.body));
  const auth = signRequest(
    { method, pathAndQuery: options.signedPath ?? path, body: options.signedBody ?? body },
    signer,
    options.time ?? time,
    options.nonce,
  );
  return {
    method,
    headers: { 'content-type': 'application/json', ...auth, ...options.headers },
    ...(method === 'GET' ? {} : { body }),
  };
}

/** Options for one request in a session; the overrides build the bad requests the session tests need. */
export interface MacRequestOptions {
  body?: unknown;
  /** MAC these bytes but send `body`: a tampered request. */
  macBody?: Uint8Array;
  nonce?: string;
  /** MAC time; the clock's by default. */
  time?: number;
  /** MAC with this key instead of the session's (another identity's session key, say). */
  key?: Uint8Array;
}

/** A RequestInit for `app.request(path, init)` authenticated in `session` at `time` (mac-request.ts). */
export function macInit(session: RelaySession, method: string, path: string, time: number, options: MacRequestOptions = {}): RequestInit {
  const body = options.body === undefined ? new Uint8Array() : utf8ToBytes(JSON.stringify(options.body));
  const auth = macRequest({ method, pathAndQuery: path, body: options.macBody ?? body }, options.key ? { ...session, key: options.key } : session, options.time ?? time, options.nonce);
  return { method, headers: { 'content-type': 'application/json', ...auth }, ...(method === 'GET' ? {} : { body }) };
}

/**
 * An app over `store` with a fake clock and, as on the server, OpenSSL's Ed25519 (the default
 * verifier is covered by the lib/relay-protocol tests); `address` is what the per-address limit sees.
 */
export function testApp(store: RelayStore, options: { limits?: Partial<RelayLimits>; clock?: FakeClock; pages?: RelayPages } = {}) {
  const clock = options.clock ?? fakeClock();
  let address = '192.0.2.1';
  const app = createApp({
    store,
    now: clock.now,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    clientAddress: () => address,
    verify: createNodeEd25519Verifier(),
    ...(options.pages ? { pages: options.pages } : {}),
  });
  return {
    app,
    clock,
    /** Later requests come from this address. */
    fromAddress(next: string) {
      address = next;
    },
    /** Sends a signed request and returns the response. */
    signed(user: TestUser, method: string, path: string, requestOptions: SignedRequestOptions = {}) {
      return app.request(path, signedInit(user.signer, method, path, clock.now(), requestOptions));
    },
    /** Opens a session for `user` (POST /v1/sessions signed with the identity key) as relay-client does. */
    async openSession(user: TestUser): Promise<RelaySession> {
      const mine = generateKeyPair();
      const response = await app.request(SESSIONS_PATH, signedInit(user.signer, 'POST', SESSIONS_PATH, clock.now(), { body: { key: toBase64(mine.publicKey) } }));
      if (response.status !== 201) throw new Error(`open session ${user.handle}: HTTP ${response.status} ${await response.text()}`);
      const opened = openSessionResponseSchema.parse(await response.json());
      const relayKey = fromBase64(opened.key);
      const key = deriveSessionKey(mine.secretKey, relayKey, { session: opened.session, handle: user.handle, clientKey: mine.publicKey, relayKey, expiresAt: opened.expiresAt });
      return { id: opened.session, key, expiresAt: opened.expiresAt };
    },
    /** Sends a request in `session` and returns the response. */
    inSession(session: RelaySession, method: string, path: string, requestOptions: MacRequestOptions = {}) {
      return app.request(path, macInit(session, method, path, clock.now(), requestOptions));
    },
    /** Registers users (each signs its own bundle's registration). */
    async register(...users: TestUser[]) {
      for (const user of users) {
        const response = await app.request(IDENTITIES_PATH, signedInit(user.signer, 'POST', IDENTITIES_PATH, clock.now(), { body: user.bundle }));
        if (response.status !== 201) throw new Error(`register ${user.handle}: HTTP ${response.status} ${await response.text()}`);
      }
    },
  };
}

/**
 * A post body whose well-formed envelopes carry the post id relay-client would give them (post-id-of.ts);
 * anything else is left as it is, for the tests of malformed input.
 */
export function postBody(envelopes: unknown[]): { envelopes: unknown[] } {
  return {
    envelopes: envelopes.map((item) => {
      if (typeof item !== 'object' || item === null || 'id' in item) return item;
      const { to, shareId, envelope } = item as Record<string, unknown>;
      return typeof to === 'string' && typeof shareId === 'string' && typeof envelope === 'string' ? { ...item, id: postIdOf({ to, shareId, envelope }) } : item;
    }),
  };
}

/** A share id in lib/sharing's format (base64 of 16 bytes), unique per call. */
export function shareId(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}
