/**
 * A typed fetch client for the relay (protocol v1): one method per route, every request body checked
 * before it is sent, every response checked before it is returned, every failure a RelayError.
 */
import { utf8ToBytes } from '@noble/hashes/utils.js';
import type { z } from 'zod';
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
import { healthResponseSchema, type HealthResponse } from './health-schema';
import { handleSchema, identityBundleSchema, type IdentityBundle } from './identity-bundle';
import { registerResponseSchema, type RegisterResponse } from './identity-schemas';
import { RelayError } from './relay-error';
import { relayErrorBodySchema } from './relay-error-body';
import { ENVELOPES_PATH, HEALTH_PATH, IDENTITIES_PATH, identityPath, MAILBOX_ACK_PATH, MAILBOX_PATH, REVOKE_PATH } from './relay-paths';
import type { RequestSigner } from './request-signer';
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

export interface RelayClient {
  /** GET /v1/health: the relay is up; `time` is its clock. */
  health(): Promise<HealthResponse>;
  /** POST /v1/identities: publish the signer's own bundle (the signer's handle must be the bundle's). */
  register(bundle: IdentityBundle): Promise<RegisterResponse>;
  /** GET /v1/identities/:handle: the bundle the relay holds for a handle, or null. Untrusted (T01). */
  lookup(handle: string): Promise<IdentityBundle | null>;
  /** POST /v1/envelopes: up to 100 envelopes, stored all together or not at all. */
  post(envelopes: NewEnvelope[]): Promise<PostEnvelopesResponse>;
  /** GET /v1/mailbox: one page of the signer's mailbox, oldest first. */
  list(page?: { after?: number; limit?: number }): Promise<MailboxPage>;
  /** POST /v1/mailbox/ack: delete delivered envelopes from the signer's mailbox. */
  ack(ids: number[]): Promise<AckResponse>;
  /** POST /v1/shares/revoke: drop the share's undelivered envelopes (all, or those to `recipients`). */
  revoke(shareId: string, recipients?: string[]): Promise<RevokeResponse>;
}

interface Call<S extends z.ZodType> {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  signed: boolean;
  response: S;
  /** A 404 means "no such thing" (resolves to null) rather than an error. */
  notFoundIsNull?: boolean;
}

const DEFAULT_TIMEOUT_MS = 15_000;
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

  async function send<S extends z.ZodType>(call: Call<S>, retryStale = true): Promise<z.infer<S> | null> {
    const url = new URL(call.path, options.baseUrl);
    const body = call.body === undefined ? new Uint8Array() : utf8ToBytes(JSON.stringify(call.body));
    const headers: Record<string, string> = { accept: 'application/json' };
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    if (call.signed) {
      if (!options.signer) throw new RelayError('refused', 'this relay call needs a signing identity');
      const unsigned = { method: call.method, pathAndQuery: url.pathname + url.search, body };
      Object.assign(headers, signRequest(unsigned, options.signer, now() + clockOffset));
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
    if (retryStale && error.details.code === 'auth-stale' && serverTime !== undefined) {
      clockOffset = serverTime - now();
      return send(call, false);
    }
    throw error;
  }

  /** A call whose 2xx body is required. */
  async function sendRequired<S extends z.ZodType>(call: Call<S>): Promise<z.infer<S>> {
    const result = await send(call);
    if (result === null) throw new RelayError('invalid-response', 'the relay answered with nothing', { status: null });
    return result;
  }

  return {
    health: async () => sendRequired({ method: 'GET', path: HEALTH_PATH, signed: false, response: healthResponseSchema }),

    register: async (bundle) =>
      sendRequired({ method: 'POST', path: IDENTITIES_PATH, body: checked(identityBundleSchema, bundle), signed: true, response: registerResponseSchema }),

    lookup: async (handle) =>
      send({ method: 'GET', path: identityPath(checked(handleSchema, handle)), signed: false, response: identityBundleSchema, notFoundIsNull: true }),

    post: async (envelopes) =>
      sendRequired({
        method: 'POST',
        path: ENVELOPES_PATH,
        body: checked(postEnvelopesRequestSchema, { envelopes }),
        signed: true,
        response: postEnvelopesResponseSchema,
      }),

    list: async (page = {}) => {
      const query = new URLSearchParams();
      if (page.after !== undefined) query.set('after', String(page.after));
      if (page.limit !== undefined) query.set('limit', String(page.limit));
      const search = query.toString() === '' ? '' : `?${query.toString()}`;
      return sendRequired({ method: 'GET', path: `${MAILBOX_PATH}${search}`, signed: true, response: mailboxPageSchema });
    },

    ack: async (ids) => sendRequired({ method: 'POST', path: MAILBOX_ACK_PATH, body: checked(ackRequestSchema, { ids }), signed: true, response: ackResponseSchema }),

    revoke: async (shareId, recipients) =>
      sendRequired({
        method: 'POST',
        path: REVOKE_PATH,
        body: checked(revokeRequestSchema, recipients === undefined ? { shareId } : { shareId, recipients }),
        signed: true,
        response: revokeResponseSchema,
      }),
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
  const details = { status: response.status, code: body?.error, recipients: body?.recipients };
  if (response.status >= 500) return new RelayError('unavailable', `the relay is unavailable (HTTP ${response.status})`, details);
  if (response.status === 429) {
    const message = body?.error === 'mailbox-full' ? 'a recipient’s mailbox is full' : body?.error === 'relay-full' ? 'the relay is out of space' : 'too many requests to the relay';
    return new RelayError('rate-limited', message, { ...details, retryAfterSeconds: retryAfterSeconds(response.headers.get('retry-after'), nowMs) });
  }
  if (response.status >= 400) return new RelayError('refused', body?.message ?? `the relay refused the request (HTTP ${response.status})`, details);
  return new RelayError('invalid-response', `the relay answered with HTTP ${response.status}`, details);
}

/** Retry-After as delta-seconds or an HTTP date (RFC 9110 §10.2.3), as whole seconds from now. */
function retryAfterSeconds(header: string | null, nowMs: number): number {
  if (header === null) return DEFAULT_RETRY_AFTER_S;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const date = Date.parse(header);
  return Number.isNaN(date) ? DEFAULT_RETRY_AFTER_S : Math.max(0, Math.ceil((date - nowMs) / 1000));
}
