/**
 * The audit log's event shape (DESIGN §1 audit): what one event says, sealed in the log (records/audit-chain)
 * and, with its place in the chain, what the vault page shows and exports. Titles are user data (S1).
 */
import { z } from 'zod';
import { MAX_HANDLE } from './item-limits';

/** Every kind of security event the vault records. */
export const auditEventTypeSchema = z.enum([
  'vault-created', 'vault-unlocked', 'vault-locked', 'master-password-changed',
  'item-created', 'item-edited', 'item-deleted', 'item-restored', 'item-purged',
  'password-revealed', 'password-copied', 'username-copied', 'totp-copied', 'audit-exported',
  'vault-exported-encrypted', 'vault-exported-plain',
  // Issue 17: a star is not an edit; an unlock that failed is recorded at the next successful one, at its own time.
  'item-favourited', 'item-unfavourited', 'unlock-failed',
  // Issue 17: sharing set-up and contact changes (`party`: the handle concerned).
  'sharing-registered', 'sharing-relay-changed', 'sharing-handle-changed', 'contact-added', 'contact-verified', 'contact-key-changed', 'contact-removed',
  'items-imported',
  /** An existing item updated by an import (the user chose "Replace" for a duplicate). */
  'item-replaced',
  'item-filled',
  'share-created', 'share-delivered', 'share-accepted', 'share-declined', 'share-opened', 'share-updated', 'share-revoked', 'share-expired',
  // One-time links and secret requests (issue 14).
  'link-created', 'link-opened', 'link-revoked',
  'request-created', 'request-answered', 'request-answer-accepted', 'request-answer-declined', 'request-revoked',
  // Shared folders (issue 13): `party` is the person concerned; `itemTitle` the folder's name, or the item's.
  'folder-created', 'folder-joined', 'folder-member-added', 'folder-member-removed', 'folder-role-changed', 'folder-key-rotated',
  'folder-left', 'folder-deleted', 'folder-item-moved',
]);

/** What one event says (sealed). `itemTitle` is the title when the event happened. */
export const auditPayloadSchema = z.object({
  /** ms since epoch. */
  at: z.number().int(),
  type: auditEventTypeSchema,
  itemId: z.string().optional(),
  itemTitle: z.string().optional(),
  /** How many items an event covers (`items-imported`). */
  count: z.number().int().nonnegative().optional(),
  /** The other person of a sharing event (their handle): the recipient for the owner, the owner for a recipient. */
  party: z.string().max(MAX_HANDLE).optional(),
});

/** One decrypted event with its place in the chain: sequence number and chain hash (hex). */
export const auditEventSchema = auditPayloadSchema.extend({ seq: z.number().int(), hash: z.string() });

export type AuditEventType = z.infer<typeof auditEventTypeSchema>;
export type AuditPayload = z.infer<typeof auditPayloadSchema>;
export type AuditEvent = z.infer<typeof auditEventSchema>;
