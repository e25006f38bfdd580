/**
 * The toolbar icon's badge: one count per source (rotation reminders now, the sharing inbox later), shown as
 * their sum. The counts live in `storage.session`, so a service-worker restart does not lose one source's
 * count when another sets its own; the browser clears both at restart.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import type { Badge, BadgeSource } from '../vault-service/context/core-deps';

const KEY = 'badgeCounts';
/** Above this the badge shows "99+": Chrome's badge fits about four characters. */
export const MAX_SHOWN_COUNT = 99;
/** Sealpass's attention colour (the vault page's error red). */
export const BADGE_COLOUR = '#b3261e';

const countsSchema = z.record(z.string(), z.number().int().nonnegative());

let queue: Promise<unknown> = Promise.resolve();

/**
 * Sets `source`'s count and shows the sum of every source on the toolbar icon ('' hides the badge).
 * Calls run one after another, so two sources updating at once do not lose each other's count.
 * @param n - a count ≥ 0; fractions are rounded down, anything else counts as 0
 * @example await setBadgeCount('rotation', 3); // badge "3"; with inbox 2 as well: "5"
 */
export function setBadgeCount(source: BadgeSource, n: number): Promise<void> {
  const run = queue.then(async () => {
    const stored = countsSchema.safeParse((await browser.storage.session.get(KEY))[KEY]);
    const counts = { ...(stored.success ? stored.data : {}), [source]: Number.isFinite(n) && n > 0 ? Math.floor(n) : 0 };
    await browser.storage.session.set({ [KEY]: counts });
    const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
    // Firefox's MV2 build has browserAction where MV3 has action.
    const action = browser.action ?? browser.browserAction;
    await action.setBadgeBackgroundColor({ color: BADGE_COLOUR });
    await action.setBadgeText({ text: total === 0 ? '' : total > MAX_SHOWN_COUNT ? `${MAX_SHOWN_COUNT}+` : String(total) });
  });
  queue = run.catch(() => undefined);
  return run;
}

/** The real badge (CoreDeps.badge). */
export const toolbarBadge: Badge = { setBadgeCount };
