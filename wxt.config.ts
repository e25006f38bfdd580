/** WXT build configuration: one manifest for Chromium MV3 and Firefox, explicit imports only. */
import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Sealpass',
    description: 'A password manager built for sharing credentials safely.',
    permissions: ['storage', 'alarms', 'idle', 'clipboardWrite', 'offscreen', 'unlimitedStorage'],
    // hash-wasm's Argon2id is WebAssembly; MV3 forbids eval but allows compiling WASM with this source.
    content_security_policy: {
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'; frame-ancestors 'none';",
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'sealpass@sealpass.dev', strict_min_version: '128.0' } } }
      : {}),
  }),
});
