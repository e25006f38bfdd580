/** Vault page entrypoint (unlisted page, built as vault.html): renders App in the wide layout, on Import for vault.html#import. */
import '../../lib/messaging/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../../components/app/App';
import '../../components/app/styles.css';

const root = document.getElementById('root');
if (root === null) throw new Error('vault page: #root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App layout="page" {...(location.hash === '#import' ? { startView: 'import' as const } : {})} />
  </StrictMode>,
);
