/**
 * Failed unlock attempts in `storage.local` until the next successful unlock writes them into the audit
 * log (issue 17): their times only (nothing about the password), at most MAX_KEPT, then just a count.
 * Anything malformed reads as empty.
 */
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import type { UnlockFailureLog } from '../vault-service/context/core-deps';

/** Failures kept with their time; more are only counted (someone guessing would otherwise fill the disk). */
const MAX_KEPT = 100;

const storedSchema = z.object({ times: z.array(z.number().int().nonnegative()).max(MAX_KEPT), dropped: z.number().int().nonnegative() });
type Stored = z.infer<typeof storedSchema>;
const EMPTY: Stored = { times: [], dropped: 0 };

const item = storage.defineItem<Stored>('local:unlockFailures', { fallback: EMPTY, version: 1 });

async function read(): Promise<Stored> {
  const parsed = storedSchema.safeParse(await item.getValue());
  return parsed.success ? parsed.data : EMPTY;
}

/** The real log. */
export const localUnlockFailureLog: UnlockFailureLog = {
  async add(at) {
    const { times, dropped } = await read();
    await item.setValue(times.length < MAX_KEPT ? { times: [...times, at], dropped } : { times, dropped: dropped + 1 });
  },
  async take() {
    const kept = await read();
    await item.removeValue();
    return kept;
  },
};
