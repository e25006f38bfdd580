/**
 * Sizes of the folder formats that the client checks before it signs or sends (issue 13). The entry, log and
 * message sizes are the relay's own (lib/relay-protocol/relay-limits.ts), so client and relay cannot drift.
 */
export { MAX_FOLDER_ENTRY_BYTES, MAX_FOLDER_LOG_ENTRIES as MAX_FOLDER_ENTRIES, MAX_FOLDER_MESSAGE_BYTES } from '../../relay-protocol/relay-limits';

/** Longest folder name, characters. */
export const MAX_FOLDER_NAME_LENGTH = 200;
