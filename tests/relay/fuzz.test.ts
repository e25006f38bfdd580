/**
 * No 5xx for any input (issue 4), against both stores: arbitrary methods, paths, headers and bodies,
 * unsigned and — so the fuzz reaches the body validators — signed by a registered identity.
 */
import fc from 'fast-check';
import { beforeEach, expect, it } from 'vitest';
import { AUTH_HEADERS } from '../../lib/relay-protocol/auth-headers';
import { ENVELOPES_PATH, HEALTH_PATH, IDENTITIES_PATH, MAILBOX_ACK_PATH, MAILBOX_PATH, REVOKE_PATH } from '../../lib/relay-protocol/relay-paths';
import { FOLDERS_PATH, folderDeletePath, folderLogPath, folderMessageBatchPath, folderMessagesPath } from '../../lib/relay-protocol/relay-paths';
import { entryText, messageText, randomId } from './folder-fixtures';
import { makeUser, shareId, testApp } from './fixtures';
import { describeStores, useStore, type OpenedStore } from './store-cases';

const alice = makeUser('alice');
const bob = makeUser('bob');
const PATHS = [HEALTH_PATH, IDENTITIES_PATH, `${IDENTITIES_PATH}/bob`, ENVELOPES_PATH, MAILBOX_PATH, MAILBOX_ACK_PATH, REVOKE_PATH];
const NO_LIMITS = { perIdentityPerMinute: 1e9, perAddressPerMinute: 1e9 };
/** Hundreds of requests, each a few store round trips on PostgreSQL: a budget, not a timing assertion. */
const FUZZ_TIMEOUT_MS = 120_000;

/** Values of every JSON type, biased towards the shapes the relay expects so validation goes deep. */
const anyValue = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom('bob', 'alice', shareId(), 'sealed', '', 'é'.repeat(40_000)),
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -1, 0, 1e308),
);
const nearEnvelope = fc.record({ to: anyValue, shareId: anyValue, expiresAt: anyValue, envelope: anyValue }, { requiredKeys: [] });
const nearBody = fc.oneof(
  fc.jsonValue(),
  fc.record({ envelopes: fc.oneof(fc.array(nearEnvelope, { maxLength: 5 }), anyValue) }, { requiredKeys: [] }),
  fc.record({ ids: fc.oneof(fc.array(anyValue, { maxLength: 5 }), anyValue) }, { requiredKeys: [] }),
  fc.record({ shareId: anyValue, recipients: fc.oneof(fc.array(anyValue, { maxLength: 3 }), anyValue) }, { requiredKeys: [] }),
  fc.record(
    {
      v: anyValue,
      handle: anyValue,
      encryptionKey: fc.oneof(fc.constant(alice.bundle.encryptionKey), anyValue),
      signingKey: fc.oneof(fc.constant(alice.bundle.signingKey), anyValue),
      created: anyValue,
      signature: fc.oneof(fc.constant(alice.bundle.signature), anyValue),
    },
    { requiredKeys: [] },
  ),
);
const rawBody = fc.oneof(
  nearBody.map((value) => new TextEncoder().encode(JSON.stringify(value) ?? '')),
  fc.uint8Array({ maxLength: 200 }),
  fc.string().map((text) => new TextEncoder().encode(text)),
);
const query = fc.oneof(
  fc.constant(''),
  fc.dictionary(fc.constantFrom('after', 'limit', 'x'), fc.oneof(fc.nat().map(String), fc.string()), { maxKeys: 3 }).map(
    (params) => `?${new URLSearchParams(params).toString()}`,
  ),
);

