/**
 * Sizes of the folder formats that the client checks before it signs or sends (issue 13). The relay checks
 * the same numbers on its side (lib/relay-protocol/relay-limits.ts on the relay branch); keep them equal.
 */

/** Largest serialised log entry, bytes of its UTF-8 JSON (16 KiB: an X-Wing key is 1,624 base64 characters). */
export const MAX_FOLDER_ENTRY_BYTES = 16 * 1024;

/** Most entries a folder's log may hold. */
export const MAX_FOLDER_ENTRIES = 10_000;

/** Largest serialised folder message, bytes of its UTF-8 JSON (64 KiB). */
export const MAX_FOLDER_MESSAGE_BYTES = 64 * 1024;

/** Longest folder name, characters. */
export const MAX_FOLDER_NAME_LENGTH = 200;
