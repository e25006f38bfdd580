/**
 * What a password-health analysis returns to the vault page (lib/health/analyze-health): findings that name
 * items by id, title, username and address, never a password, a hash of one, or a strength guess about one
 * beyond its 0..4 score.
 */
import { z } from 'zod';

/** The item a finding is about, and where to fix it. */
export const healthItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  username: z.string(),
  /** The login's first saved address; `''` when it has none. */
  url: z.string(),
  /** The site's `passwordrules` (Apple's quirks), for generating a password it accepts; null when unknown. */
  passwordRules: z.string().nullable(),
  /** The site's change-password page (quirks, else /.well-known/change-password); null without a web address. */
  changePasswordUrl: z.string().nullable(),
});

/** A login whose password scores below 3 (zxcvbn-ts, lib/strength). */
export const weakFindingSchema = healthItemSchema.extend({ score: z.number().int().min(0).max(2) });

/** Logins on at least two different sites (registrable domains) that share one password. */
export const reuseGroupSchema = z.object({
  /** Distinct sites in the group; a login without an address counts as a site of its own. */
  sites: z.number().int().min(2),
  items: z.array(healthItemSchema).min(2),
});

/** A login whose password is older than its rotation period. Times in ms since epoch. */
export const oldFindingSchema = healthItemSchema.extend({
  /** When the current password was set (see lib/health/password-set-at). */
  passwordSetAt: z.number().int(),
  /** The period that applies: the login's own, else the global default, in days. */
  rotationDays: z.number().int().positive(),
  dueAt: z.number().int(),
  /** Set when reminders are snoozed; such logins are listed under `snoozed`, not `old`. */
  snoozedUntil: z.number().int().nullable(),
});

/** A login whose password's SHA-1 is in the loaded breach list. */
export const breachedFindingSchema = healthItemSchema.extend({
  /**
   * `hash`: the full 40-hex SHA-1 was listed; `prefix`: a listed prefix (≥ 5 hex) matched; `online`: the
   * online range check (Have I Been Pwned or a mirror) knows it.
   */
  matchedBy: z.enum(['hash', 'prefix', 'online']),
  /** The list's `:count` for a full-hash match (HIBP format) or the online count, else null. */
  count: z.number().int().nonnegative().nullable(),
});

/** What the breach list held and what was wrong with it. */
export const breachListSummarySchema = z.object({
  /** Full 40-hex hashes, de-duplicated. */
  hashes: z.number().int().nonnegative(),
  /** Prefixes of 5..39 hex, de-duplicated. */
  prefixes: z.number().int().nonnegative(),
  /** Lines that were neither blank, a comment, a hash nor a prefix. */
  malformed: z.number().int().nonnegative(),
  /** 1-based numbers of the first malformed lines (at most 20), so the user can find them. */
  malformedLines: z.array(z.number().int().positive()),
});

/** What the online breach check asked and whether every prefix was answered. */
export const onlineCheckSummarySchema = z.object({
  /** The service's host, e.g. api.pwnedpasswords.com. */
  host: z.string(),
  /** Distinct 5-hex prefixes asked (the only thing sent). */
  asked: z.number().int().nonnegative(),
  /** Prefixes not answered; their passwords were not checked online. */
  failed: z.number().int().nonnegative(),
  /** Why some failed, in words safe to show; null when all were answered. */
  error: z.string().nullable(),
});

/**
 * Background scoring's progress: `done` logins scored in this run, of `total` (done + still waiting); `stalled`
 * when the last attempt failed (the view offers to try again, which resumes where it stopped).
 */
export const scoringProgressSchema = z.object({
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  stalled: z.boolean(),
});

/** The whole report. */
export const healthReportSchema = z.object({
  analyzedAt: z.number().int(),
  /** Global rotation period used for logins without their own, in days. */
  defaultRotationDays: z.number().int().positive(),
  counts: z.object({
    /** Live logins with a password: what was analysed. */
    logins: z.number().int().nonnegative(),
    weak: z.number().int().nonnegative(),
    /** Logins in a reuse group (not groups). */
    reused: z.number().int().nonnegative(),
    old: z.number().int().nonnegative(),
    breached: z.number().int().nonnegative(),
    snoozed: z.number().int().nonnegative(),
    /** Records that did not decrypt and so were not analysed (S8). */
    quarantined: z.number().int().nonnegative(),
    /** Logins whose strength the background has not scored yet: not in `weak` until it has (issue 15). */
    unscored: z.number().int().nonnegative(),
    /** Logins saved by an older build whose health the background has not read yet: in no list until it has. */
    unknown: z.number().int().nonnegative(),
  }),
  weak: z.array(weakFindingSchema),
  reused: z.array(reuseGroupSchema),
  old: z.array(oldFindingSchema),
  /** Due, but reminders snoozed. */
  snoozed: z.array(oldFindingSchema),
  breached: z.array(breachedFindingSchema),
  /** Null when no breach list was given. */
  breachList: breachListSummarySchema.nullable(),
  /** The online check's outcome; null when it is off. */
  onlineCheck: onlineCheckSummarySchema.nullable(),
  /** Background strength scoring under way (an import, logins of an older build), or null. */
  scoring: scoringProgressSchema.nullable(),
});

export type HealthItem = z.infer<typeof healthItemSchema>;
export type WeakFinding = z.infer<typeof weakFindingSchema>;
export type ReuseGroup = z.infer<typeof reuseGroupSchema>;
export type OldFinding = z.infer<typeof oldFindingSchema>;
export type BreachedFinding = z.infer<typeof breachedFindingSchema>;
export type BreachListSummary = z.infer<typeof breachListSummarySchema>;
export type OnlineCheckSummary = z.infer<typeof onlineCheckSummarySchema>;
export type HealthReport = z.infer<typeof healthReportSchema>;
export type ScoringProgress = z.infer<typeof scoringProgressSchema>;
