/** Copying a secret: write the clipboard, then tell the background, which records it and clears the clipboard later if it still holds the copy. */
import { useCallback } from 'react';
import { clipboardTag } from '../../lib/vault/model/clipboard-tag';
import { useVaultCall } from './use-vault-call';
import { useVaultTools } from './vault-context';

export type CopyField = 'username' | 'password' | 'totp';

/** What was copied, as the toast names it. */
const FIELD_TEXT: Record<CopyField, string> = { username: 'Username', password: 'Password', totp: 'One-time code' };

/**
 * "Password copied — clears in 30 s", or "Password copied." when clearing is off (0); `what` names the copy.
 * @example copiedText('Username', 30) // 'Username copied — clears in 30 s'
 */
export function copiedText(what: string, clipboardSeconds: number): string {
  return clipboardSeconds > 0 ? `${what} copied — clears in ${clipboardSeconds} s` : `${what} copied.`;
}

/** Optional wording for the toast. */
export interface CopyOptions {
  /** Replaces the field's name ("Generated password", "New password"). */
  label?: string;
  /** The item's title, named in the toast ("Password of “GitHub” copied"). */
  title?: string;
}

/**
 * @returns `copy(id, field, value, options)`; the outcome appears in the toast, naming what was copied. The
 * value itself is never shown or logged, not even when the clipboard refuses it. `id` null copies something
 * that is not an item's (a generated password): nothing is audited, but the clipboard is still cleared.
 */
export function useCopy(): (id: string | null, field: CopyField, value: string, options?: CopyOptions) => Promise<void> {
  const call = useVaultCall();
  const { settings, showToast } = useVaultTools();
  return useCallback(
    async (id: string | null, field: CopyField, value: string, options: CopyOptions = {}) => {
      const label = options.label ?? (id === null && field === 'password' ? 'Generated password' : FIELD_TEXT[field]);
      const what = options.title === undefined ? label : `${label} of “${options.title}”`;
      try {
        await navigator.clipboard.writeText(value);
      } catch {
        showToast({ text: `Could not copy the ${label.toLowerCase()}: the clipboard is not available here.` });
        return;
      }
      // The tag lets the background clear the clipboard later only if it still holds this copy.
      const clip = await clipboardTag(value);
      const result = id === null ? await call('clipboardCopied', { clip }) : await call('itemCopied', { id, field, clip });
      // The copy happened either way; say so, and warn when nobody will clear the clipboard.
      showToast({
        text: result.ok ? copiedText(what, settings.clipboardSeconds) : `${what} copied, but Sealpass could not arrange to clear the clipboard.`,
      });
    },
    [call, settings.clipboardSeconds, showToast],
  );
}
