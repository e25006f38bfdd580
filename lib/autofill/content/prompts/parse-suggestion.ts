/**
 * Validates the background's answer to `generatorSuggest` inside the prompts script, by hand and to the same
 * limits as its zod schema in autofill-save-messages (the content side loads no zod).
 */
import type { GeneratedEntry } from '../../autofill-save-messages';
import { MAX_SHORT } from '../../../vault/model/item-limits';

/** A suggestion as the generator menu shows it. */
export interface Suggestion {
  password: string;
  /** Which rules it follows, in words. */
  description: string;
  /** Passwords filled on this origin before, newest first (ids and times only). */
  history: GeneratedEntry[];
}

/** Most history entries a reply may list (MAX_GENERATED_HISTORY). */
const MAX_HISTORY = 10;

/**
 * @param raw - whatever `runtime.sendMessage` resolved with
 * @returns the suggestion, or null for a refusal or anything malformed
 * @example parseSuggestion({ ok: true, password: 'x7-Q…', description: '20 characters: …', history: [] });
 */
export function parseSuggestion(raw: unknown): Suggestion | null {
  const reply = raw as Record<string, unknown> | null;
  if (typeof reply !== 'object' || reply === null || reply.ok !== true) return null;
  const { password, description, history } = reply;
  if (typeof password !== 'string' || password.length === 0 || password.length > MAX_SHORT) return null;
  if (typeof description !== 'string' || description.length > 500) return null;
  if (!Array.isArray(history) || history.length > MAX_HISTORY) return null;
  const entries: GeneratedEntry[] = [];
  for (const entry of history as unknown[]) {
    const { id, at } = (entry ?? {}) as Record<string, unknown>;
    if (typeof id !== 'string' || !/^[0-9a-f]{32}$/.test(id) || typeof at !== 'number' || !Number.isFinite(at)) return null;
    entries.push({ id, at });
  }
  return { password, description, history: entries };
}
