/**
 * Words for a failed relay call, chosen here from the error's kind and code: a relay's own message text
 * is never shown, since a lying relay could put anything in it (S6).
 */
import type { RelayError } from '../../relay-protocol/relay-error';

/** @returns one sentence without a trailing period's worth of relay-supplied text */
export function relayProblemText(error: RelayError): string {
  switch (error.kind) {
    case 'offline':
      return 'The relay cannot be reached';
    case 'unavailable':
      return 'The relay is unavailable';
    case 'rate-limited':
      if (error.details.code === 'mailbox-full') return 'A recipient’s mailbox on the relay is full';
      return error.details.code === 'relay-full' ? 'The relay is out of space for now' : 'The relay asks to wait a little';
    case 'invalid-response':
      return 'The relay answered with something unexpected';
    case 'refused':
      return error.details.code === undefined ? 'The relay refused the request' : `The relay refused the request (${error.details.code})`;
  }
}
