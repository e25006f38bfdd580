/** Popup entrypoint: renders App in the popup layout and gives it the one browser call it needs (open the vault page, on a view). */
import '../../lib/messaging/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { App } from '../../components/app/App';
import type { StartView } from '../../components/app/VaultView';
import '../../components/app/styles.css';

/** Opens the full-page vault in a new tab (on `view`: vault.html#import) and closes the popup, which would otherwise sit over it. */
function openVaultPage(view?: StartView): void {
  const url = `${browser.runtime.getURL('/vault.html')}${view === undefined ? '' : `#${view}`}`;
  void browser.tabs.create({ url }).then(() => window.close());
}

const root = document.getElementById('root');
if (root === null) throw new Error('popup: #root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App layout="popup" openVaultPage={openVaultPage} />
  </StrictMode>,
);
