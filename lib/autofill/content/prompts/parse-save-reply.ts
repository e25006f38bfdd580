/**
 * Validates the background's replies to the save flow's messages inside the prompts script. Checked by
 * hand, to the same limits as the zod schemas in lib/autofill/autofill-save-messages.ts: no content-side code
 * loads zod (it would take half of the content script's 30 KB budget).
 */
import type { SaveOffer } from '../../autofill-save-messages';
import { MAX_SHORT } from '../../../vault/model/item-limits';

/** A reply, reduced to what the content script uses; any field a reply lacks is `null`. */
export type SaveReply =
  | { ok: true; offer: SaveOffer | null; outcome: Outcome | null; password: string | null }
  | { ok: false; code: string; message: string };

type Outcome = 'created' | 'updated' | 'proposed' | 'unchanged';

const ACTIONS: readonly string[] = ['save', 'update', 'propose', 'locked'];
const OUTCOMES: readonly string[] = ['created', 'updated', 'proposed', 'unchanged'];
const MALFORMED: SaveReply = { ok: false, code: 'internal', message: 'The Sealpass background gave a malformed answer.' };

/**
 * @param raw - whatever `runtime.sendMessage` resolved with
 * @returns the reply; anything malformed becomes `{ ok: false, code: 'internal' }`
 * @example parseSaveReply({ ok: true, offer: null }); // { ok: true, offer: null, outcome: null, password: null }
 */
export function parseSaveReply(raw: unknown): SaveReply {
  if (!isRecord(raw)) return MALFORMED;
  if (raw.ok === false) {
    const error = raw.error;
    if (!isRecord(error) || typeof error.code !== 'string' || typeof error.message !== 'string') return MALFORMED;
    return { ok: false, code: error.code.slice(0, 64), message: error.message.slice(0, 500) };
  }
  if (raw.ok !== true) return MALFORMED;
  const offer = raw.offer === undefined || raw.offer === null ? null : parseOffer(raw.offer);
  if (offer === undefined) return MALFORMED;
  const outcome = raw.outcome === undefined ? null : raw.outcome;
  if (outcome !== null && (typeof outcome !== 'string' || !OUTCOMES.includes(outcome))) return MALFORMED;
  const password = raw.password === undefined ? null : raw.password;
  if (password !== null && (typeof password !== 'string' || password.length === 0 || password.length > MAX_SHORT)) return MALFORMED;
  return { ok: true, offer, outcome: outcome as Outcome | null, password };
}

/**
 * A valid offer, or `undefined` when malformed.
 * @param raw - an offer as the background sent it (in a reply, or in a prompt request)
 */
export function parseOffer(raw: unknown): SaveOffer | undefined {
  if (!isRecord(raw)) return undefined;
  const { id, action, host, username, owner, title } = raw;
  if (typeof id !== 'string' || !/^[0-9a-f]{32}$/.test(id)) return undefined;
  if (typeof action !== 'string' || !ACTIONS.includes(action)) return undefined;
  if (typeof host !== 'string' || host.length > 253) return undefined;
  if (typeof username !== 'string' || username.length > MAX_SHORT) return undefined;
  if (owner !== undefined && (typeof owner !== 'string' || owner.length > MAX_SHORT)) return undefined;
  if (title !== undefined && (typeof title !== 'string' || title.length > MAX_SHORT)) return undefined;
  // A proposal must name whom it goes to.
  if (action === 'propose' && owner === undefined) return undefined;
  return { id, action: action as SaveOffer['action'], host, username, ...(owner === undefined ? {} : { owner }), ...(title === undefined ? {} : { title }) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
