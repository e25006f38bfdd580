/**
 * One JSON call to a link or request route (issue 14), shared by the public and the owner client: the body
 * checked before sending, the answer checked before returning, every failure a RelayError whose code is
 * the relay's (so a page can tell "wrong passphrase" from "already opened").
 */
import { utf8ToBytes } from '@noble/hashes/utils.js';
import type { z } from 'zod';
import { RelayError } from './relay-error';
import { relayErrorBodySchema } from './relay-error-body';
import type { RequestSigner } from './request-signer';
import { signRequest } from './sign-request';

/** The part of fetch the clients use; the global fetch fits. */
export type LinkFetch = (url: URL, init: RequestInit) => Promise<Response>;

/** Where and how to call. */
export interface LinkCallTarget {
  /** The relay's origin, e.g. `https://relay.example`. */
  baseUrl: string;
  fetch?: LinkFetch;
  /** Signs owner calls; absent for public ones. */
  signer?: RequestSigner;
  /** Local clock for signatures, ms since the epoch. */
  now?: () => number;
  /** Give up after this many ms; 15,000 by default. */
  timeoutMs?: number;
}

/** One route call. */
export interface LinkCall<S extends z.ZodType> {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  /** Validates the body before it is sent. */
  request?: z.ZodType;
  response: S;
}

/**
 * Sends one call and returns its validated answer.
 * @throws RelayError offline, unavailable, rate-limited, refused (with the relay's code) or invalid-response
 */
export async function callLinkRoute<S extends z.ZodType>(target: LinkCallTarget, call: LinkCall<S>): Promise<z.output<S>> {
  if (call.request && !call.request.safeParse(call.body).success) {
    throw new RelayError('refused', 'the request is not valid for the relay', { status: null, code: 'invalid-request' });
  }
  const url = new URL(call.path, target.baseUrl);
  const body = call.body === undefined ? new Uint8Array() : utf8ToBytes(JSON.stringify(call.body));
  const headers: Record<string, string> = { accept: 'application/json' };
  if (call.body !== undefined) headers['content-type'] = 'application/json';
  if (target.signer) Object.assign(headers, signRequest({ method: call.method, pathAndQuery: url.pathname + url.search, body }, target.signer, (target.now ?? Date.now)()));
  let response: Response;
  try {
    response = await (target.fetch ?? ((u, init) => fetch(u, init)))(url, {
      method: call.method,
      headers,
      body: call.method === 'GET' ? undefined : body,
      // The pages run with `Referrer-Policy: no-referrer` already; the background says so itself.
      referrerPolicy: 'no-referrer',
      signal: AbortSignal.timeout(target.timeoutMs ?? 15_000),
    });
  } catch {
    throw new RelayError('offline', 'the relay could not be reached');
  }
  let json: unknown;
  try {
    const text = await response.text();
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (response.ok) {
    const parsed = call.response.safeParse(json);
    if (!parsed.success) throw new RelayError('invalid-response', 'the relay answered with something unexpected', { status: response.status });
    return parsed.data;
  }
  const error = relayErrorBodySchema.safeParse(json).data;
  const details = { status: response.status, code: error?.error };
  if (response.status >= 500) throw new RelayError('unavailable', `the relay is unavailable (HTTP ${response.status})`, details);
  if (response.status === 429) {
    const retry = Number(response.headers.get('retry-after'));
    throw new RelayError('rate-limited', 'too many requests to the relay', { ...details, retryAfterSeconds: Number.isFinite(retry) && retry > 0 ? retry : 60 });
  }
  throw new RelayError('refused', error?.message ?? `the relay refused the request (HTTP ${response.status})`, details);
}
