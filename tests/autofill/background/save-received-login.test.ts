/**
 * S3 least privilege for received logins (issue 12, item 3), through the real handlers of two vaults and the
 * real relay app: a login Alice shares with Bob is filled into a page and submitted there, as Bob's browser
 * would do it. The save flow must never turn it into an item of Bob's own (readable, and kept after revoke and
 * expiry); an edit grant proposes the change to the owner instead, through the edit-proposal path.
 */
import { describe, expect, it } from 'vitest';
import type { Submission } from '../../../lib/autofill/autofill-save-messages';
import type { MessageSender } from '../../vault-service/fakes';
import { addByCode, addLogin, DAY, person, world, type Person } from '../../sharing/background/people';

const SITE = 'https://db.example.org/login';
const PAGE: MessageSender = { kind: 'content-script', tabId: 3, frameId: 0, url: SITE };
const SHARED = { title: 'Staging DB', username: 'deploy', password: 'shared-Secret-1', urls: [SITE] };

function submission(fields: Partial<Submission>): Submission {
  return { username: '', currentPassword: '', newPassword: '', confirmPassword: '', ...fields };
}

/** Alice shares SHARED with Bob under `permission`, expiring in a day; Bob accepts. @returns both and Alice's item id */
async function sharedLogin(permission: 'view' | 'edit' | 'autofill-only') {
  const w = await world();
  const alice = await person(w, 'alice');
  const bob = await person(w, 'bob');
  const bobId = await addByCode(alice, bob);
  await addByCode(bob, alice);
  const itemId = await addLogin(alice, SHARED);
  await alice.call('shareCreate', { itemId, contactIds: [bobId], permission, expiry: '1d', confirmedUnverified: false });
  await bob.call('sharingSync', {});
  const [entry] = (await bob.call('inboxList', {})).shares;
  await bob.call('inboxAnswer', { id: entry!.id, answer: 'accept', confirmedUnverified: false });
  await alice.call('sharingSync', {});
  return { w, alice, bob, itemId, receivedId: entry!.id };
}

/** Bob picks the shared login in the inline menu of SITE: what the page's fields receive. */
async function bobFills(bob: Person, receivedId: string): Promise<{ username: string; password: string }> {
  const reply = await bob.service.sendFrom(PAGE, 'autofillFill', { id: receivedId, fields: ['username', 'password'] });
  if (!reply.ok) throw new Error(`fill refused: ${reply.error.code}`);
  return { username: reply.username ?? '', password: reply.password ?? '' };
}

/** Bob's own items (not the received copies), opened. */
async function ownItems(bob: Person) {
  const { items } = await bob.call('itemList', {});
  return Promise.all(items.map(async (row) => (await bob.call('itemGet', { id: row.id })).item));
}

/** Submits on SITE and, whatever is offered, accepts it as the bar's Save would. @returns the offer */
async function submitAndAccept(bob: Person, submitted: Submission) {
  const reply = await bob.service.sendFrom(PAGE, 'saveSubmitted', { submission: submitted });
  if (!reply.ok) throw new Error(`submit refused: ${reply.error.code}`);
  if (reply.offer) await bob.service.sendFrom(PAGE, 'saveAccept', { id: reply.offer.id });
  return reply.offer;
}