/** Shared folders (issue 13): one folder alice creates before each property run, so the store code runs deep. */
const FOLDER = randomId();
const folderText = fc.oneof(
  anyValue,
  fc.nat({ max: 6 }).map((seq) => entryText(FOLDER, seq)),
  fc.constantFrom(messageText(FOLDER, FOLDER), JSON.stringify({ folderId: FOLDER }), '{"folderId":', 'null', '[]'),
);
const nearFolderBody = fc.oneof(
  fc.jsonValue(),
  fc.record(
    {
      folderId: fc.oneof(fc.constant(FOLDER), fc.constant(randomId()), anyValue),
      entry: folderText,
      seq: fc.oneof(fc.nat({ max: 6 }), anyValue),
      id: fc.oneof(fc.constant(FOLDER), anyValue),
      message: folderText,
      messages: fc.oneof(anyValue, fc.array(fc.record({ id: fc.oneof(fc.constant(FOLDER), anyValue), message: folderText }, { requiredKeys: [] }), { maxLength: 4 })),
      access: fc.oneof(
        anyValue,
        fc.record(
          {
            add: fc.oneof(fc.array(fc.record({ handle: fc.oneof(fc.constantFrom('alice', 'bob'), anyValue), manager: anyValue }, { requiredKeys: [] }), { maxLength: 3 }), anyValue),
            remove: fc.oneof(fc.array(fc.oneof(fc.constantFrom('alice', 'bob'), anyValue), { maxLength: 3 }), anyValue),
          },
          { requiredKeys: [] },
        ),
      ),
    },
    { requiredKeys: [] },
  ),
);
const folderPath = fc.constantFrom(FOLDER, randomId(), 'not-an-id', '%00', 'A'.repeat(22)).chain((folder) =>
  fc.constantFrom(FOLDERS_PATH, folderLogPath(folder), folderMessagesPath(folder), folderMessageBatchPath(folder), folderDeletePath(folder)),
);

describeStores('fuzzed requests', (storeCase) => {
  const openedStore = useStore(storeCase);
  let opened: OpenedStore;
  let t: ReturnType<typeof testApp>;

  beforeEach(async () => {
    opened = openedStore();
    t = testApp(opened.store, { limits: NO_LIMITS });
    await t.register(alice, bob);
  });

  it('never answers 5xx to unsigned or badly signed requests', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'),
        fc.oneof(fc.constantFrom(...PATHS), fc.webPath()),
        fc.dictionary(fc.constantFrom(...Object.values(AUTH_HEADERS), 'content-type', 'origin'), fc.string({ unit: 'grapheme-ascii' }), { maxKeys: 5 }),
        rawBody,
        async (method, path, headers, body) => {
          const response = await t.app.request(path, { method, headers, ...(method === 'GET' ? {} : { body }) });
          expect(response.status).toBeLessThan(500);
        },
      ),
      { seed: 0x5ea1, numRuns: 150 },
    );
  }, FUZZ_TIMEOUT_MS);

  it('never answers 5xx to correctly signed requests with arbitrary bodies and queries', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(IDENTITIES_PATH, ENVELOPES_PATH, MAILBOX_ACK_PATH, REVOKE_PATH, MAILBOX_PATH), nearBody, query, async (path, body, search) => {
        const response =
          path === MAILBOX_PATH ? await t.signed(alice, 'GET', `${path}${search}`) : await t.signed(alice, 'POST', path, { body: body ?? null });
        expect(response.status).toBeLessThan(500);
      }),
      { seed: 0x5ea2, numRuns: 250 },
    );
  }, FUZZ_TIMEOUT_MS);

  it('never answers 5xx to correctly signed folder requests (issue 13) with arbitrary bodies and queries', async () => {
    const created = await t.signed(alice, 'POST', FOLDERS_PATH, { body: { folderId: FOLDER, entry: entryText(FOLDER, 1) } });
    expect(created.status).toBe(201);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('GET', 'POST'), folderPath, nearFolderBody, query, fc.constantFrom(alice, bob), async (method, path, body, search, user) => {
        const response = method === 'GET' ? await t.signed(user, 'GET', `${path}${search}`) : await t.signed(user, 'POST', path, { body: body ?? null });
        expect(response.status).toBeLessThan(500);
      }),
      { seed: 0x5ea3, numRuns: 250 },
    );
  }, FUZZ_TIMEOUT_MS);
});
