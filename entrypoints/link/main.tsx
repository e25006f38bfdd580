/**
 * The extension's own link page (issue 14, DESIGN §11), built as link.html: opens a Sealpass link (given
 * after `#`, from the context menu, or pasted) through the background, so the relay's page code plays no
 * part. The fragment is dropped from the address bar once read.
 */
import '../../lib/messaging/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LinkOpener } from '../../components/links/LinkOpener';
import '../../components/app/styles.css';

const initialUrl = decodeURIComponent(location.hash.slice(1));
if (initialUrl) history.replaceState(null, '', location.pathname);
const root = document.getElementById('root');
if (root === null) throw new Error('link page: #root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <main className="link-page">
      <h1>Sealpass</h1>
      <LinkOpener initialUrl={initialUrl} />
    </main>
  </StrictMode>,
);
