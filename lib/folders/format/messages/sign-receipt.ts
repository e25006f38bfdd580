/** Signs and verifies receipt statements (Ed25519 over receiptStatementBytes). */
import { fromBase64, toBase64 } from '../../../crypto/base64';
import { signEd25519 } from '../../../crypto/sign-ed25519';
import { verifyEd25519 } from '../../../crypto/verify-ed25519';
import type { Identity } from '../../../sharing/identity/identity';
import { keyFingerprint } from '../../../sharing/identity/key-fingerprint';
import { receiptStatementBytes, receiptStatementSchema, type ReceiptStatement } from './receipt-statement';

/**
 * @param me - my identity; `statement.member` must be my key fingerprint
 * @param statement - validated here
 * @returns the 64-byte signature in base64
 * @throws ZodError for an invalid statement; RangeError when it names someone else
 */
export function signReceiptStatement(me: Identity, statement: ReceiptStatement): string {
  const checked = receiptStatementSchema.parse(statement);
  if (checked.member !== toBase64(keyFingerprint(me))) throw new RangeError('signReceiptStatement: the statement names someone else');
  return toBase64(signEd25519(me.signingSecretKey, receiptStatementBytes(checked)));
}

/**
 * @param statement - untrusted; checked against the schema
 * @param signature - base64 of 64 bytes, untrusted
 * @param signingKey - the member's pinned Ed25519 key (base64 of 32 bytes, as the log names it)
 * @returns true only for a valid statement signed by that key; never throws
 */
export function verifyReceiptStatement(statement: unknown, signature: string, signingKey: string): boolean {
  const parsed = receiptStatementSchema.safeParse(statement);
  if (!parsed.success) return false;
  try {
    return verifyEd25519(fromBase64(signingKey), receiptStatementBytes(parsed.data), fromBase64(signature));
  } catch {
    return false;
  }
}
