/** readRelayConfig: defaults (127.0.0.1:8787, SQLite in ./data), every variable read, bad values named. */
import { expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../relay/relay-deps';
import { readRelayConfig } from '../../relay/relay-config';

it('defaults to 127.0.0.1:8787 with SQLite in ./data and the default limits', () => {
  expect(readRelayConfig({})).toEqual({
    port: 8787,
    host: '127.0.0.1',
    dataDir: 'data',
    databaseUrl: undefined,
    databaseSchema: undefined,
    trustProxy: false,
    purgeIntervalMs: 60_000,
    workers: 1,
    limits: DEFAULT_LIMITS,
    pagesDir: '.output/relay-pages',
  });
});

it('reads every variable', () => {
  const config = readRelayConfig({
    PORT: '0',
    HOST: '0.0.0.0',
    DATA_DIR: '/var/lib/sealpass',
    DATABASE_URL: 'postgres://relay@db/relay',
    DATABASE_SCHEMA: 'relay_eu',
    TRUST_PROXY: '1',
    PURGE_INTERVAL_MS: '5000',
    RELAY_WORKERS: '3',
    RATE_LIMIT_PER_IDENTITY: '10',
    RATE_LIMIT_PER_ADDRESS: '20',
    MAILBOX_MAX_ENVELOPES: '30',
    MAILBOX_MAX_BYTES: '40',
    REGISTRATIONS_PER_ADDRESS_PER_HOUR: '5',
    STORAGE_MAX_BYTES: '50',
    FOLDERS_MAX_TOTAL_BYTES: '70',
    LINK_RATE_LIMIT_PER_ADDRESS: '50',
    LINKS_MAX_PER_IDENTITY: '60',
    PAGES_DIR: '/srv/pages',
  });
  expect(config).toEqual({
    port: 0,
    host: '0.0.0.0',
    dataDir: '/var/lib/sealpass',
    databaseUrl: 'postgres://relay@db/relay',
    databaseSchema: 'relay_eu',
    trustProxy: true,
    purgeIntervalMs: 5000,
    workers: 3,
    limits: {
      perIdentityPerMinute: 10,
      perAddressPerMinute: 20,
      registrationsPerAddressPerHour: 5,
      mailbox: { maxEnvelopes: 30, maxBytes: 40 },
      storageMaxBytes: 50,
      links: { perAddressPerMinute: 50, maxLivePerIdentity: 60 },
      folders: { ...DEFAULT_LIMITS.folders, maxTotalBytes: 70 },
    },
    pagesDir: '/srv/pages',
  });
});

it('refuses bad values, naming each variable', () => {
  expect(() => readRelayConfig({ PORT: '70000' })).toThrow(/PORT/);
  expect(() => readRelayConfig({ PORT: 'http' })).toThrow(/PORT/);
  const both = () => readRelayConfig({ RATE_LIMIT_PER_IDENTITY: '0', TRUST_PROXY: 'yes' });
  expect(both).toThrow(/RATE_LIMIT_PER_IDENTITY/);
  expect(both).toThrow(/TRUST_PROXY/);
  expect(() => readRelayConfig({ DATABASE_SCHEMA: 'x; DROP TABLE identities' })).toThrow(/DATABASE_SCHEMA/);
  expect(() => readRelayConfig({ RELAY_WORKERS: '0' })).toThrow(/RELAY_WORKERS/);
  expect(() => readRelayConfig({ FOLDERS_MAX_TOTAL_BYTES: '1GB' })).toThrow(/FOLDERS_MAX_TOTAL_BYTES/);
});

it('RELAY_WORKERS=auto runs one process per core', () => {
  expect(readRelayConfig({ RELAY_WORKERS: 'auto' }).workers).toBeGreaterThanOrEqual(1);
});
