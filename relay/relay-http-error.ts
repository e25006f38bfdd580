/** A refusal a route throws on purpose; the error handler sends its code, message and details unchanged. */
import { RELAY_ERROR_STATUS, type RelayErrorBody, type RelayErrorCode } from '../lib/relay-protocol/relay-error-body';

/** Details some refusals carry beside the code and message. */
export interface RelayHttpErrorDetails {
  recipients?: string[];
  serverTime?: number;
  /** conflict: a folder log's stored count. */
  head?: number;
  /** Sent as Retry-After (seconds) on 429. */
  retryAfterSeconds?: number;
}

/** An error answered with the status of its code (RELAY_ERROR_STATUS). */
export class RelayHttpError extends Error {
  override name = 'RelayHttpError';
  constructor(
    readonly code: RelayErrorCode,
    message: string,
    readonly details: RelayHttpErrorDetails = {},
  ) {
    super(message);
  }

  get status(): (typeof RELAY_ERROR_STATUS)[RelayErrorCode] {
    return RELAY_ERROR_STATUS[this.code];
  }

  /** The JSON body; the message never repeats request content. */
  toBody(): RelayErrorBody {
    const { retryAfterSeconds: _retryAfter, ...rest } = this.details;
    return { error: this.code, message: this.message, ...rest };
  }
}
