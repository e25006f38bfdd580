/**
 * Settings for the inline menu: the global switch, and the sites where the user chose "Never show here" in
 * the menu, each removable. The list is sealed in the vault (it names sites), so it shows while unlocked.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { errorText } from '../kit/error-text';
import { useVaultCall } from '../kit/use-vault-call';

export function AutofillSettings() {
  const call = useVaultCall();
  const baseId = useId();
  const [inlineMenu, setInlineMenu] = useState<boolean | null>(null);
  const [neverShow, setNeverShow] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await call('autofillSettingsGet', {});
    if (!result.ok) return setError(errorText(result.error));
    setInlineMenu(result.inlineMenu);
    setNeverShow(result.neverShow ?? []);
  }, [call]);

  useEffect(() => {
    void load();
  }, [load]);

  async function setSwitch(on: boolean) {
    // Shown at once; a failed save puts back what is stored.
    setInlineMenu(on);
    const result = await call('autofillSettingsSet', { inlineMenu: on });
    setError(result.ok ? null : errorText(result.error));
    await load();
  }

  async function remove(origin: string) {
    const result = await call('autofillNeverShowRemove', { origin });
    setError(result.ok ? null : errorText(result.error));
    await load();
  }

  return (
    <fieldset className="group checks autofill-settings" data-testid="autofill-settings">
      <legend>Autofill</legend>
      <label htmlFor={`${baseId}-inline`}>
        <input
          id={`${baseId}-inline`}
          type="checkbox"
          checked={inlineMenu ?? false}
          disabled={inlineMenu === null}
          onChange={(e) => void setSwitch(e.target.checked)}
        />
        Show the Sealpass menu in login fields
      </label>
      <p className="hint">The keyboard shortcut (Ctrl+Shift+L), the context menu and Fill in this popup work either way.</p>
      <h3 id={`${baseId}-never`}>Never shown on</h3>
      {neverShow.length === 0 ? (
        <p className="hint">No sites. Choose “Never show here” in the menu on a site to add it.</p>
      ) : (
        <ul aria-labelledby={`${baseId}-never`}>
          {neverShow.map((origin) => (
            <li key={origin}>
              <span>{origin}</span>
              <button type="button" aria-label={`Show again on ${origin}`} onClick={() => void remove(origin)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {error !== null && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
