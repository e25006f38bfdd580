/** parseFillRequest: the content script accepts exactly the background's fill request shape, nothing else. */
import { describe, expect, it } from 'vitest';
import { parseFillRequest } from '../../lib/autofill/fill-request';

const GRANT = '0123456789abcdef0123456789abcdef';
const valid = { kind: 'sealpass-fill', grant: GRANT, id: null, source: 'shortcut', requireFocus: true };

describe('parseFillRequest', () => {
  it('accepts the request, with or without a login id', () => {
    expect(parseFillRequest(valid)).toEqual(valid);
    expect(parseFillRequest({ ...valid, id: 'abc', source: 'popup', requireFocus: false })).toEqual({ ...valid, id: 'abc', source: 'popup', requireFocus: false });
  });

  it.each([
    ['null', null],
    ['a string', 'sealpass-fill'],
    ['another kind', { ...valid, kind: 'fill' }],
    ['a short grant', { ...valid, grant: 'abc' }],
    ['an upper-case grant', { ...valid, grant: GRANT.toUpperCase() }],
    ['an empty id', { ...valid, id: '' }],
    ['a numeric id', { ...valid, id: 7 }],
    ['an unknown source', { ...valid, source: 'page' }],
    ['requireFocus as a string', { ...valid, requireFocus: 'yes' }],
    ['an extra field (a value to fill)', { ...valid, password: 'x' }],
    ['a missing field', { kind: 'sealpass-fill', grant: GRANT, id: null, source: 'shortcut' }],
  ])('refuses %s', (_label, raw) => {
    expect(parseFillRequest(raw)).toBeNull();
  });
});
