/** parseSaveReply: the content script's hand-written check of the background's replies, to the zod schemas' limits. */
import { describe, expect, it } from 'vitest';
import { parseSaveReply } from '../../../../lib/autofill/content/prompts/parse-save-reply';
import { autofillSaveMessages } from '../../../../lib/autofill/autofill-save-messages';

const OFFER = { id: 'ab'.repeat(16), action: 'update', host: 'shop.example.com', username: 'dana' };
const MALFORMED = { ok: false, code: 'internal', message: 'The Sealpass background gave a malformed answer.' };

describe('parseSaveReply', () => {
  it('accepts every well-formed reply, and agrees with the zod response schemas on them', () => {
    expect(parseSaveReply({ ok: true, offer: OFFER })).toEqual({ ok: true, offer: OFFER, outcome: null, password: null });
    expect(parseSaveReply({ ok: true, offer: null })).toEqual({ ok: true, offer: null, outcome: null, password: null });
    expect(parseSaveReply({ ok: true, outcome: 'updated' })).toMatchObject({ ok: true, outcome: 'updated' });
    expect(parseSaveReply({ ok: true, password: 'Pw-1' })).toMatchObject({ ok: true, password: 'Pw-1' });
    expect(parseSaveReply({ ok: true })).toEqual({ ok: true, offer: null, outcome: null, password: null });
    expect(autofillSaveMessages.savePending.response.safeParse({ offer: OFFER }).success).toBe(true);
    expect(autofillSaveMessages.saveAccept.response.safeParse({ outcome: 'updated' }).success).toBe(true);
  });

  it('passes an error through, cut to a sane length', () => {
    expect(parseSaveReply({ ok: false, error: { code: 'locked', message: 'Locked.' } })).toEqual({ ok: false, code: 'locked', message: 'Locked.' });
    const long = parseSaveReply({ ok: false, error: { code: 'x'.repeat(100), message: 'm'.repeat(1_000) } });
    expect(long).toMatchObject({ ok: false });
    if (!long.ok) expect([long.code.length, long.message.length]).toEqual([64, 500]);
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'ok'],
    ['an array', [1]],
    ['no ok', { offer: null }],
    ['an error without a code', { ok: false, error: { message: 'x' } }],
    ['a short offer id', { ok: true, offer: { ...OFFER, id: 'abc' } }],
    ['an unknown action', { ok: true, offer: { ...OFFER, action: 'delete' } }],
    ['a host that is too long', { ok: true, offer: { ...OFFER, host: 'h'.repeat(254) } }],
    ['a username that is too long', { ok: true, offer: { ...OFFER, username: 'u'.repeat(4_097) } }],
    ['an unknown outcome', { ok: true, outcome: 'deleted' }],
    ['an empty password', { ok: true, password: '' }],
    ['a password that is not a string', { ok: true, password: 42 }],
  ])('%s → malformed (internal)', (_name, raw) => {
    expect(parseSaveReply(raw)).toEqual(MALFORMED);
  });
});
