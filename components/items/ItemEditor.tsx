/** Add and edit form for logins and secure notes, with the generator inline and an error next to each field. */
import { useId, useRef, useState, type FormEvent } from 'react';
import type { Item, ItemInput, LoginInput } from '../../lib/vault/model/item-schema';
import { errorText } from '../kit/error-text';
import { Field, focusFirstInvalid } from '../kit/Field';
import { Generator } from '../kit/Generator';
import { checkDraft, draftFromContent, emptyDraft, type DraftErrors, type ItemDraft } from './item-form';
import { useVaultCall } from '../kit/use-vault-call';

export interface ItemEditorProps {
  /** The item being edited; absent for a new one. */
  item?: Item;
  /** A new login's values to start from (the save bar's Edit…); ignored when `item` is given. */
  initial?: LoginInput;
  /** Existing folders, offered as suggestions. */
  folders: string[];
  /** A new login's title and address from the page the popup was opened on (absent: an empty form). */
  prefill?: { title: string; url: string } | null;
  onSaved: (id: string) => void;
  onCancel: () => void;
}

export function ItemEditor({ item, initial, folders, prefill = null, onSaved, onCancel }: ItemEditorProps) {
  const call = useVaultCall();
  const baseId = useId();
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<ItemDraft>(() => {
    const from = item?.content ?? initial;
    if (from) return draftFromContent(from);
    return prefill === null ? emptyDraft('login') : { ...emptyDraft('login'), title: prefill.title, urls: [prefill.url] };
  });
  const [errors, setErrors] = useState<DraftErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [showPassword, setShowPassword] = useState(false);
  const [generatorOpen, setGeneratorOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  // Editing a field clears its error; the others stay until the next save.
  const clearError = (key: string) => setErrors((e) => (key in e ? Object.fromEntries(Object.entries(e).filter(([k]) => k !== key)) : e));
  const set = (patch: Partial<ItemDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    for (const key of Object.keys(patch)) clearError(key);
  };
  const setUrl = (i: number, value: string) => {
    setDraft((d) => ({ ...d, urls: d.urls.map((u, j) => (j === i ? value : u)) }));
    clearError(`url.${i}`);
  };
  const setField = (i: number, patch: Partial<ItemDraft['fields'][number]>) => {
    setDraft((d) => ({ ...d, fields: d.fields.map((f, j) => (j === i ? { ...f, ...patch } : f)) }));
    for (const key of Object.keys(patch)) clearError(`field.${i}.${key}`);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const checked = checkDraft(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      setFormError('Fix the marked fields, then save again.');
      requestAnimationFrame(() => focusFirstInvalid(form.current));
      return;
    }
    setErrors({});
    setFormError(null);
    setBusy(true);
    const savedId = item ? await update(item.id, checked.input) : await create(checked.input);
    setBusy(false);
    if (savedId !== null) onSaved(savedId);
  }

  async function create(input: ItemInput): Promise<string | null> {
    const result = await call('itemCreate', { item: input });
    if (result.ok) return result.id;
    setFormError(errorText(result.error));
    return null;
  }

  async function update(id: string, input: ItemInput): Promise<string | null> {
    // The revision we started from: an edit made meanwhile elsewhere is reported, not overwritten.
    const result = await call('itemUpdate', { id, item: input, ...(item ? { rev: item.rev } : {}) });
    if (result.ok) return id;
    setFormError(errorText(result.error));
    return null;
  }

  const login = draft.type === 'login';
  return (
    <form ref={form} className="item-editor" data-testid="item-editor" onSubmit={submit} noValidate aria-busy={busy}>
      <h2>{item ? 'Edit item' : 'New item'}</h2>
      {!item && (
        <fieldset className="segmented">
          <legend>Type</legend>
          {(['login', 'note'] as const).map((type) => (
            <label key={type} className={draft.type === type ? 'on' : ''}>
              <input type="radio" name={`${baseId}-type`} value={type} checked={draft.type === type} onChange={() => set({ type })} />
              {type === 'login' ? 'Login' : 'Secure note'}
            </label>
          ))}
        </fieldset>
      )}

      <Field label="Title" error={errors.title} hint={!item && prefill !== null ? 'Title and address are from the current tab; change them if you like.' : undefined}>
        {(c) => (
          <input
            {...c}
            type="text"
            autoFocus={!item}
            autoComplete="off"
            value={draft.title}
            // A prefilled title is selected, so typing replaces it.
            onFocus={(e) => !item && prefill !== null && e.target.select()}
            onChange={(e) => set({ title: e.target.value })}
          />
        )}
      </Field>

      {login && (
        <>
          <Field label="Username" error={errors.username}>
            {(c) => (
              <input {...c} type="text" autoComplete="off" spellCheck={false} value={draft.username} onChange={(e) => set({ username: e.target.value })} />
            )}
          </Field>
          <Field label="Password" error={errors.password}>
            {(c) => (
              <div className="input-row">
                <input
                  {...c}
                  type={showPassword ? 'text' : 'password'}
                  autoComplete="new-password"
                  spellCheck={false}
                  className="mono"
                  value={draft.password}
                  onChange={(e) => set({ password: e.target.value })}
                />
                <button type="button" className="small" aria-pressed={showPassword} onClick={() => setShowPassword(!showPassword)}>
                  {showPassword ? 'Hide' : 'Show'}
                </button>
                <button type="button" className="small" aria-expanded={generatorOpen} onClick={() => setGeneratorOpen(!generatorOpen)}>
                  Generate
                </button>
              </div>
            )}
          </Field>
          {generatorOpen && (
            <div className="inline-panel">
              <Generator
                onUse={(password) => {
                  set({ password });
                  setShowPassword(true);
                  setGeneratorOpen(false);
                }}
              />
            </div>
          )}

          <fieldset className="group">
            <legend>Websites</legend>
            {draft.urls.map((url, i) => (
              <Field key={i} label={i === 0 ? 'URL' : `URL ${i + 1}`} error={errors[`url.${i}`]}>
                {(c) => (
                  <div className="input-row">
                    <input
                      {...c}
                      type="url"
                      inputMode="url"
                      autoComplete="off"
                      spellCheck={false}
                      placeholder="https://example.com"
                      value={url}
                      onChange={(e) => setUrl(i, e.target.value)}
                    />
                    {draft.urls.length > 1 && (
                      <button
                        type="button"
                        className="small"
                        aria-label={`Remove URL ${i + 1}`}
                        onClick={() => set({ urls: draft.urls.filter((_, j) => j !== i) })}
                      >
                        Remove
                      </button>
                    )}
                  </div>
                )}
              </Field>
            ))}
            {errors.urls && <p className="field-error">{errors.urls}</p>}
            <button type="button" className="link" onClick={() => set({ urls: [...draft.urls, ''] })}>
              Add URL
            </button>
            <Field label="Autofill match" hint="Exact origin fills only on the address saved; whole site also fills on its subdomains.">
              {(c) => (
                <select {...c} value={draft.match} onChange={(e) => set({ match: e.target.value === 'domain' ? 'domain' : 'origin' })}>
                  <option value="origin">Exact origin (recommended)</option>
                  <option value="domain">Whole site</option>
                </select>
              )}
            </Field>
          </fieldset>

          <Field label="TOTP secret" error={errors.totp} hint="The setup key from the site's two-factor page, or an otpauth:// link.">
            {(c) => (
              <input {...c} type="text" autoComplete="off" spellCheck={false} className="mono" value={draft.totp} onChange={(e) => set({ totp: e.target.value })} />
            )}
          </Field>
          <Field label="Rotate password every (days)" error={errors.rotationDays} hint="Leave empty to use the default from Settings (90 days unless changed).">
            {(c) => (
              <input {...c} type="text" inputMode="numeric" autoComplete="off" className="short" value={draft.rotationDays} onChange={(e) => set({ rotationDays: e.target.value })} />
            )}
          </Field>
        </>
      )}

      <Field label="Notes" error={errors.notes}>
        {(c) => <textarea {...c} rows={login ? 3 : 8} value={draft.notes} onChange={(e) => set({ notes: e.target.value })} />}
      </Field>

      <fieldset className="group">
        <legend>Custom fields</legend>
        {draft.fields.map((field, i) => (
          <div className="custom-field" key={i}>
            <Field label={`Field ${i + 1} name`} error={errors[`field.${i}.name`]}>
              {(c) => <input {...c} type="text" autoComplete="off" value={field.name} onChange={(e) => setField(i, { name: e.target.value })} />}
            </Field>
            <Field label={`Field ${i + 1} value`} error={errors[`field.${i}.value`]}>
              {(c) => (
                <input
                  {...c}
                  type={field.hidden ? 'password' : 'text'}
                  autoComplete="off"
                  spellCheck={false}
                  value={field.value}
                  onChange={(e) => setField(i, { value: e.target.value })}
                />
              )}
            </Field>
            <div className="custom-field-actions">
              <Field className="check" label={`Hide field ${i + 1}`}>
                {(c) => <input {...c} type="checkbox" checked={field.hidden} onChange={(e) => setField(i, { hidden: e.target.checked })} />}
              </Field>
              <button type="button" className="small" onClick={() => set({ fields: draft.fields.filter((_, j) => j !== i) })}>
                Remove field {i + 1}
              </button>
            </div>
          </div>
        ))}
        {errors.fields && <p className="field-error">{errors.fields}</p>}
        <button type="button" className="link" onClick={() => set({ fields: [...draft.fields, { name: '', value: '', hidden: false }] })}>
          Add field
        </button>
      </fieldset>

      <Field label="Folder" error={errors.folder}>
        {(c) => (
          <>
            <input {...c} type="text" autoComplete="off" list={`${baseId}-folders`} value={draft.folder} onChange={(e) => set({ folder: e.target.value })} />
            <datalist id={`${baseId}-folders`}>
              {folders.map((f) => (
                <option key={f} value={f} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field label="Tags" error={errors.tags} hint="Separate tags with commas.">
        {(c) => <input {...c} type="text" autoComplete="off" value={draft.tags} onChange={(e) => set({ tags: e.target.value })} />}
      </Field>
      <Field className="check" label="Favourite">
        {(c) => <input {...c} type="checkbox" checked={draft.favourite} onChange={(e) => set({ favourite: e.target.checked })} />}
      </Field>

      {formError !== null && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Save
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
