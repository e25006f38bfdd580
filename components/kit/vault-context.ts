/** What every view inside an unlocked vault shares: the settings and the one toast. */
import { createContext, useContext } from 'react';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/vault/model/settings';

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

/** Until `settingsGet` answers, the views see the defaults. */
export const VaultToolsContext = createContext<VaultTools>({
  settings: DEFAULT_SETTINGS,
  setSettings: () => {},
  showToast: () => {},
});

export function useVaultTools(): VaultTools {
  return useContext(VaultToolsContext);
}
