/**
 * The one error the relay client throws, sorted by what the caller should do: wait and retry
 * (offline, unavailable, rate-limited) or stop and tell the user (refused, invalid-response).
 */
import type { RelayErrorCode } from './relay-error-body';

/**
 * - offline: no answer at all (network down, DNS, refused connection, timeout)
 * - unavailable: the relay or a proxy in front of it answered 5xx
 * - rate-limited: 429: too many requests, the recipient's mailbox is full, or the relay's storage is; see `retryAfterSeconds`
 * - refused: any other 4xx, or a request the client would not send (`status` null); see `code`
 * - invalid-response: a 2xx or error body that does not match the protocol
 */
export type RelayErrorKind = 'offline' | 'unavailable' | 'rate-limited' | 'refused' | 'invalid-response';

/** What a refusal carried, when there was one. */
export interface RelayErrorDetails {
  /** HTTP status, or null when nothing was received or the request was refused before sending. */
  status: number | null;
  /** The relay's error code, when its body matched the protocol. */
  code?: RelayErrorCode;
  /** From Retry-After on 429: seconds to wait before trying again. */
  retryAfterSeconds?: number;
  /** mailbox-full: the recipients whose mailbox is full. */
  recipients?: string[];
  /** conflict (a folder log append): the relay's stored count of entries. */
  head?: number;
}

/** A failed relay call. The message is safe to show and never contains request content. */
export class RelayError extends Error {
  override name = 'RelayError';
  constructor(
    readonly kind: RelayErrorKind,
    message: string,
    readonly details: RelayErrorDetails = { status: null },
  ) {
    super(message);
  }

  /** True when the same call may succeed later unchanged, so an outbox should keep it. */
  get retryable(): boolean {
    return this.kind === 'offline' || this.kind === 'unavailable' || this.kind === 'rate-limited';
  }
}
