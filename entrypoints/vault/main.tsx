/**
 * Vault page entrypoint (unlisted page, built as vault.html): renders App in the wide layout, on Import for
 * vault.html#import. A save bar's Edit… opens it as `vault.html#draft=<token>`: the token is read once and
 * removed from the address (it is one-time anyway; the values it stands for never were in the address).
 */
import '../../lib/messaging/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../../components/app/App';
import '../../components/app/styles.css';

const draftToken = /^#draft=([0-9a-f]{32})$/.exec(location.hash)?.[1];
if (draftToken !== undefined) history.replaceState(null, '', location.pathname);

const root = document.getElementById('root');
if (root === null) throw new Error('vault page: #root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App layout="page" draftToken={draftToken} {...(location.hash === '#import' ? { startView: 'import' as const } : {})} />
  </StrictMode>,
);
