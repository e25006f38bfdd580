/** item-form and the per-login rotation period: empty means the default (0), whole days up to 3650, carried through edits. */
import { describe, expect, it } from 'vitest';
import { checkDraft, draftFromContent, emptyDraft } from '../../../components/items/item-form';
import { inputFromContent } from '../../../lib/vault/model/item-fields';
import { itemContentSchema } from '../../../lib/vault/model/item-schema';

const login = (rotationDays: string) => checkDraft({ ...emptyDraft('login'), title: 'T', rotationDays });

describe('item form: rotation period', () => {
  it('empty (or spaces) sends 0, the global default; digits send that many days', () => {
    expect(login('')).toMatchObject({ ok: true, input: { rotationDays: 0 } });
    expect(login('  ')).toMatchObject({ ok: true, input: { rotationDays: 0 } });
    expect(login('30')).toMatchObject({ ok: true, input: { rotationDays: 30 } });
    expect(login('3650')).toMatchObject({ ok: true, input: { rotationDays: 3650 } });
  });

  it.each(['abc', '1.5', '-3', '3651', '1e3'])('refuses %j with an error on the field', (text) => {
    const result = login(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors)).toEqual(['rotationDays']);
  });

  it('a note has no rotation period', () => {
    const result = checkDraft({ ...emptyDraft('note'), title: 'N', rotationDays: '30' });
    expect(result.ok && result.input).not.toHaveProperty('rotationDays');
  });

  it('an opened login keeps its period through the form and through a one-flag update', () => {
    const content = itemContentSchema.parse({ type: 'login', title: 'T', rotationDays: 45, createdAt: 1, updatedAt: 1 });
    expect(draftFromContent(content).rotationDays).toBe('45');
    expect(inputFromContent(content)).toMatchObject({ rotationDays: 45 });
    const result = checkDraft(draftFromContent(content));
    expect(result.ok && result.input).toEqual(inputFromContent(content));
  });
});
