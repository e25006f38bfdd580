/** Validates the background's prompt requests (lib/autofill/prompt-request) inside the prompts script, by hand. */
import type { PromptRequest } from '../../prompt-request';
import { parseOffer } from './parse-save-reply';

/** A one-time code as the background generates it (RFC 6238 digits, or Steam's letters): 1–16 characters. */
const ONE_TIME_CODE = /^[0-9A-Za-z]{1,16}$/;

/**
 * @param raw - anything `runtime.onMessage` delivered to this frame
 * @returns the request, or null for anything else (a fill request for the content script, junk)
 * @example parsePromptRequest({ kind: 'sealpass-prompt', prompt: 'generator' }); // the same object
 */
export function parsePromptRequest(raw: unknown): PromptRequest | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (r.kind !== 'sealpass-prompt') return null;
  if ((r.prompt === 'generator' || r.prompt === 'watch') && Object.keys(r).length === 2) return { kind: 'sealpass-prompt', prompt: r.prompt };
  if (r.prompt === 'copy') {
    return typeof r.text === 'string' && ONE_TIME_CODE.test(r.text) && Object.keys(r).length === 3 ? { kind: 'sealpass-prompt', prompt: 'copy', text: r.text } : null;
  }
  if (r.prompt !== 'save' || Object.keys(r).length !== 3) return null;
  const offer = parseOffer(r.offer);
  return offer === undefined ? null : { kind: 'sealpass-prompt', prompt: 'save', offer };
}
