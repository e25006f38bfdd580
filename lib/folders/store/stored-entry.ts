/**
 * A log entry as this client kept it in its folder record: the JSON text the relay served, verified by the
 * replay when it was taken in. Reading it again only parses it (no signature check: the record is sealed).
 */
import { logEntrySchema, type LogEntry } from '../format/log/log-entry';

/** @throws SyntaxError or ZodError for a text that is not an entry (a record written by another version) */
export function storedEntry(text: string): LogEntry {
  return logEntrySchema.parse(JSON.parse(text));
}
