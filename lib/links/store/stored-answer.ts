/**
 * A received answer to a secret request (issue 14), opened with the request's key and kept sealed under the
 * vault key (purpose `request-answer`) until the owner accepts it into the vault or discards it.
 */
import { z } from 'zod';
import type { CipherContext } from '../../crypto/associated-data';
import type { Sealed } from '../../crypto/sealed';
import type { LinkRecord } from '../../db/vault-db';
import { openJson, sealJson } from '../../vault/records/sealed-json';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';

export const storedAnswerSchema = z
  .object({
    /** `<request id>.<relay answer id>`. */
    id: z.string(),
    requestId: z.string(),
    label: z.string(),
    receivedAt: z.number().int().nonnegative(),
    answer: z.object({ username: z.string(), password: z.string(), url: z.string(), note: z.string() }).strict(),
  })
  .strict();
export type StoredAnswer = z.infer<typeof storedAnswerSchema>;

const context = (id: string): CipherContext => ({ purpose: 'request-answer', recordId: id, fields: 'answer' });

type Keys = Pick<UnlockedVault, 'vaultKey'>;

export function sealAnswer(vault: Keys, answer: StoredAnswer): LinkRecord {
  return { id: answer.id, sealed: sealJson(vault.vaultKey, answer, context(answer.id)) };
}

/** @throws DecryptError or ZodError when the record was damaged or moved */
export function openAnswer(vault: Keys, record: { id: string; sealed: Sealed }): StoredAnswer {
  return openJson(vault.vaultKey, record.sealed, context(record.id), storedAnswerSchema);
}
