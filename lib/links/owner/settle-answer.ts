/**
 * Accepts or discards a received answer (issue 14). Accepting saves it as a new login (or a note, when it
 * holds only a note) in the same transaction as its audit events; either way the record goes and the
 * relay is told to delete its copy (best effort: an unacknowledged copy expires there by itself).
 */
import { withIdentity } from '../../sharing/store/read-identity';
import { getSealedRecord } from '../../sharing/store/load-sealed-records';
import { createItem } from '../../vault/items/create-item';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import type { ItemInput } from '../../vault/model/item-schema';
import { MAX_SHORT, MAX_TEXT } from '../../vault/model/item-limits';
import { VaultError } from '../../vault/model/vault-error';
import type { LinksContext } from '../links-context';
import { commitLinks } from '../store/commit-links';
import { openAnswer, type StoredAnswer } from '../store/stored-answer';
import { ownerClient } from './owner-client';
import { notListed } from '../store/load-link-records';

/** The item an answer becomes; over-long values are refused rather than cut (S8). */
function itemOf(answer: StoredAnswer, title: string): ItemInput {
  const { username, password, url, note } = answer.answer;
  if ([username, password, url, title].some((value) => value.length > MAX_SHORT) || note.length > MAX_TEXT) {
    throw new VaultError('invalid-request', 'This answer is too long to save as an item; copy what you need from it instead.');
  }
  const notes = `Received through Sealpass from the holder of the link “${answer.label}” (not a verified contact).${note === '' ? '' : `\n\n${note}`}`;
  if (username === '' && password === '' && url === '') return { type: 'note', title, notes, fields: [], folder: '', tags: [], favourite: false };
  return { type: 'login', title, username, password, urls: url === '' ? [] : [url], notes, fields: [], folder: '', tags: [], favourite: false, totp: '', match: 'origin' };
}

async function read(ctx: LinksContext, vault: UnlockedVault, id: string): Promise<StoredAnswer> {
  const found = await getSealedRecord(ctx.db.requestAnswers, id, (record) => openAnswer(vault, record), notListed);
  if (found.state === 'absent') throw new VaultError('not-found', 'That answer is no longer in your inbox.');
  if (found.state === 'damaged') throw new VaultError('corrupted', 'This answer’s record is damaged and cannot be opened.');
  return found.record;
}

/** The answer's values, for the inbox's "show" (the background keeps them sealed until then). */
export function getAnswer(ctx: LinksContext, vault: UnlockedVault, id: string): Promise<StoredAnswer> {
  return read(ctx, vault, id);
}

function acknowledge(ctx: LinksContext, vault: UnlockedVault, id: string): Promise<unknown> {
  const relayId = Number(id.split('.').at(-1));
  return withIdentity(ctx.db, vault, (opened) => ownerClient(opened, ctx).ackAnswers([relayId])).catch(() => undefined);
}

/**
 * @param title - the new item's title (the label by default in the UI)
 * @returns the new item's id
 */
export async function acceptAnswer(ctx: LinksContext, vault: UnlockedVault, id: string, title: string): Promise<string> {
  const answer = await read(ctx, vault, id);
  const now = ctx.now();
  const itemId = await createItem(ctx.db, vault, itemOf(answer, title.trim() || answer.label), now);
  await commitLinks(ctx.db, vault, { answers: { remove: [id] }, audit: [{ type: 'request-answer-accepted', itemId, itemTitle: answer.label }] }, now);
  await acknowledge(ctx, vault, id);
  return itemId;
}

/** Discards an answer without saving it. */
export async function declineAnswer(ctx: LinksContext, vault: UnlockedVault, id: string): Promise<void> {
  const answer = await read(ctx, vault, id);
  await commitLinks(ctx.db, vault, { answers: { remove: [id] }, audit: [{ type: 'request-answer-declined', itemTitle: answer.label }] }, ctx.now());
  await acknowledge(ctx, vault, id);
}