describe('S3 least privilege: a received login never becomes the recipient’s own item', () => {
  it.each(['autofill-only', 'view', 'edit'] as const)('%s: filled and submitted → no offer, nothing saved; after revoke and expiry Bob holds no copy', async (permission) => {
    const { alice, bob, itemId, receivedId } = await sharedLogin(permission);
    const filled = await bobFills(bob, receivedId);
    expect(filled.password).toBe(SHARED.password);

    expect(await submitAndAccept(bob, submission({ username: filled.username, currentPassword: filled.password }))).toBeNull();
    // The username edited before the submit, or the password copied into a sign-up form's fields by the page:
    // the password still came from the share.
    expect(await submitAndAccept(bob, submission({ username: 'someone-else', currentPassword: filled.password }))).toBeNull();
    expect(await submitAndAccept(bob, submission({ username: 'new-account', newPassword: filled.password, confirmPassword: filled.password }))).toBeNull();
    expect(await ownItems(bob)).toEqual([]);

    // Revoked (or expired): nothing of the password is left with Bob.
    await alice.call('shareRevoke', { itemId });
    await bob.call('sharingSync', {});
    expect((await bob.service.sendFrom(PAGE, 'autofillFill', { id: receivedId, fields: ['password'] })).ok).toBe(false);
    bob.service.clock.now += 2 * DAY;
    await bob.service.handlers.sharingExpire({}, { kind: 'extension-page' });
    expect((await bob.call('receivedList', {})).items).toEqual([]);
    expect(JSON.stringify(await ownItems(bob))).not.toContain(SHARED.password);
  });

  it.each(['autofill-only', 'view'] as const)('%s: a password change on the shared account is not saved as Bob’s own login either', async (permission) => {
    const { bob, receivedId } = await sharedLogin(permission);
    const filled = await bobFills(bob, receivedId);
    const change = submission({ currentPassword: filled.password, newPassword: 'Bobs-new-pw-2', confirmPassword: 'Bobs-new-pw-2' });
    expect(await submitAndAccept(bob, change)).toBeNull();
    // A login with the shared username and another password: the shared account, not a new one.
    expect(await submitAndAccept(bob, submission({ username: SHARED.username, currentPassword: 'typed-by-hand-3' }))).toBeNull();
    expect(await ownItems(bob)).toEqual([]);
  });

  it('edit: a password change offers "propose" naming the owner; accepting sends an edit proposal, the owner’s item changes, Bob saves nothing', async () => {
    const { alice, bob, itemId, receivedId } = await sharedLogin('edit');
    const filled = await bobFills(bob, receivedId);
    const change = submission({ currentPassword: filled.password, newPassword: 'Rotated-by-bob-4', confirmPassword: 'Rotated-by-bob-4' });
    const reply = await bob.service.sendFrom(PAGE, 'saveSubmitted', { submission: change });
    expect(reply.ok && reply.offer).toMatchObject({ action: 'propose', owner: 'alice', username: '' });
    const accepted = await bob.service.sendFrom(PAGE, 'saveAccept', { id: reply.ok ? reply.offer!.id : '' });
    expect(accepted.ok && accepted.outcome).toBe('proposed');
    expect((await bob.call('receivedGet', { id: receivedId })).view.editPending).toBe(true);
    expect(await ownItems(bob)).toEqual([]);
    await alice.call('sharingSync', {});
    const { item } = await alice.call('itemGet', { id: itemId });
    expect(item.content).toMatchObject({ username: SHARED.username, password: 'Rotated-by-bob-4', passwordHistory: [expect.objectContaining({ password: SHARED.password })] });
  });

  it('edit: a login with the shared username and a new password proposes it too', async () => {
    const { bob } = await sharedLogin('edit');
    const reply = await bob.service.sendFrom(PAGE, 'saveSubmitted', { submission: submission({ username: 'Deploy ', currentPassword: 'typed-by-hand-5' }) });
    expect(reply.ok && reply.offer).toMatchObject({ action: 'propose', owner: 'alice', username: 'Deploy' });
  });

  it('Bob’s own, unrelated login on the same site is still offered and saved', async () => {
    const { bob } = await sharedLogin('autofill-only');
    const offer = await submitAndAccept(bob, submission({ username: 'bob@corp.test', currentPassword: 'bobs-own-6' }));
    expect(offer).toMatchObject({ action: 'save' });
    expect((await ownItems(bob)).map((i) => i.content)).toEqual([expect.objectContaining({ username: 'bob@corp.test', password: 'bobs-own-6' })]);
  });
});
