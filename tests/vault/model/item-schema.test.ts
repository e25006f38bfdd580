/** The item schemas: what a message may carry, defaults, limits, and fields the user cannot set. */
import { describe, expect, it } from 'vitest';
import { MAX_SHORT, MAX_TEXT } from '../../../lib/vault/model/item-limits';
import { itemContentSchema, itemInputSchema, itemSummarySchema } from '../../../lib/vault/model/item-schema';
import { loginInput, noteInput, T0 } from '../fixtures';

describe('itemInputSchema', () => {
  it('fills defaults for a login and a note', () => {
    expect(itemInputSchema.parse({ type: 'login', title: 't' })).toEqual({
      type: 'login', title: 't', notes: '', fields: [], folder: '', tags: [], favourite: false,
      username: '', password: '', urls: [], totp: '', match: 'origin',
    });
    expect(itemInputSchema.parse({ type: 'note', title: 't' })).toEqual({ type: 'note', title: 't', notes: '', fields: [], folder: '', tags: [], favourite: false });
  });

  it('drops fields the vault keeps for itself (history, times): a message cannot forge them', () => {
    const parsed = itemInputSchema.parse({ ...loginInput(), passwordHistory: [{ password: 'x', changedAt: 1 }], createdAt: 1, updatedAt: 2 });
    expect(parsed).not.toHaveProperty('passwordHistory');
    expect(parsed).not.toHaveProperty('createdAt');
    expect(parsed).not.toHaveProperty('updatedAt');
  });

  it('keeps unicode text as typed', () => {
    const title = 'Ünïcødé 🔑 密码 \u0000 \u202e';
    expect(itemInputSchema.parse(loginInput({ title })).title).toBe(title);
  });

  it.each([
    ['empty title', loginInput({ title: '' })],
    ['title over MAX_SHORT', loginInput({ title: 'x'.repeat(MAX_SHORT + 1) })],
    ['password over MAX_SHORT', loginInput({ password: 'x'.repeat(MAX_SHORT + 1) })],
    ['notes over MAX_TEXT', noteInput({ notes: 'x'.repeat(MAX_TEXT + 1) })],
    ['51 URLs', loginInput({ urls: Array(51).fill('https://a.test') })],
    ['51 tags', loginInput({ tags: Array.from({ length: 51 }, (_, i) => `t${i}`) })],
    ['a 65-character tag', loginInput({ tags: ['x'.repeat(65)] })],
    ['201 custom fields', loginInput({ fields: Array(201).fill({ name: 'n', value: 'v', hidden: false }) })],
    ['unknown match mode', { ...loginInput(), match: 'anything' }],
    ['unknown type', { type: 'card', title: 'x' }],
  ])('refuses %s', (_name, input) => {
    expect(itemInputSchema.safeParse(input).success).toBe(false);
  });

  it('accepts the limits themselves', () => {
    expect(itemInputSchema.safeParse(loginInput({ title: 'x'.repeat(MAX_SHORT), tags: ['x'.repeat(64)] })).success).toBe(true);
  });
});

describe('itemContentSchema', () => {
  it('a login without history reads as an empty history', () => {
    const parsed = itemContentSchema.parse({ ...loginInput(), createdAt: T0, updatedAt: T0 });
    expect(parsed).toMatchObject({ type: 'login', passwordHistory: [] });
  });

  it('refuses negative times', () => {
    expect(itemContentSchema.safeParse({ ...noteInput(), createdAt: -1, updatedAt: T0 }).success).toBe(false);
  });
});

describe('itemSummarySchema', () => {
  it('a quarantined row carries only its id', () => {
    expect(itemSummarySchema.parse({ state: 'quarantined', id: 'x', title: 'leak' })).toEqual({ state: 'quarantined', id: 'x' });
  });
});
