/** decideSave: the save-or-update decision table after a submit (login, sign-up, change-password, identical). */
import { describe, expect, it } from 'vitest';
import { decideSave, type ReceivedLogin } from '../../../lib/autofill/background/decide-save';
import type { Submission } from '../../../lib/autofill/autofill-save-messages';
import type { Item } from '../../../lib/vault/model/item-schema';
import { contentOf, loginInput, noteInput, T0 } from '../../vault/fixtures';

const ORIGIN = 'https://accounts.example.com';

/** A saved login for ORIGIN (or `urls`), updated at T0 + `age`. */
function login(id: string, username: string, password: string, extra: Partial<Parameters<typeof loginInput>[0]> = {}, updated = 0): Item {
  const content = contentOf(loginInput({ username, password, urls: [`${ORIGIN}/signin`], ...extra }), T0 + updated);
  return { id, rev: 3, content };
}

function submit(fields: Partial<Submission>): Submission {
  return { username: '', currentPassword: '', newPassword: '', confirmPassword: '', ...fields };
}

describe('decideSave', () => {
  it('login with no saved item → create with the typed username and password', () => {
    expect(decideSave(submit({ username: ' alice ', currentPassword: 'pw-1' }), ORIGIN, [])).toEqual({
      action: 'create', username: 'alice', password: 'pw-1',
    });
  });

  it('login identical to a saved item (username case and spaces aside) → nothing', () => {
    const items = [login('a', 'Alice@Example.com', 'pw-1')];
    expect(decideSave(submit({ username: 'alice@example.com ', currentPassword: 'pw-1' }), ORIGIN, items)).toEqual({ action: 'none', reason: 'identical' });
  });

  it('identical credentials saved for another origin of the same site → still nothing to do', () => {
    const items = [login('a', 'alice', 'pw-1', { urls: ['https://www.example.com/'] })];
    expect(decideSave(submit({ username: 'alice', currentPassword: 'pw-1' }), ORIGIN, items).action).toBe('none');
  });

  it('same username, new password → update that item at its revision', () => {
    const items = [login('a', 'alice', 'old'), login('b', 'bob', 'pw-b')];
    expect(decideSave(submit({ username: 'alice', currentPassword: 'typed-new' }), ORIGIN, items)).toEqual({
      action: 'update', itemId: 'a', rev: 3, username: 'alice', password: 'typed-new',
    });
  });

  it('another username on the same origin → create, not update', () => {
    const items = [login('a', 'alice', 'pw-a')];
    expect(decideSave(submit({ username: 'carol', currentPassword: 'pw-c' }), ORIGIN, items).action).toBe('create');
  });

  it('sign-up: new + confirm password for a new username → create with the new password', () => {
    const decision = decideSave(submit({ username: 'dave', newPassword: 'n3w!', confirmPassword: 'n3w!' }), ORIGIN, [login('a', 'alice', 'x')]);
    expect(decision).toEqual({ action: 'create', username: 'dave', password: 'n3w!' });
  });

  it('sign-up for a username already saved → update its password (history kept by update-item)', () => {
    const decision = decideSave(submit({ username: 'alice', newPassword: 'n3w!', confirmPassword: 'n3w!' }), ORIGIN, [login('a', 'alice', 'old')]);
    expect(decision).toMatchObject({ action: 'update', itemId: 'a', password: 'n3w!' });
  });

  it('new password and confirmation differ → nothing (the site will refuse it)', () => {
    expect(decideSave(submit({ username: 'alice', newPassword: 'n3w!', confirmPassword: 'n3w?' }), ORIGIN, [])).toEqual({
      action: 'none', reason: 'confirm-mismatch',
    });
  });

  it('no password at all → nothing', () => {
    expect(decideSave(submit({ username: 'alice' }), ORIGIN, [])).toEqual({ action: 'none', reason: 'no-password' });
  });

  it('change-password without a username → the item whose password was the current one', () => {
    const items = [login('a', 'alice', 'pw-a'), login('b', 'bob', 'pw-b')];
    const decision = decideSave(submit({ currentPassword: 'pw-b', newPassword: 'next', confirmPassword: 'next' }), ORIGIN, items);
    expect(decision).toEqual({ action: 'update', itemId: 'b', rev: 3, username: 'bob', password: 'next' });
  });

  it('change-password with a username → that user’s item, whatever the current password typed', () => {
    const items = [login('a', 'alice', 'pw-a'), login('b', 'bob', 'pw-b')];
    const decision = decideSave(submit({ username: 'alice', currentPassword: 'typo', newPassword: 'next' }), ORIGIN, items);
    expect(decision).toMatchObject({ action: 'update', itemId: 'a' });
  });

  it('change-password to the password already saved → nothing', () => {
    const items = [login('a', 'alice', 'next')];
    expect(decideSave(submit({ username: 'alice', currentPassword: 'old', newPassword: 'next' }), ORIGIN, items).action).toBe('none');
  });

  it('change-password matching no item, several saved → create (never guesses among several)', () => {
    const items = [login('a', 'alice', 'pw-a'), login('b', 'bob', 'pw-b')];
    expect(decideSave(submit({ currentPassword: 'other', newPassword: 'next' }), ORIGIN, items)).toEqual({
      action: 'create', username: '', password: 'next',
    });
  });

  it('password-only step with exactly one login for the origin → update it, keeping its username', () => {
    const decision = decideSave(submit({ currentPassword: 'fresh' }), ORIGIN, [login('a', 'alice', 'old')]);
    expect(decision).toEqual({ action: 'update', itemId: 'a', rev: 3, username: 'alice', password: 'fresh' });
  });

  it('the only login saved without a username is the target of a typed username, and gets it', () => {
    const decision = decideSave(submit({ username: 'erin', newPassword: 'n' }), ORIGIN, [login('a', 'alice', 'x'), login('b', ' ', 'o')]);
    expect(decision).toEqual({ action: 'update', itemId: 'b', rev: 3, username: 'erin', password: 'n' });
    const two = [login('a', '', 'x'), login('b', '', 'o')];
    expect(decideSave(submit({ username: 'erin', newPassword: 'n' }), ORIGIN, two).action).toBe('create');
  });

  it('T20: a login saved for another origin of the site is not updated; a domain-wide one is', () => {
    const other = login('a', 'alice', 'old', { urls: ['https://dev.example.com/'] });
    expect(decideSave(submit({ username: 'alice', currentPassword: 'new' }), ORIGIN, [other]).action).toBe('create');
    const wide = login('a', 'alice', 'old', { urls: ['https://dev.example.com/'], match: 'domain' });
    expect(decideSave(submit({ username: 'alice', currentPassword: 'new' }), ORIGIN, [wide])).toMatchObject({ action: 'update', itemId: 'a' });
  });

  it('T17: a login saved for https is not the target of a submit on http', () => {
    const items = [login('a', 'alice', 'old')];
    expect(decideSave(submit({ username: 'alice', currentPassword: 'new' }), 'http://accounts.example.com', items).action).toBe('create');
  });

  it('several logins with the same username → the most recently updated one', () => {
    const items = [login('older', 'alice', 'x', {}, 10), login('newer', 'alice', 'y', {}, 20)];
    expect(decideSave(submit({ username: 'alice', currentPassword: 'z' }), ORIGIN, items)).toMatchObject({ itemId: 'newer' });
  });

  it('notes and unparsable URLs are ignored', () => {
    const note: Item = { id: 'n', rev: 1, content: contentOf(noteInput(), T0) };
    const broken = login('a', 'alice', 'old', { urls: ['not a url'] });
    expect(decideSave(submit({ username: 'alice', currentPassword: 'new' }), ORIGIN, [note, broken]).action).toBe('create');
  });
});

