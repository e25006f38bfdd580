/**
 * A typed fetch client for the relay (protocol v1): one method per route, every request body checked
 * before it is sent, every response checked before it is returned, every failure a RelayError. Calls
 * that act for the identity go in a session: the first one opens it with a call signed by the identity
 * key, later ones carry an HMAC under the session key (the relay verifies no Ed25519 signature for them);
 * a session that ended is opened again once, by itself. Registering and revoking sessions are signed.
 */
import { utf8ToBytes } from '@noble/hashes/utils.js';
import type { z } from 'zod';
import { fromBase64, toBase64 } from '../crypto/base64';
import { generateKeyPair } from '../crypto/hpke/generate-key-pair';
import { wipe } from '../crypto/wipe';
import {
  ackRequestSchema,
  ackResponseSchema,
  mailboxPageSchema,
  postEnvelopesRequestSchema,
  shareIdSchema,
  postEnvelopesResponseSchema,
  type AckResponse,
  type MailboxPage,
  type NewEnvelope,
  type PostEnvelopesResponse,
} from './envelope-schemas';
import { folderMethods, type FolderCall, type FolderClient } from './folder-client';
import { healthResponseSchema, type HealthResponse } from './health-schema';
import { handleSchema, identityBundleSchema, type IdentityBundle } from './identity-bundle';
import { registerResponseSchema, type RegisterResponse } from './identity-schemas';
import { RelayError } from './relay-error';
import { relayErrorBodySchema, type RelayErrorCode } from './relay-error-body';
import { macRequest, type RelaySession } from './mac-request';
import { postIdOf } from './post-id-of';
import { ENVELOPES_PATH, HEALTH_PATH, IDENTITIES_PATH, identityPath, MAILBOX_ACK_PATH, MAILBOX_PATH, REVOKE_PATH, SESSION_REVOKE_PATH, SESSIONS_PATH } from './relay-paths';
import type { RequestSigner } from './request-signer';
import { deriveSessionKey } from './session-key';
import { openSessionRequestSchema, openSessionResponseSchema, revokeSessionsRequestSchema, revokeSessionsResponseSchema } from './session-schemas';
import { revokeRequestSchema, revokeResponseSchema, type RevokeResponse } from './share-schemas';
import { signRequest } from './sign-request';

/** The part of fetch the client uses; the global fetch fits. */
export type RelayFetch = (url: URL, init: RequestInit) => Promise<Response>;

export interface RelayClientOptions {
  /** The relay's origin, e.g. `http://127.0.0.1:8787`; routes are absolute paths under it. */
  baseUrl: string;
  /** Signs every call that acts for a user; health and lookup work without one. */
  signer?: RequestSigner;
  /** The fetch to use; the global one by default. */
  fetch?: RelayFetch;
  /** Local clock, ms since the epoch; Date.now by default. */
  now?: () => number;
  /** Give up on a call after this many ms and report it offline; 15,000 by default. */
  timeoutMs?: number;
}

/** The relay client: the mailbox and identity routes below, and the shared-folder routes (folder-client.ts). */
export interface RelayClient extends FolderClient {
  /** GET /v1/health: the relay is up; `time` is its clock. */
  health(): Promise<HealthResponse>;
  /** POST /v1/identities: publish the signer's own bundle (the signer's handle must be the bundle's). */
  register(bundle: IdentityBundle): Promise<RegisterResponse>;
  /** GET /v1/identities/:handle: the bundle the relay holds for a handle, or null. Untrusted (T01). */
  lookup(handle: string): Promise<IdentityBundle | null>;
  /**
   * POST /v1/envelopes: up to 100 envelopes, stored all together or not at all. Each goes with a post id
   * derived from it (post-id-of.ts), so posting the same envelopes again after a timeout stores them once.
   */
  post(envelopes: NewEnvelope[]): Promise<PostEnvelopesResponse>;
  /** GET /v1/mailbox: one page of the signer's mailbox, oldest first. */
  list(page?: { after?: number; limit?: number }): Promise<MailboxPage>;
  /** POST /v1/mailbox/ack: delete delivered envelopes from the signer's mailbox. */
  ack(ids: number[]): Promise<AckResponse>;
  /** POST /v1/shares/revoke: drop the share's undelivered envelopes (all, or those to `recipients`). */
  revoke(shareId: string, recipients?: string[]): Promise<RevokeResponse>;
  /** Ends the open session, if any: revoked at the relay (signed with the identity key), its key wiped here. */
  endSession(): Promise<void>;
  /** Wipes the session key here without telling the relay (it ends by itself within the hour). */
  close(): void;
}

interface Call<S extends z.ZodType> {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  /** none: public; identity: signed with the identity key; session: in a session (HMAC). */
  auth: 'none' | 'identity' | 'session';
  response: S;
  /** A 404 means "no such thing" (resolves to null) rather than an error. */
  notFoundIsNull?: boolean;
}

