/**
 * The background's clock in end-to-end test builds only (built with WXT_SEALPASS_E2E_CLOCK=1): the real
 * time plus an offset the sharing E2E suite sets on the service worker's global, so a share's expiry can
 * be reached without waiting for it. Release builds never import this (the flag is replaced at build
 * time and the branch is dropped).
 */

/** @returns a clock, ms since epoch, that reads `globalThis.sealpassE2eClockOffsetMs` at every call */
export function e2eClock(): () => number {
  return () => Date.now() + Number((globalThis as { sealpassE2eClockOffsetMs?: unknown }).sealpassE2eClockOffsetMs ?? 0);
}
