/** What every view inside an unlocked vault shares: the settings and the one toast. */
import { createContext, useContext } from 'react';
import type { Settings } from '../../lib/vault/model/settings';

/** One short message at the bottom of the view, with at most one action (Undo). */
export interface ToastContent {
  text: string;
  action?: { label: string; run: () => void };
}

export interface VaultTools {
  settings: Settings;
  setSettings: (settings: Settings) => void;
  showToast: (toast: ToastContent | null) => void;
}

/** Protocol defaults (15 min auto-lock, 30 s clipboard) until `settingsGet` answers. */
export const DEFAULT_SETTINGS: Settings = { autoLockMinutes: 15, clipboardSeconds: 30 };

export const VaultToolsContext = createContext<VaultTools>({
  settings: DEFAULT_SETTINGS,
  setSettings: () => {},
  showToast: () => {},
});

export function useVaultTools(): VaultTools {
  return useContext(VaultToolsContext);
}
