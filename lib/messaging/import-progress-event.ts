/**
 * The background's "import progress" event to extension pages: how many entries of a running import are
 * encrypted, then that it is writing. Counts only, never an item (S3). The page validates what it gets.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import type { ImportProgress } from '../vault/model/import-entry';

const EVENT = 'import-progress';

const count = z.number().int().nonnegative();
const progressSchema = z.discriminatedUnion('phase', [
  z.object({ phase: z.literal('sealing'), done: count, total: count }),
  z.object({ phase: z.literal('saving'), total: count }),
]);

/** Background side: tells every open extension page. No page open is not an error. */
export async function broadcastImportProgress(progress: ImportProgress): Promise<void> {
  try {
    await browser.runtime.sendMessage({ event: EVENT, progress });
  } catch {
    // "Receiving end does not exist": the page that started the import was closed meanwhile.
  }
}

/**
 * Page side: calls `listener` with each progress report from our own background.
 * @returns a function that removes the listener
 */
export function subscribeImportProgress(listener: (progress: ImportProgress) => void): () => void {
  const onMessage = (message: unknown, sender: { id?: string }) => {
    const event = message as { event?: unknown; progress?: unknown } | null;
    if (sender.id !== browser.runtime.id || event?.event !== EVENT) return undefined;
    const progress = progressSchema.safeParse(event.progress);
    if (progress.success) listener(progress.data);
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  return () => browser.runtime.onMessage.removeListener(onMessage);
}
