/**
 * The add/edit form's state and its checks: turns what the user typed into an `ItemInput` the protocol
 * accepts (lib/vault/item-schema), with an error per field instead of a rejected message.
 */
import { MAX_FIELDS, MAX_FOLDER, MAX_ROTATION_DAYS, MAX_SHORT, MAX_TAG, MAX_TAGS, MAX_TEXT, MAX_URLS } from '../../lib/vault/model/item-limits';
import type { ItemContent, ItemInput, LoginInput } from '../../lib/vault/model/item-schema';

export interface CustomFieldDraft {
  name: string;
  value: string;
  hidden: boolean;
}

/** Everything the form holds, as typed. Tags are one comma-separated string; URLs one string per row. */
export interface ItemDraft {
  type: 'login' | 'note';
  title: string;
  username: string;
  password: string;
  urls: string[];
  totp: string;
  notes: string;
  fields: CustomFieldDraft[];
  folder: string;
  tags: string;
  favourite: boolean;
  match: 'origin' | 'domain';
  /** Days between password changes, as typed; '' = the default from Settings. */
  rotationDays: string;
}

/** Error text by field key: `title`, `url.0`, `field.2.name`, `tags`, … */
export type DraftErrors = Record<string, string>;

export type DraftCheck = { ok: true; input: ItemInput } | { ok: false; errors: DraftErrors };

export function emptyDraft(type: ItemDraft['type'] = 'login'): ItemDraft {
  return {
    type, title: '', username: '', password: '', urls: [''], totp: '', notes: '',
    fields: [], folder: '', tags: '', favourite: false, match: 'origin', rotationDays: '',
  };
}

/** The form filled from an opened item, or from a login waiting to be saved (the save bar's Edit…). */
export function draftFromContent(content: ItemContent | LoginInput): ItemDraft {
  const common = {
    ...emptyDraft(content.type),
    title: content.title,
    notes: content.notes,
    fields: content.fields.map((f) => ({ ...f })),
    folder: content.folder,
    tags: content.tags.join(', '),
    favourite: content.favourite,
  };
  if (content.type === 'note') return common;
  return {
    ...common,
    username: content.username,
    password: content.password,
    urls: content.urls.length > 0 ? [...content.urls] : [''],
    totp: content.totp,
    match: content.match,
    rotationDays: content.rotationDays ? String(content.rotationDays) : '',
  };
}

/** Splits "work, client a ,work" into ["work", "client a"]: trimmed, empty dropped, duplicates (any case) dropped. */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of text.split(',')) {
    const tag = raw.trim();
    if (tag === '' || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    tags.push(tag);
  }
  return tags;
}

/**
 * A web address as saved for autofill: "example.com/login" gets "https://" (what people mean, and
 * never downgrades to http, S7); anything that is not then an http(s) URL is refused.
 * @returns the normalised URL, or `null` when it is not a web address
 */
export function normaliseUrl(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !/^[^/:]+:\d+(\/|$)/.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.hostname === '') return null;
  return url.href;
}

/**
 * A TOTP secret as apps show it ("JBSW Y3DP EHPK 3PXP") with spaces and dashes removed and upper-cased,
 * or an `otpauth://` URI kept as it is. `null` when it is neither.
 */
export function normaliseTotp(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  if (/^otpauth:\/\//i.test(trimmed)) return trimmed;
  const secret = trimmed.replace(/[\s-]/g, '').toUpperCase();
  return /^[A-Z2-7]+=*$/.test(secret) ? secret : null;
}

/** Checks every field and builds the request, or says what to fix next to each field. */
export function checkDraft(draft: ItemDraft): DraftCheck {
  const errors: DraftErrors = {};
  const title = draft.title.trim();
  if (title === '') errors.title = 'Enter a title.';
  else if (title.length > MAX_SHORT) errors.title = `Use at most ${MAX_SHORT} characters.`;
  if (draft.notes.length > MAX_TEXT) errors.notes = `Notes can hold at most ${MAX_TEXT.toLocaleString('en')} characters.`;
  const folder = draft.folder.trim();
  if (folder.length > MAX_FOLDER) errors.folder = `Use at most ${MAX_FOLDER} characters.`;
  const tags = parseTags(draft.tags);
  if (tags.length > MAX_TAGS) errors.tags = `Use at most ${MAX_TAGS} tags.`;
  else if (tags.some((t) => t.length > MAX_TAG)) errors.tags = `Each tag can have at most ${MAX_TAG} characters.`;

  const fields: CustomFieldDraft[] = [];
  draft.fields.forEach((field, i) => {
    const name = field.name.trim();
    if (name === '' && field.value === '') return;
    if (name === '') errors[`field.${i}.name`] = 'Give this field a name.';
    else if (name.length > MAX_SHORT) errors[`field.${i}.name`] = `Use at most ${MAX_SHORT} characters.`;
    if (field.value.length > MAX_TEXT) errors[`field.${i}.value`] = 'This value is too long.';
    fields.push({ name, value: field.value, hidden: field.hidden });
  });
  if (fields.length > MAX_FIELDS) errors.fields = `Use at most ${MAX_FIELDS} custom fields.`;

  const common = { title, notes: draft.notes, fields, folder, tags, favourite: draft.favourite };
  if (draft.type === 'note') {
    return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, input: { type: 'note', ...common } };
  }

  const username = draft.username.trim();
  if (username.length > MAX_SHORT) errors.username = `Use at most ${MAX_SHORT} characters.`;
  // The password is kept exactly as typed: leading or trailing spaces may be part of it.
  if (draft.password.length > MAX_SHORT) errors.password = `Use at most ${MAX_SHORT} characters.`;
  const urls: string[] = [];
  draft.urls.forEach((raw, i) => {
    if (raw.trim() === '') return;
    const url = normaliseUrl(raw);
    if (url === null) errors[`url.${i}`] = 'Enter a web address, like https://example.com.';
    else if (url.length > MAX_SHORT) errors[`url.${i}`] = 'This address is too long.';
    else if (!urls.includes(url)) urls.push(url);
  });
  if (urls.length > MAX_URLS) errors.urls = `Use at most ${MAX_URLS} addresses.`;
  const totp = normaliseTotp(draft.totp);
  if (totp === null) errors.totp = 'Enter the secret as shown by the site (letters A–Z and digits 2–7) or an otpauth:// link.';
  else if (totp.length > MAX_SHORT) errors.totp = 'This secret is too long.';

  const rotationText = draft.rotationDays.trim();
  const rotationDays = rotationText === '' ? 0 : Number(rotationText);
  if (!/^\d*$/.test(rotationText) || rotationDays > MAX_ROTATION_DAYS) {
    errors.rotationDays = `Enter a whole number of days up to ${MAX_ROTATION_DAYS.toLocaleString('en')}, or leave it empty for the default.`;
  }

  if (Object.keys(errors).length > 0 || totp === null) return { ok: false, errors };
  return {
    ok: true,
    // rotationDays is always sent (0 = default), so clearing the field really resets it.
    input: { type: 'login', ...common, username, password: draft.password, urls, totp, match: draft.match, rotationDays },
  };
}
