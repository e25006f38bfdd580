/** Tells received items' ids ("shared-" and 32 hex digits, see received-item-id.ts) from vault items' (32 hex digits). */

/** True for the id of a received item; safe to call from the UI (no crypto imports). */
export function isReceivedItemId(id: string): boolean {
  return /^shared-[0-9a-f]{32}$/.test(id);
}
