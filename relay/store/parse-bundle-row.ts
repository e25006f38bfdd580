/** Reads an identity bundle back from its stored JSON, checked like any other input. */
import { identityBundleSchema, type IdentityBundle } from '../../lib/relay-protocol/identity-bundle';

/**
 * Parses a stored bundle.
 * @throws ZodError or SyntaxError when the row was altered outside the relay
 */
export function parseBundleRow(json: string): IdentityBundle {
  return identityBundleSchema.parse(JSON.parse(json));
}