describe('decideSave with received logins (S3 least privilege)', () => {
  /** A login shared with this vault under `permission`. */
  function received(permission: 'view' | 'edit' | 'autofill-only', username: string, password: string, extra: Partial<Parameters<typeof loginInput>[0]> = {}): ReceivedLogin {
    return { item: { ...login('shared-abc', username, password, extra), rev: 4 }, permission, owner: 'alice' };
  }

  it.each(['view', 'edit', 'autofill-only'] as const)('%s: its password is never saved, under any username or in any field', (permission) => {
    const shared = [received(permission, 'deploy', 'shared-pw')];
    for (const fields of [
      { username: 'deploy', currentPassword: 'shared-pw' },
      { username: 'other', currentPassword: 'shared-pw' },
      { username: 'new', newPassword: 'shared-pw', confirmPassword: 'shared-pw' },
      { currentPassword: 'old', newPassword: 'shared-pw' },
    ]) {
      expect(decideSave(submit(fields), ORIGIN, [], shared)).toEqual({ action: 'none', reason: 'received' });
    }
  });

  it('a password change from the shared password: edit → propose to the owner from the version seen; view → nothing', () => {
    const change = submit({ currentPassword: 'shared-pw', newPassword: 'next', confirmPassword: 'next' });
    const edit = received('edit', 'deploy', 'shared-pw');
    expect(decideSave(change, ORIGIN, [], [edit])).toEqual({ action: 'propose', shared: edit.item, owner: 'alice', username: 'deploy', password: 'next' });
    expect(decideSave(change, ORIGIN, [], [received('view', 'deploy', 'shared-pw')])).toEqual({ action: 'none', reason: 'received' });
  });

  it('the shared username with another password: edit → propose; autofill-only → nothing; an own login of that username is updated instead', () => {
    const typed = submit({ username: 'Deploy', currentPassword: 'typed' });
    expect(decideSave(typed, ORIGIN, [], [received('edit', 'deploy', 'shared-pw')])).toMatchObject({ action: 'propose', username: 'deploy' });
    expect(decideSave(typed, ORIGIN, [], [received('autofill-only', 'deploy', 'shared-pw')])).toEqual({ action: 'none', reason: 'received' });
    expect(decideSave(typed, ORIGIN, [login('own', 'deploy', 'mine')], [received('edit', 'deploy', 'shared-pw')])).toMatchObject({ action: 'update', itemId: 'own' });
  });

  it('T20: a shared login for another origin of the site is not the target by username; another account is saved as usual', () => {
    const elsewhere = received('edit', 'deploy', 'shared-pw', { urls: ['https://dev.example.com/'] });
    expect(decideSave(submit({ username: 'deploy', currentPassword: 'typed' }), ORIGIN, [], [elsewhere]).action).toBe('create');
    expect(decideSave(submit({ username: 'mine', currentPassword: 'mine-pw' }), ORIGIN, [], [received('edit', 'deploy', 'shared-pw')]).action).toBe('create');
  });
});
