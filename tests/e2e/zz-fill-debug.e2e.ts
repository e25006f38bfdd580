import { it } from 'vitest';
import { startPageServer } from './autofill-pages';
import { saveLogin } from './autofill-steps';
import { launchExtension, openPopup } from './harness';
import { createVaultInPopup, strongMasterPassword } from './popup-steps';
it('debug', async () => {
  const server = await startPageServer();
  const ext = await launchExtension();
  try {
    const popup = await openPopup(ext.context, ext.extensionId);
    await createVaultInPopup(popup, strongMasterPassword());
    await saveLogin(ext, { title: 'a', username: 'u', password: 'p', urls: [`${server.origin}/login`] });
    const p = await ext.context.newPage();
    p.on('console', (m) => console.log('PAGE', m.text()));
    await p.goto(`${server.origin}/login`);
    await p.locator('#user').click();
    await new Promise((r) => setTimeout(r, 1500));
  } finally { await ext.close(); await server.close(); }
});
