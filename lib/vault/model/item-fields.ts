/**
 * Who owns which field of an item: the one place that says which fields travel with a share and which
 * stay in the owner's vault, and what a permission hides. Sharing (offer, update, an edit sent back), the
 * recipient's editor and the owner's own editor all build on these functions.
 *
 * Shared: title, notes, custom fields and, on a login, username, password, URLs, TOTP secret and the fill
 * rule (`match`). Private to the owner: folder, tags, favourite, password history and rotation bookkeeping.
 */
import { itemContentSchema, type ItemContent, type ItemInput } from './item-schema';
import type { Permission } from './share-permission';

type LoginContent = Extract<ItemContent, { type: 'login' }>;
type NoteContent = Extract<ItemContent, { type: 'note' }>;
type LoginItemInput = Extract<ItemInput, { type: 'login' }>;
type NoteItemInput = Extract<ItemInput, { type: 'note' }>;

/** The shared fields of `content` as an item input; private fields are left out (the schema's defaults). */
export function sharedInput(content: LoginContent): LoginItemInput;
export function sharedInput(content: NoteContent): NoteItemInput;
export function sharedInput(content: ItemContent): ItemInput;
export function sharedInput(content: ItemContent): ItemInput {
  const common = { title: content.title, notes: content.notes, fields: content.fields };
  if (content.type === 'note') return { type: 'note', ...common };
  return {
    type: 'login', ...common, username: content.username, password: content.password,
    urls: content.urls, totp: content.totp, match: content.match,
  };
}

/**
 * An opened item as an update request, unchanged: every field the user can set, private ones included.
 * @example itemUpdate({ id, item: { ...inputFromContent(content), favourite: true } })
 */
export function inputFromContent(content: ItemContent): ItemInput {
  const mine = { folder: content.folder, tags: content.tags, favourite: content.favourite };
  if (content.type === 'note') return { ...sharedInput(content), ...mine };
  return { ...sharedInput(content), ...mine, rotationDays: content.rotationDays ?? 0 };
}

/**
 * The owner's update from a recipient's proposal: shared fields from `proposed`, private ones from `mine`
 * (folder, tags, favourite, the rotation period; update-item keeps the history and the rotation clock).
 */
export function applySharedFields(mine: ItemContent, proposed: ItemContent): ItemInput {
  const kept = { folder: mine.folder, tags: mine.tags, favourite: mine.favourite };
  if (proposed.type === 'note') return { ...sharedInput(proposed), ...kept };
  const rotation = mine.type === 'login' && mine.rotationDays !== undefined ? { rotationDays: mine.rotationDays } : {};
  return { ...sharedInput(proposed), ...kept, ...rotation };
}

/**
 * What of an item goes to a recipient: the content with the owner's private fields emptied (no history,
 * folder, tags, favourite or rotation state); times stay.
 */
export function shareableContent(content: ItemContent): ItemContent {
  const common = { folder: '', tags: [], favourite: false };
  if (content.type === 'note') return itemContentSchema.parse({ ...content, ...common });
  const { rotationDays: _days, passwordChangedAt: _changed, rotationSnoozedUntil: _snoozed, ...rest } = content;
  return itemContentSchema.parse({ ...rest, ...common, passwordHistory: [] });
}

/**
 * What the recipient's UI may see of a received item. "autofill-only" blanks the password, the one-time
 * code secret and hidden custom fields; the background still fills them into the login form of the item's
 * site. This is a convenience, not protection: the recipient's device holds the secret.
 * @returns `content` unchanged for view and edit
 */
export function maskForPermission(content: ItemContent, permission: Permission): ItemContent {
  if (permission !== 'autofill-only') return content;
  const fields = content.fields.map((field) => (field.hidden ? { ...field, value: '' } : field));
  if (content.type === 'note') return { ...content, fields };
  return { ...content, password: '', totp: '', passwordHistory: [], fields };
}
