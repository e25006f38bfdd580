/**
 * What the recipient's UI may see of a received item. "autofill-only" hides the password, the one-time
 * code secret and hidden custom fields from the popup and vault page; the background still fills them
 * into the login form of the item's site. This is a convenience, not protection: the recipient's own
 * device holds the secret and a determined recipient can read it from the filled form.
 */
import type { Permission } from '../envelope/envelope-schema';
import type { ItemContent } from '../../vault/model/item-schema';

/** @returns `content` unchanged for view and edit; secrets blanked for autofill-only */
export function maskReceivedContent(content: ItemContent, permission: Permission): ItemContent {
  if (permission !== 'autofill-only') return content;
  const fields = content.fields.map((field) => (field.hidden ? { ...field, value: '' } : field));
  if (content.type === 'note') return { ...content, fields };
  return { ...content, password: '', totp: '', passwordHistory: [], fields };
}