const DEFAULT_TIMEOUT_MS = 15_000;
/** A session this close to its end is not used for another call, ms: the call could arrive after it. */
const SESSION_END_MARGIN_MS = 60_000;
/** Retries of one call after an answer the client can mend by itself (its clock, its session). */
const MAX_MENDS = 2;
/** When a 429 carries no usable Retry-After, wait this long (s). */
const DEFAULT_RETRY_AFTER_S = 60;

/**
 * Creates a client for one relay and one identity.
 * @example
 * const relay = createRelayClient({ baseUrl: 'http://127.0.0.1:8787', signer: createEd25519Signer('alice', key) });
 * const { envelopes } = await relay.list();
 */
export function createRelayClient(options: RelayClientOptions): RelayClient {
  const fetchFn: RelayFetch = options.fetch ?? ((url, init) => fetch(url, init));
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // Learnt from an auth-stale answer: relay clock minus ours, so a machine with a wrong clock still works.
  let clockOffset = 0;
  let session: RelaySession | null = null;
  // Calls made while a session opens wait for that one instead of opening their own.
  let opening: Promise<RelaySession> | null = null;

  const relayNow = () => now() + clockOffset;

  function dropSession(): void {
    if (session) wipe(session.key);
    session = null;
  }

  /** The open session, opened now (one call signed with the identity key) when there is none or it is about to end. */
  async function currentSession(): Promise<RelaySession> {
    if (session && session.expiresAt - SESSION_END_MARGIN_MS > relayNow()) return session;
    dropSession();
    opening ??= openSession().finally(() => {
      opening = null;
    });
    return opening;
  }

  async function openSession(): Promise<RelaySession> {
    const signer = options.signer;
    if (!signer) throw new RelayError('refused', 'this relay call needs a signing identity');
    const mine = generateKeyPair();
    try {
      const opened = await sendRequired({
        method: 'POST',
        path: SESSIONS_PATH,
        body: checked(openSessionRequestSchema, { key: toBase64(mine.publicKey) }),
        auth: 'identity',
        response: openSessionResponseSchema,
      });
      const relayKey = fromBase64(opened.key);
      let key: Uint8Array;
      try {
        key = deriveSessionKey(mine.secretKey, relayKey, { session: opened.session, handle: signer.handle, clientKey: mine.publicKey, relayKey, expiresAt: opened.expiresAt });
      } catch {
        throw new RelayError('invalid-response', 'the relay answered with an unusable session key', { status: 201 });
      }
      session = { id: opened.session, key, expiresAt: opened.expiresAt };
      return session;
    } finally {
      wipe(mine.secretKey);
    }
  }

  async function send<S extends z.ZodType>(call: Call<S>, mends = 0): Promise<z.infer<S> | null> {
    const url = new URL(call.path, options.baseUrl);
    const body = call.body === undefined ? new Uint8Array() : utf8ToBytes(JSON.stringify(call.body));
    const headers: Record<string, string> = { accept: 'application/json' };
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    const unsigned = { method: call.method, pathAndQuery: url.pathname + url.search, body };
    const inSession = call.auth === 'session';
    if (call.auth !== 'none') {
      if (!options.signer) throw new RelayError('refused', 'this relay call needs a signing identity');
      Object.assign(headers, inSession ? macRequest(unsigned, await currentSession(), relayNow()) : signRequest(unsigned, options.signer, relayNow()));
    }
    let response: Response;
    try {
      response = await fetchFn(url, {
        method: call.method,
        headers,
        body: call.method === 'GET' ? undefined : body,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch {
      throw new RelayError('offline', 'the relay could not be reached');
    }
    const json = await readJson(response);
    if (response.ok) {
      const parsed = call.response.safeParse(json);
      if (!parsed.success) throw new RelayError('invalid-response', 'the relay answered with something unexpected', { status: response.status });
      return parsed.data;
    }
    if (response.status === 404 && call.notFoundIsNull) return null;
    const error = toRelayError(response, json, now());
    const serverTime = relayErrorBodySchema.safeParse(json).data?.serverTime;
    if (mends < MAX_MENDS && error.details.code === 'auth-stale' && serverTime !== undefined) {
      clockOffset = serverTime - now();
      return send(call, mends + 1);
    }
    // The session ended (revoked, expired, or the relay lost it): nothing was done; open another and try again.
    if (mends < MAX_MENDS && inSession && error.details.code === 'auth-session-expired') {
      dropSession();
      return send(call, mends + 1);
    }
    throw error;
  }

  /** A call whose 2xx body is required. */
  async function sendRequired<S extends z.ZodType>(call: Call<S>): Promise<z.infer<S>> {
    const result = await send(call);
    if (result === null) throw new RelayError('invalid-response', 'the relay answered with nothing', { status: null });
    return result;
  }

  /** Folder calls go in the session, like the mailbox's. */
  function sendInSession<S extends z.ZodType>(call: FolderCall<S>): Promise<z.infer<S>> {
    return sendRequired({ ...call, auth: 'session' });
  }

  return {
    ...folderMethods(sendInSession),

    health: async () => sendRequired({ method: 'GET', path: HEALTH_PATH, auth: 'none', response: healthResponseSchema }),

    register: async (bundle) =>
      sendRequired({ method: 'POST', path: IDENTITIES_PATH, body: checked(identityBundleSchema, bundle), auth: 'identity', response: registerResponseSchema }),

    lookup: async (handle) =>
      send({ method: 'GET', path: identityPath(checked(handleSchema, handle)), auth: 'none', response: identityBundleSchema, notFoundIsNull: true }),

    post: async (envelopes) =>
      sendRequired({
        method: 'POST',
        path: ENVELOPES_PATH,
        body: checked(postEnvelopesRequestSchema, { envelopes: envelopes.map((envelope) => ({ ...envelope, id: postIdOf(envelope) })) }),
        auth: 'session',
        response: postEnvelopesResponseSchema,
      }),

    list: async (page = {}) => {
      const query = new URLSearchParams();
      if (page.after !== undefined) query.set('after', String(page.after));
      if (page.limit !== undefined) query.set('limit', String(page.limit));
      const search = query.toString() === '' ? '' : `?${query.toString()}`;
      return sendRequired({ method: 'GET', path: `${MAILBOX_PATH}${search}`, auth: 'session', response: mailboxPageSchema });
    },

    ack: async (ids) => sendRequired({ method: 'POST', path: MAILBOX_ACK_PATH, body: checked(ackRequestSchema, { ids }), auth: 'session', response: ackResponseSchema }),

    revoke: async (shareId, recipients) =>
      sendRequired({
        method: 'POST',
        path: REVOKE_PATH,
        body: checked(revokeRequestSchema, recipients === undefined ? { shareId } : { shareId, recipients }),
        auth: 'session',
        response: revokeResponseSchema,
      }),

    endSession: async () => {
      const ending = session;
      if (!ending) return;
      try {
        await sendRequired({ method: 'POST', path: SESSION_REVOKE_PATH, body: checked(revokeSessionsRequestSchema, { session: ending.id }), auth: 'identity', response: revokeSessionsResponseSchema });
      } finally {
        if (session === ending) dropSession();
      }
    },

    close: dropSession,
  };
}

/** Validates what the caller asked to send; a request the relay would refuse is refused here, unsent. */
function checked<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const tooLarge = parsed.error.issues.some((issue) => issue.code === 'custom' && issue.params?.code === 'envelope-too-large');
    throw new RelayError('refused', tooLarge ? 'an envelope is too large for the relay' : 'the request is not valid for the relay', {
      status: null,
      code: tooLarge ? 'envelope-too-large' : 'invalid-request',
    });
  }
  return parsed.data;
}

/** The body as JSON, or undefined when it is empty or not JSON (a proxy's HTML error page, say). */
async function readJson(response: Response): Promise<unknown> {
  try {
    const text = await response.text();
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

function toRelayError(response: Response, json: unknown, nowMs: number): RelayError {
  const body = relayErrorBodySchema.safeParse(json).data;
  const details = { status: response.status, code: body?.error, recipients: body?.recipients, ...(body?.head === undefined ? {} : { head: body.head }) };
  if (response.status >= 500) return new RelayError('unavailable', `the relay is unavailable (HTTP ${response.status})`, details);
  if (response.status === 429) {
    const message = (body?.error && FULL_MESSAGES[body.error]) ?? 'too many requests to the relay';
    return new RelayError('rate-limited', message, { ...details, retryAfterSeconds: retryAfterSeconds(response.headers.get('retry-after'), nowMs) });
  }
  if (response.status >= 400) return new RelayError('refused', body?.message ?? `the relay refused the request (HTTP ${response.status})`, details);
  return new RelayError('invalid-response', `the relay answered with HTTP ${response.status}`, details);
}

/** What a 429 other than a plain rate limit tells the user. */
const FULL_MESSAGES: Partial<Record<RelayErrorCode, string>> = {
  'mailbox-full': 'a recipient’s mailbox is full',
  'relay-full': 'the relay is out of space',
  'too-many-folders': 'you have created as many shared folders as the relay allows',
  'folder-full': 'the shared folder is full at the relay',
};

/** Retry-After as delta-seconds or an HTTP date (RFC 9110 §10.2.3), as whole seconds from now. */
function retryAfterSeconds(header: string | null, nowMs: number): number {
  if (header === null) return DEFAULT_RETRY_AFTER_S;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const date = Date.parse(header);
  return Number.isNaN(date) ? DEFAULT_RETRY_AFTER_S : Math.max(0, Math.ceil((date - nowMs) / 1000));
}
