/** parsePromptRequest and parseSuggestion: the prompts script's hand-written checks of what the background sends. */
import { describe, expect, it } from 'vitest';
import { parsePromptRequest } from '../../../../lib/autofill/content/prompts/parse-prompt-request';
import { parseSuggestion } from '../../../../lib/autofill/content/prompts/parse-suggestion';

const OFFER = { id: 'ab'.repeat(16), action: 'save', host: 'shop.example.com', username: 'dana', title: 'Shop' };

describe('parsePromptRequest', () => {
  it('accepts the four prompts exactly', () => {
    expect(parsePromptRequest({ kind: 'sealpass-prompt', prompt: 'save', offer: OFFER })).toEqual({ kind: 'sealpass-prompt', prompt: 'save', offer: OFFER });
    expect(parsePromptRequest({ kind: 'sealpass-prompt', prompt: 'generator' })).toEqual({ kind: 'sealpass-prompt', prompt: 'generator' });
    expect(parsePromptRequest({ kind: 'sealpass-prompt', prompt: 'watch' })).toEqual({ kind: 'sealpass-prompt', prompt: 'watch' });
    expect(parsePromptRequest({ kind: 'sealpass-prompt', prompt: 'copy', text: '123456' })).toEqual({ kind: 'sealpass-prompt', prompt: 'copy', text: '123456' });
  });

  it.each([
    ['a fill request', { kind: 'sealpass-fill', grant: '0'.repeat(32), id: null, source: 'popup', requireFocus: false }],
    ['an unknown prompt', { kind: 'sealpass-prompt', prompt: 'fill' }],
    ['an extra field', { kind: 'sealpass-prompt', prompt: 'generator', password: 'x' }],
    ['a malformed offer', { kind: 'sealpass-prompt', prompt: 'save', offer: { ...OFFER, id: 'nope' } }],
    ['a proposal naming no owner', { kind: 'sealpass-prompt', prompt: 'save', offer: { ...OFFER, action: 'propose' } }],
    ['a copy without text', { kind: 'sealpass-prompt', prompt: 'copy' }],
    ['a copy of something that is no one-time code', { kind: 'sealpass-prompt', prompt: 'copy', text: 'hunter2 hunter2' }],
    ['a copy of a long text', { kind: 'sealpass-prompt', prompt: 'copy', text: '1'.repeat(17) }],
    ['a copy with an extra field', { kind: 'sealpass-prompt', prompt: 'copy', text: '123456', offer: OFFER }],
    ['null', null],
    ['a string', 'sealpass-prompt'],
  ])('refuses %s', (_name, raw) => {
    expect(parsePromptRequest(raw)).toBeNull();
  });
});

describe('parseSuggestion', () => {
  const ok = { ok: true, password: 'Pw-1', description: '20 characters', history: [{ id: 'cd'.repeat(16), at: 1 }] };

  it('keeps a valid suggestion', () => {
    expect(parseSuggestion(ok)).toEqual({ password: 'Pw-1', description: '20 characters', history: ok.history });
  });

  it.each([
    ['a refusal', { ok: false, error: { code: 'internal', message: 'x' } }],
    ['an empty password', { ...ok, password: '' }],
    ['an oversized password', { ...ok, password: 'x'.repeat(4_097) }],
    ['a long description', { ...ok, description: 'x'.repeat(501) }],
    ['a history entry with a bad id', { ...ok, history: [{ id: 'x', at: 1 }] }],
    ['a history entry holding a password instead of a time', { ...ok, history: [{ id: 'cd'.repeat(16), at: 'pw' }] }],
    ['too long a history', { ...ok, history: Array.from({ length: 11 }, () => ok.history[0]) }],
  ])('refuses %s', (_name, raw) => {
    expect(parseSuggestion(raw)).toBeNull();
  });
});
