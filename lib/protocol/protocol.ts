/**
 * The one protocol map (STYLE: messaging): every message's request and response schema and the senders
 * allowed to send it, feature by feature; each feature keeps its messages in its own `*-messages.ts`.
 * Names are domain-first. Keys never appear in any schema (S3).
 */
import { z } from 'zod';
import { autofillMessages } from '../autofill/autofill-messages';
import { autofillSaveMessages } from '../autofill/autofill-save-messages';
import { exportMessages } from '../export/export-messages';
import { healthMessages } from '../health/health-messages';
import { importMessages } from '../import/import-messages';
import { linksMessages } from '../links/links-messages';
import { foldersMessages } from '../folders/folders-messages';
import type { HandlersOf, RequestIn, ResponseIn } from '../messaging/define-message';
import { sharingMessages } from '../sharing/sharing-messages';
import type { ErrorCode } from '../vault/model/vault-error';
import { vaultMessages } from './vault-messages';

export const protocol = {
  ...vaultMessages,
  ...exportMessages,
  ...healthMessages,
  ...autofillSaveMessages,
  ...autofillMessages,
  ...importMessages,
  ...sharingMessages,
  ...linksMessages,
  ...foldersMessages,
} as const;

export type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
export type RequestOf<T extends MessageType> = RequestIn<Protocol, T>;
export type ResponseOf<T extends MessageType> = ResponseIn<Protocol, T>;
/** Every handler of the background, one per message type. */
export type Handlers = HandlersOf<Protocol>;

/** The envelope every message travels in. */
export const envelopeSchema = z.object({ type: z.string(), payload: z.unknown() }).strict();

/** Every result: `{ ok: true, ...response }` or `{ ok: false, error }`. */
export type Result<T extends MessageType> = ({ ok: true } & ResponseOf<T>) | { ok: false; error: { code: ErrorCode; message: string } };
