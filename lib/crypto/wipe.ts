/**
 * Best-effort wiping of key material. JavaScript gives no guarantee: engines may have copied the
 * bytes (string conversions, GC moves). Zeroing still shortens how long the bytes sit in our buffers.
 */

/**
 * Overwrites every given buffer with zeros.
 * @param buffers - byte arrays to clear; `undefined` entries are skipped
 */
export function wipe(...buffers: (Uint8Array | undefined)[]): void {
  for (const buffer of buffers) buffer?.fill(0);
}
