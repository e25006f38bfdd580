/** The user's non-secret preferences (readable while locked) and their defaults: the one definition. */
import { z } from 'zod';
import { MAX_ROTATION_DAYS } from './item-limits';

/** The generator's options as last used (issue 17: it remembers them); bounds as lib/generator enforces. */
export const generatorPrefsSchema = z.object({
  mode: z.enum(['password', 'passphrase']),
  length: z.number().int().min(4).max(128),
  lower: z.boolean(),
  upper: z.boolean(),
  digits: z.boolean(),
  symbols: z.boolean(),
  avoidAmbiguous: z.boolean(),
  words: z.number().int().min(3).max(20),
  separator: z.string().max(8),
  capitalize: z.boolean(),
  includeNumber: z.boolean(),
});

/** Hosts a breach-check mirror may use plain http on: this machine only (a local mirror, tests). */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Where the online breach check asks (Have I Been Pwned's range API or a mirror speaking it): https, or
 * http on this machine; the 5-hex prefix is appended to it.
 */
export const breachRangeUrlSchema = z
  .string()
  .max(2_048)
  .refine((text) => {
    try {
      const url = new URL(text);
      return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
    } catch {
      return false;
    }
  }, 'must be an https:// address (http:// only on this machine)');

/** Have I Been Pwned's own range API. */
export const DEFAULT_BREACH_RANGE_URL = 'https://api.pwnedpasswords.com/range/';

export const settingsSchema = z.object({
  /** Minutes of inactivity before the vault locks itself; 0 = never. */
  autoLockMinutes: z.number().int().min(0).max(24 * 60),
  /** Seconds before a copied secret is cleared from the clipboard; 0 = never. */
  clipboardSeconds: z.number().int().min(0).max(600),
  /** Days after which a login's password is due for rotation, unless the login sets its own; absent = 90. */
  rotationDays: z.number().int().min(1).max(MAX_ROTATION_DAYS).optional(),
  /** The generator's last options; absent = its defaults. */
  generator: generatorPrefsSchema.optional(),
  /** The opt-in online breach check (Health): off unless set; `rangeUrl` may point at a self-hosted mirror. */
  breachCheck: z.object({ enabled: z.boolean(), rangeUrl: breachRangeUrlSchema }).optional(),
  /** The newest "a share you received ended" notice the user dismissed (an audit sequence number). */
  endedNoticesSeen: z.number().int().nonnegative().optional(),
});

export type Settings = z.infer<typeof settingsSchema>;
export type GeneratorPrefs = z.infer<typeof generatorPrefsSchema>;

/** Defaults: lock after 15 idle minutes, clear the clipboard after 30 s, rotation after 90 days (health). */
export const DEFAULT_SETTINGS: Settings = { autoLockMinutes: 15, clipboardSeconds: 30 };
