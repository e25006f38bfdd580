/**
 * The one message the background sends to a tab's content script: "the user asked to fill here" (keyboard
 * shortcut, context menu or the popup's Fill button). It carries a one-time grant that the background checks
 * when the content script asks for the credential, never a credential itself (S3). Parsed by hand, not with
 * zod: the content script must stay under its 30 KB budget, and zod alone would take half of it.
 */

/** What asked for the fill; the content script treats all three alike. */
export type FillSource = 'shortcut' | 'context-menu' | 'popup';

/** Background → content script. */
export interface FillRequest {
  kind: 'sealpass-fill';
  /** One-time grant: 16 random bytes as hex, bound to this tab (and frame, when the background knows it). */
  grant: string;
  /** The login the user chose in the popup; null lets the content script offer the page's matches. */
  id: string | null;
  source: FillSource;
  /** Shortcut only: sent to every frame, so only the frame that has the keyboard focus acts. */
  requireFocus: boolean;
}

/** What the content script did with a fill request. */
export type FillOutcome = 'filled' | 'menu' | 'no-form' | 'refused' | 'failed';

const GRANT = /^[0-9a-f]{32}$/;
const SOURCES: readonly string[] = ['shortcut', 'context-menu', 'popup'];

/**
 * Validates a message received by the content script.
 * @param raw - anything `runtime.onMessage` delivered
 * @returns the request, or null for anything else (which the content script then ignores)
 * @example parseFillRequest({ kind: 'sealpass-fill', grant: '…32 hex…', id: null, source: 'shortcut', requireFocus: true })
 */
export function parseFillRequest(raw: unknown): FillRequest | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (r.kind !== 'sealpass-fill' || typeof r.grant !== 'string' || !GRANT.test(r.grant)) return null;
  if (!(r.id === null || (typeof r.id === 'string' && r.id.length > 0 && r.id.length <= 64))) return null;
  if (!SOURCES.includes(r.source as string) || typeof r.requireFocus !== 'boolean') return null;
  // Exactly the five fields checked above, as own data properties of a deserialised message: the object itself
  // is the request (no copy needed, which keeps the content script small).
  return Object.keys(r).length === 5 ? (r as unknown as FillRequest) : null;
}
