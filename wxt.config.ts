/** WXT build configuration: one manifest for Chromium MV3 and Firefox, explicit imports only. */
import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  imports: false,
  // Parallel builds (several E2E runs on one machine) each take their own output folder.
  outDir: process.env.SEALPASS_OUT_DIR || '.output',
  manifest: ({ browser }) => ({
    name: 'Sealpass',
    description: 'A password manager built for sharing credentials safely.',
    // `offscreen` is Chromium's way for a service worker to reach the clipboard; Firefox has no such API.
    // `clipboardRead`: clearing a copied password checks first that the clipboard still holds it, so what
    // the user copied since is left alone (lib/browser/clear-clipboard).
    // `scripting`: the save bar, the generator menu and the submit watcher are injected only into the frame that
    // needs them (entrypoints/autofill-prompts.ts), keeping them out of the always-present content script (issue 15).
    permissions: ['storage', 'alarms', 'idle', 'clipboardWrite', 'clipboardRead', 'unlimitedStorage', 'contextMenus', 'scripting', ...(browser === 'firefox' ? [] : ['offscreen'])],
    // Autofill: the content script already runs on every http(s) page, so reading a tab's address (the popup's
    // Fill, a frame's top origin) asks the user for nothing more.
    host_permissions: ['http://*/*', 'https://*/*'],
    // Fill the focused login form; users can change the keys in the browser's extension shortcut settings.
    commands: {
      'fill-login': { suggested_key: { default: 'Ctrl+Shift+L', mac: 'Command+Shift+L' }, description: 'Fill the login for this page' },
    },
    // The autofill content script (entrypoints/autofill.ts, an unlisted script; see there why not WXT's own
    // content-script entry) in every http(s) frame, once the page is loaded.
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], all_frames: true, run_at: 'document_idle', js: ['autofill.js'] }],
    // The full-page vault doubles as the options page ("Extension options" in the browser's menu).
    options_ui: { page: 'vault.html', open_in_tab: true },
    // hash-wasm's Argon2id is WebAssembly; MV3 forbids eval but allows compiling WASM with this source.
    content_security_policy: {
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'; frame-ancestors 'none';",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Sealpass sends nothing anywhere: the vault stays on the device.
            gecko: { id: 'sealpass@sealpass.dev', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
