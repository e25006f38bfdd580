/** item-form: the add/edit form's checks and its conversion to and from the protocol's item shapes. */
import { describe, expect, it } from 'vitest';
import { checkDraft, draftFromContent, emptyDraft, normaliseTotp, normaliseUrl, parseTags } from '../../../components/items/item-form';
import { inputFromContent } from '../../../lib/vault/model/item-fields';
import { itemInputSchema, type ItemContent } from '../../../lib/vault/model/item-schema';

describe('checkDraft', () => {
  it('builds a login the protocol accepts', () => {
    const result = checkDraft({
      ...emptyDraft('login'),
      title: '  GitHub ',
      username: 'alice',
      password: ' spaced pw ',
      urls: ['github.com/login', '', 'https://github.com/login'],
      totp: 'jbsw y3dp ehpk 3pxp',
      tags: 'work, code ,Work',
      fields: [{ name: 'PIN', value: '1234', hidden: true }, { name: '', value: '', hidden: false }],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.input).toMatchObject({
      type: 'login',
      title: 'GitHub',
      password: ' spaced pw ',
      urls: ['https://github.com/login'],
      totp: 'JBSWY3DPEHPK3PXP',
      tags: ['work', 'code'],
      fields: [{ name: 'PIN', value: '1234', hidden: true }],
      match: 'origin',
    });
    expect(itemInputSchema.safeParse(result.input).success).toBe(true);
  });

  it('builds a note without login fields', () => {
    const result = checkDraft({ ...emptyDraft('note'), title: 'Wi-Fi', notes: 'pw: x', username: 'ignored' });
    expect(result).toEqual({
      ok: true,
      input: { type: 'note', title: 'Wi-Fi', notes: 'pw: x', fields: [], folder: '', tags: [], favourite: false },
    });
  });

  it('puts an error next to each bad field', () => {
    const result = checkDraft({
      ...emptyDraft('login'),
      title: ' ',
      urls: ['javascript:alert(1)', 'ok.example'],
      totp: 'not base32!',
      fields: [{ name: '', value: 'orphan', hidden: false }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['field.0.name', 'title', 'totp', 'url.0']);
  });
});

describe('normaliseUrl', () => {
  it('adds https:// to bare hosts and keeps ports', () => {
    expect(normaliseUrl('example.com')).toBe('https://example.com/');
    expect(normaliseUrl('localhost:8080/login')).toBe('https://localhost:8080/login');
    expect(normaliseUrl('http://127.0.0.1:3000')).toBe('http://127.0.0.1:3000/');
  });
  it('refuses what is not a web address', () => {
    expect(normaliseUrl('javascript:alert(1)')).toBeNull();
    expect(normaliseUrl('file:///etc/passwd')).toBeNull();
    expect(normaliseUrl('')).toBeNull();
  });
});

describe('normaliseTotp', () => {
  it('accepts grouped base32 and otpauth URIs', () => {
    expect(normaliseTotp('abcd-efgh 2345')).toBe('ABCDEFGH2345');
    expect(normaliseTotp('otpauth://totp/x?secret=ABC')).toBe('otpauth://totp/x?secret=ABC');
    expect(normaliseTotp('')).toBe('');
    expect(normaliseTotp('1890')).toBeNull();
  });
});

describe('parseTags', () => {
  it('trims, drops empties and case-insensitive duplicates', () => {
    expect(parseTags(' a, ,b,A ,c ')).toEqual(['a', 'b', 'c']);
  });
});

describe('draftFromContent / inputFromContent', () => {
  const content: ItemContent = {
    type: 'login', title: 'T', notes: 'n', fields: [], folder: 'F', tags: ['x', 'y'], favourite: true,
    username: 'u', password: 'p', urls: ['https://a.example/'], totp: '', match: 'domain',
    createdAt: 1, updatedAt: 2, passwordHistory: [{ password: 'old', changedAt: 1 }],
  };
  it('round-trips a login through the form unchanged', () => {
    const result = checkDraft(draftFromContent(content));
    expect(result.ok && result.input).toEqual(inputFromContent(content));
  });
  it('leaves out the fields the vault keeps itself', () => {
    expect(inputFromContent(content)).not.toHaveProperty('passwordHistory');
    expect(inputFromContent(content)).not.toHaveProperty('updatedAt');
  });
});
