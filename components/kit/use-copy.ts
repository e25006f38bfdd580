/** Copying a secret: write the clipboard, then tell the background, which records it and clears the clipboard later. */
import { useCallback } from 'react';
import { useVaultCall } from './use-vault-call';
import { useVaultTools } from './vault-context';

export type CopyField = 'username' | 'password' | 'totp';

/** "Copied — clears in 30 s", or plain "Copied." when clearing is off (0). */
export function copiedText(clipboardSeconds: number): string {
  return clipboardSeconds > 0 ? `Copied — clears in ${clipboardSeconds} s` : 'Copied.';
}

/**
 * @returns `copy(id, field, value)`; the outcome appears in the toast. The value itself is never shown
 * or logged, not even when the clipboard refuses it. `id` null copies something that is not an item's
 * (a generated password): nothing is audited, but the clipboard is still cleared.
 */
export function useCopy(): (id: string | null, field: CopyField, value: string) => Promise<void> {
  const call = useVaultCall();
  const { settings, showToast } = useVaultTools();
  return useCallback(
    async (id: string | null, field: CopyField, value: string) => {
      try {
        await navigator.clipboard.writeText(value);
      } catch {
        showToast({ text: 'Could not copy: the clipboard is not available here.' });
        return;
      }
      const result = id === null ? await call('clipboardCopied', {}) : await call('itemCopied', { id, field });
      // The copy happened either way; say so, and warn when nobody will clear the clipboard.
      showToast({
        text: result.ok ? copiedText(settings.clipboardSeconds) : 'Copied, but Sealpass could not arrange to clear the clipboard.',
      });
    },
    [call, settings.clipboardSeconds, showToast],
  );
}
