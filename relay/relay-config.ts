/** The relay's settings, read from environment variables and checked before anything starts. */
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { DEFAULT_LIMITS, type RelayLimits } from './relay-deps';

const positiveInt = (fallback: number) =>
  z
    .string()
    .regex(/^[1-9][0-9]*$/, 'a positive whole number')
    .transform(Number)
    .optional()
    .transform((value) => value ?? fallback);

const envSchema = z.object({
  PORT: z
    .string()
    .regex(/^(0|[1-9][0-9]{0,4})$/, 'a port number (0 picks a free one)')
    .transform(Number)
    .pipe(z.number().max(65535))
    .optional()
    .transform((value) => value ?? 8787),
  HOST: z.string().min(1).optional().transform((value) => value ?? '127.0.0.1'),
  DATA_DIR: z.string().min(1).optional().transform((value) => value ?? 'data'),
  DATABASE_URL: z.string().min(1).optional(),
  DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'a lowercase SQL identifier').optional(),
  TRUST_PROXY: z.enum(['0', '1']).optional().transform((value) => value === '1'),
  PURGE_INTERVAL_MS: positiveInt(60_000),
  RELAY_WORKERS: z
    .string()
    .regex(/^(auto|[1-9][0-9]{0,2})$/, '`auto` (one per core) or a number of processes')
    .optional()
    .transform((value) => (value === undefined ? 1 : value === 'auto' ? availableParallelism() : Number(value))),
  RATE_LIMIT_PER_IDENTITY: positiveInt(DEFAULT_LIMITS.perIdentityPerMinute),
  RATE_LIMIT_PER_ADDRESS: positiveInt(DEFAULT_LIMITS.perAddressPerMinute),
  REGISTRATIONS_PER_ADDRESS_PER_HOUR: positiveInt(DEFAULT_LIMITS.registrationsPerAddressPerHour),
  MAILBOX_MAX_ENVELOPES: positiveInt(DEFAULT_LIMITS.mailbox.maxEnvelopes),
  MAILBOX_MAX_BYTES: positiveInt(DEFAULT_LIMITS.mailbox.maxBytes),
  STORAGE_MAX_BYTES: positiveInt(DEFAULT_LIMITS.storageMaxBytes),
  // Shared folders (issue 13): bytes of messages all folders may hold together.
  FOLDERS_MAX_TOTAL_BYTES: positiveInt(DEFAULT_LIMITS.folders.maxTotalBytes),
  // One-time links and secret requests (issue 14).
  LINK_RATE_LIMIT_PER_ADDRESS: positiveInt(DEFAULT_LIMITS.links.perAddressPerMinute),
  LINKS_MAX_PER_IDENTITY: positiveInt(DEFAULT_LIMITS.links.maxLivePerIdentity),
  PAGES_DIR: z.string().min(1).optional().transform((value) => value ?? '.output/relay-pages'),
});

export interface RelayConfig {
  port: number;
  host: string;
  /** Where the SQLite file goes when there is no DATABASE_URL. */
  dataDir: string;
  /** PostgreSQL connection string; when set, the relay uses PostgreSQL instead of SQLite. */
  databaseUrl: string | undefined;
  /** PostgreSQL schema for the relay's tables (created if missing); `public` when unset. */
  databaseSchema: string | undefined;
  /** Take the client address from the last X-Forwarded-For entry (only behind a proxy that sets it). */
  trustProxy: boolean;
  purgeIntervalMs: number;
  /** Processes serving on the one port (node:cluster) over the one store; 1 runs no cluster. */
  workers: number;
  limits: RelayLimits;
  /** Where the built link and request pages are (scripts/build-relay-pages.mjs). */
  pagesDir: string;
}

/**
 * Reads the configuration (README, "Relay").
 * @param env - usually process.env
 * @throws Error naming every bad variable and what it should be
 */
export function readRelayConfig(env: Record<string, string | undefined>): RelayConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`bad configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    databaseSchema: e.DATABASE_SCHEMA,
    trustProxy: e.TRUST_PROXY,
    purgeIntervalMs: e.PURGE_INTERVAL_MS,
    workers: e.RELAY_WORKERS,
    limits: {
      perIdentityPerMinute: e.RATE_LIMIT_PER_IDENTITY,
      perAddressPerMinute: e.RATE_LIMIT_PER_ADDRESS,
      registrationsPerAddressPerHour: e.REGISTRATIONS_PER_ADDRESS_PER_HOUR,
      mailbox: { maxEnvelopes: e.MAILBOX_MAX_ENVELOPES, maxBytes: e.MAILBOX_MAX_BYTES },
      storageMaxBytes: e.STORAGE_MAX_BYTES,
      links: { perAddressPerMinute: e.LINK_RATE_LIMIT_PER_ADDRESS, maxLivePerIdentity: e.LINKS_MAX_PER_IDENTITY },
      // Shared folders (issue 13): the protocol's ceilings (lib/relay-protocol/relay-limits), not configurable,
      // and the relay-wide budget, which is.
      folders: { ...DEFAULT_LIMITS.folders, maxTotalBytes: e.FOLDERS_MAX_TOTAL_BYTES },
    },
    pagesDir: e.PAGES_DIR,
  };
}
