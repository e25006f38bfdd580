/**
 * How big an item may be: the one place these limits live. Plain numbers, no zod, so the content script
 * (which must stay small and schema-free) can check replies against the same limits as the background.
 */

/** Longest text field accepted, in characters (notes, custom field values). */
export const MAX_TEXT = 100_000;
/** Longest short field (title, username, password, URL, TOTP secret), in characters. */
export const MAX_SHORT = 4_096;
/** Longest folder name, in characters. */
export const MAX_FOLDER = 256;
/** Longest tag, in characters. */
export const MAX_TAG = 64;
/** Most tags on one item. */
export const MAX_TAGS = 50;
/** Most URLs on one login. */
export const MAX_URLS = 50;
/** Most custom fields on one item. */
export const MAX_FIELDS = 200;
/** Earlier passwords kept per login; older ones are dropped. */
export const MAX_PASSWORD_HISTORY = 100;
/** Longest rotation period a login or the settings accept, in days (10 years). */
export const MAX_ROTATION_DAYS = 3_650;
/** Longest sharing handle, in characters (relay-protocol's handle rule is stricter). */
export const MAX_HANDLE = 64;
