/**
 * The layer guard (`npm run check:layers`, part of `npm test`). The rules are the table in README.md
 * ("Architecture"); each rule's `comment` names its row. Type-only imports count here, so the structure
 * holds for types too; what a bundle really contains is checked by .dependency-cruiser.bundles.cjs.
 */
const FEATURES = 'autofill|sharing|import|export|health|links|folders';
const LEAVES = 'generator|strength|totp|quirks|relay-protocol';
const CORE = 'lib/(crypto|db|vault)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles between modules.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-folder-cycles',
      severity: 'error',
      comment: 'No import cycles between folders: a folder depends on another, never back.',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    {
      name: 'crypto-imports-only-primitives',
      severity: 'error',
      comment: 'lib/crypto: primitives from @noble, @scure, hash-wasm and argon2id (Argon2id), nothing of ours outside it.',
      from: { path: '^lib/crypto/' },
      to: { pathNot: ['^lib/crypto/', '^node_modules/(@noble|@scure|hash-wasm|argon2id)/'] },
    },
    {
      name: 'db-imports-only-crypto',
      severity: 'error',
      comment: 'lib/db: the Dexie schema; it knows the crypto types and nothing above.',
      from: { path: '^lib/db/' },
      to: { path: '^(lib/(?!crypto/|db/)|components/|entrypoints/|relay/)' },
    },
    {
      name: 'vault-is-the-core',
      severity: 'error',
      comment: 'lib/vault: imports only crypto and db; the core never imports the transport, a feature, the browser or UI.',
      from: { path: '^lib/vault/' },
      to: { path: '^(lib/(?!crypto/|db/|vault/)|components/|entrypoints/|relay/)' },
    },
    {
      name: 'vault-model-is-plain-data',
      severity: 'error',
      comment: 'lib/vault/model: schemas and pure functions over them (zod only), so pages and the content script may use them.',
      from: { path: '^lib/vault/model/' },
      to: { pathNot: ['^lib/vault/model/', '^node_modules/zod/'] },
    },
    {
      name: 'messaging-imports-only-the-core-model',
      severity: 'error',
      comment: 'lib/messaging: the transport; it imports the core model, never a feature, the protocol map or UI.',
      from: { path: '^lib/messaging/' },
      to: { path: '^(lib/(?!messaging/|vault/model/)|components/|entrypoints/|relay/)' },
    },
    {
      name: 'relay-protocol-imports-only-crypto',
      severity: 'error',
      comment: 'lib/relay-protocol: the wire format shared with the relay; only lib/crypto below it.',
      from: { path: '^lib/relay-protocol/' },
      to: { path: '^(lib/(?!relay-protocol/|crypto/)|components/|entrypoints/|relay/)' },
    },
    {
      name: 'leaves-import-no-feature',
      severity: 'error',
      comment: `Leaf features (${LEAVES}) import the core and messaging only.`,
      from: { path: `^lib/(${LEAVES})/` },
      to: { path: `^lib/(${FEATURES}|protocol|vault-service|browser)/` },
    },
    {
      name: 'features-below-the-root',
      severity: 'error',
      comment: 'Features never import the protocol map, the composition root (only its context/), the browser adapters or UI.',
      from: { path: `^lib/(${FEATURES})/` },
      to: { path: ['^lib/(protocol|browser)/', '^lib/vault-service/(?!context/)', '^(components|entrypoints|relay)/'] },
    },
    {
      name: 'feature-order',
      severity: 'error',
      comment: 'Features in order: health, import, export < sharing < autofill; a lower one never imports a higher one or a sibling.',
      from: { path: '^lib/(health|import|export)/' },
      to: { path: '^lib/(health|import|export|sharing|autofill|links|folders)/', pathNot: '^lib/$1/' },
    },
    {
      name: 'sharing-below-autofill',
      severity: 'error',
      comment: 'Autofill may ask sharing for received logins; sharing never imports autofill.',
      from: { path: '^lib/sharing/' },
      to: { path: '^lib/autofill/' },
    },
    {
      name: 'links-above-sharing',
      comment: 'One-time links and requests (issue 14) build on sharing (identity, relay); sharing and autofill never import links, links never import autofill.',
      severity: 'error',
      from: { path: '^lib/(sharing|autofill)/' },
      to: { path: '^lib/links/' },
    },
    {
      name: 'links-below-autofill',
      severity: 'error',
      comment: 'lib/links never imports autofill.',
      from: { path: '^lib/links/' },
      to: { path: '^lib/autofill/' },
    },
    {
      name: 'link-format-is-crypto-and-wire-only',
      severity: 'error',
      comment: 'lib/links/format: the link and request format, shared by the relay’s pages, the owner and the recipient; only lib/crypto, lib/relay-protocol and the plain link-field schema.',
      from: { path: '^lib/links/format/' },
      to: { path: '^(lib/|components/|entrypoints/|relay/)', pathNot: ['^lib/(crypto|relay-protocol)/', '^lib/links/format/', '^lib/links/link-field\\.ts$'] },
    },
    {
      name: 'folders-above-sharing',
      severity: 'error',
      comment: 'Shared folders (issue 13) build on sharing (identity, envelope, contacts, relay); sharing, autofill and links never import folders.',
      from: { path: '^lib/(sharing|autofill|links)/' },
      to: { path: '^lib/folders/' },
    },
    {
      name: 'folders-beside-links',
      severity: 'error',
      comment: 'lib/folders never imports links: siblings above sharing.',
      from: { path: '^lib/folders/' },
      to: { path: '^lib/links/' },
    },
    {
      name: 'folder-format-is-crypto-and-wire-only',
      severity: 'error',
      comment: 'lib/folders/format: log entries, replay, keys, messages, receipts; pure: only lib/crypto, lib/relay-protocol, lib/vault/model and sharing’s identity and envelope.',
      from: { path: '^lib/folders/format/' },
      to: {
        path: '^(lib/|components/|entrypoints/|relay/)',
        pathNot: ['^lib/(crypto|relay-protocol)/', '^lib/vault/model/', '^lib/sharing/(identity|envelope)/', '^lib/folders/format/'],
      },
    },
    {
      name: 'relay-page-stands-alone',
      severity: 'error',
      comment: 'lib/links/page: the pages the relay serves; they never import the extension: only lib/crypto, lib/relay-protocol, the link format and the safety code.',
      from: { path: '^lib/links/page/' },
      to: {
        path: '^(lib/|components/|entrypoints/|relay/|node_modules/(dexie|react|react-dom|wxt)/)',
        pathNot: ['^lib/(crypto|relay-protocol)/', '^lib/links/(format|page)/', '^lib/links/link-field\\.ts$', '^lib/sharing/identity/(own-safety-code|safety-number|identity)\\.ts$'],
      },
    },
    {
      name: 'content-script-gets-the-least',
      severity: 'error',
      comment: 'lib/*/content (bundled into every web page): no crypto, no vault but its item limits, no db, no zod, no storage, no browser API but the runtime channel (S3).',
      from: { path: '^lib/[^/]+/content/' },
      to: {
        path: [`^${CORE}`, '^lib/(protocol|browser|vault-service)/', '^lib/[^/]+/background/', '^node_modules/(zod|dexie|wxt)/', '^lib/(sharing|import|export|health)/'],
        pathNot: ['^lib/vault/model/item-limits\\.ts$'],
      },
    },
    {
      name: 'background-code-stays-out-of-content',
      severity: 'error',
      comment: 'Nothing imports a feature’s content-script folder but that feature’s content code and the content entrypoint.',
      from: { path: '^lib/', pathNot: '^lib/autofill/content/' },
      to: { path: '^lib/autofill/content/' },
    },
    {
      name: 'protocol-imports-messages-only',
      severity: 'error',
      comment: 'lib/protocol: the one map, built from each feature’s *-messages.ts; not their background or content code.',
      from: { path: '^lib/protocol/' },
      to: { path: ['^lib/[^/]+/(background|content|store|owner|recipient|sync|profile)/', '^lib/(vault-service|browser)/', '^(components|entrypoints|relay)/'] },
    },
    {
      name: 'vault-service-context-is-ports',
      severity: 'error',
      comment: 'lib/vault-service/context: the ports and the session every feature handler gets; no feature.',
      from: { path: '^lib/vault-service/context/' },
      to: { path: [`^lib/(${FEATURES}|protocol|browser)/`, '^lib/vault-service/(?!context/)'] },
    },
    {
      name: 'lib-never-imports-ui',
      severity: 'error',
      comment: 'lib/ never imports components/ or entrypoints/.',
      from: { path: '^lib/' },
      to: { path: '^(components|entrypoints)/' },
    },
    {
      name: 'browser-adapters-only-in-the-platform-folders',
      severity: 'error',
      comment: 'Only lib/db, lib/messaging and lib/browser touch browser APIs (wxt/browser, wxt/utils/storage) in lib/.',
      from: { path: '^lib/', pathNot: '^lib/(db|messaging|browser)/' },
      to: { path: '^node_modules/wxt/' },
    },
    {
      name: 'components-never-reach-keys',
      severity: 'error',
      comment: 'components/: the protocol, the transport, the core model and page-side feature code; never crypto, the vault’s records or keys, a background or a store.',
      from: { path: '^components/' },
      to: {
        path: [
          '^lib/(crypto|db|browser|vault-service|relay-protocol)/',
          '^lib/vault/(?!model/)',
          '^lib/[^/]+/(background|content)/',
          '^lib/sharing/(?!is-received-item-id\\.ts$|sharing-messages\\.ts$)',
          '^lib/links/(?!links-messages\\.ts$|link-field\\.ts$)',
          '^lib/folders/(?!folders-messages\\.ts$)',
        ],
      },
    },
    {
      name: 'relay-shares-only-the-wire-format',
      severity: 'error',
      comment: 'relay/ imports only lib/relay-protocol and lib/crypto from the extension.',
      from: { path: '^relay/' },
      to: { path: ['^lib/(?!relay-protocol/|crypto/)', '^(components|entrypoints)/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(\\.output|\\.wxt)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
