/**
 * Which of an item's values go into a one-time link (issue 14): the owner picks kinds (username and
 * password, say, but not notes or history); empty values are left out, and history never goes.
 */
import type { ItemContent } from '../../vault/model/item-schema';
import type { ItemFieldChoice, LinkField } from '../link-field';

/**
 * @param content - the item, decrypted in the background
 * @param chosen - the kinds to send
 * @returns the fields, in the item's order; empty when none of the chosen kinds has a value
 */
export function linkFieldsOf(content: ItemContent, chosen: readonly ItemFieldChoice[]): LinkField[] {
  const want = new Set(chosen);
  const fields: LinkField[] = [];
  const add = (name: LinkField['name'], label: string, value: string, concealed: boolean) => {
    if (value !== '') fields.push({ name, label, value, concealed });
  };
  if (content.type === 'login') {
    if (want.has('username')) add('username', 'Username', content.username, false);
    if (want.has('password')) add('password', 'Password', content.password, true);
    if (want.has('urls')) content.urls.forEach((url, i) => add('url', content.urls.length > 1 ? `Website ${i + 1}` : 'Website', url, false));
    if (want.has('totp')) add('totp', 'One-time code secret', content.totp, true);
  }
  if (want.has('notes')) add('notes', 'Notes', content.notes, false);
  if (want.has('custom')) for (const field of content.fields) add('custom', field.name || 'Field', field.value, field.hidden);
  return fields;
}
