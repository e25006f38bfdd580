/**
 * What the sharing handlers need from the browser beyond the vault: a fetch to reach the relay, and the
 * alarm that deletes received copies at their expiry even while offline. The background passes the real
 * one (lib/browser/browser-sharing-platform); tests pass a fetch into an in-process relay and a recorder.
 */

export interface SharingPlatform {
  /** The fetch the relay client uses (the global one in the extension, `app.request` in tests). */
  fetch: typeof fetch;
  /** Arms the expiry alarm for `at` (ms since epoch), replacing any earlier one; null clears it. */
  scheduleExpiry(at: number | null): Promise<void>;
}

/** What sharing's handlers need beyond the core (HandlerContext's `D`). */
export interface SharingDeps {
  /**
   * Sharing's browser parts: the relay fetch and the expiry alarm (lib/browser/sharing-alarms). Absent
   * where a service is built without sharing (other features' tests): sharing messages then fail.
   */
  sharing?: SharingPlatform;
}
