/**
 * What each bundle may contain at run time (`npm run check:layers`): type-only imports are erased by the
 * build, so they are left out here, and the rules follow imports transitively ("reachable").
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'pages-never-bundle-sealing-code',
      severity: 'error',
      comment: 'The popup and the vault page (components/) never load lib/crypto, the vault’s records or keys, or a cipher: keys live in the background (S3).',
      from: { path: '^components/' },
      to: { path: ['^lib/crypto/', '^lib/vault/(records|keys|items|lifecycle)/', '^lib/db/', '^node_modules/@noble/(ciphers|curves)/'], reachable: true },
    },
    {
      name: 'relay-pages-bundle-nothing-of-the-extension',
      severity: 'error',
      comment: 'The pages the relay serves (lib/links/page, issue 14) never load the extension’s code: no vault, database, messaging, React or WXT.',
      from: { path: '^lib/links/page/' },
      to: {
        path: ['^(components|entrypoints)/', '^lib/(vault|db|messaging|protocol|browser|vault-service|autofill|import|export|health)/', '^node_modules/(dexie|react|react-dom|wxt)/'],
        reachable: true,
      },
    },
    {
      name: 'content-script-bundles-no-schema-or-crypto',
      severity: 'error',
      comment: 'The content script (entrypoints/autofill.ts) and the prompts injected beside it (entrypoints/autofill-prompts.ts) never load zod, Dexie, noble or the vault (30 KB budget, S3).',
      from: { path: '^entrypoints/autofill(-prompts)?\\.ts$' },
      to: { path: ['^lib/crypto/', '^lib/db/', '^lib/vault/(?!model/item-limits\\.ts$)', '^node_modules/(zod|dexie|@noble)/'], reachable: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(\\.output|\\.wxt)/' },
    tsPreCompilationDeps: false,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
