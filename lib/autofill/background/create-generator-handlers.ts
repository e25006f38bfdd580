/**
 * The background's half of the generator menu in new-password fields, and of watching a frame's submits: shows
 * the menu in the focused frame (platform.showPrompt, when the inline menu may show there; else only the submit
 * watcher is installed), installs the watcher where a password was typed without a focus that announced it, suggests a password under the field's or the
 * site's rules and says which, and keeps the passwords the user filled in a short history per origin
 * (generated-history), which only that origin gets back, one at a time after a click (S3). Suggesting does not
 * count as activity; nothing here needs the vault unlocked, but the history is sealed while it is.
 */
import type { autofillSaveMessages } from '../autofill-save-messages';
import type { HandlersOf } from '../../messaging/define-message';
import { VaultError } from '../../vault/model/vault-error';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import type { CoreDeps } from '../../vault-service/context/core-deps';
import type { HandlerContext } from '../../vault-service/context/handler-context';
import type { AutofillDeps } from './autofill-platform';
import { describePasswordRules } from './describe-password-rules';
import { generateForField } from './generate-for-field';
import { GeneratedHistory } from './generated-history';
import { openNeverShow } from './never-show-list';
import { webPage } from './web-page-sender';

type GeneratorMessages = 'saveWatch' | 'generatorOpen' | 'generatorSuggest' | 'generatorUsed' | 'generatorHistoryFill';

/** @returns the generator's handlers; the history lives as long as this background, and is dropped at every lock */
export function createGeneratorHandlers(ctx: HandlerContext<CoreDeps & AutofillDeps>): Pick<HandlersOf<typeof autofillSaveMessages>, GeneratorMessages> {
  const { deps, session } = ctx;
  const platform = deps.autofill;
  const history = new GeneratedHistory(platform.generatedHistory);
  session.onEnd(() => history.clear());
  const vaultIfUnlocked = async (): Promise<UnlockedVault | null> => ((await session.isUnlocked()) ? session.require() : null);

  return {
    async saveWatch(_request, sender) {
      const page = webPage(sender);
      await platform.showPrompt(page.tabId, page.frameId, { kind: 'sealpass-prompt', prompt: 'watch' });
      return {};
    },
    async generatorOpen(_request, sender) {
      const page = webPage(sender);
      // The inline menu's switch and "never show here" cover every menu Sealpass draws in fields; the submit of a
      // sign-up form is still watched (the prompts script is installed either way).
      const prefs = await platform.prefs.get();
      const vault = await vaultIfUnlocked();
      const hidden = !prefs.inlineMenu || (vault !== null && openNeverShow(vault, prefs.neverShow).includes(page.origin));
      await platform.showPrompt(page.tabId, page.frameId, { kind: 'sealpass-prompt', prompt: hidden ? 'watch' : 'generator' });
      return {};
    },
    async generatorSuggest({ rules }, sender) {
      const page = webPage(sender);
      const { password, options, source } = generateForField(rules, new URL(page.origin).hostname);
      return { password, description: describePasswordRules(options, source), history: await history.list(await vaultIfUnlocked(), page.origin, deps.now()) };
    },
    async generatorUsed({ password }, sender) {
      const page = webPage(sender);
      await history.add(await vaultIfUnlocked(), page.origin, password, deps.now());
      return {};
    },
    async generatorHistoryFill({ id }, sender) {
      const page = webPage(sender);
      const password = await history.password(await vaultIfUnlocked(), page.origin, id, deps.now());
      if (password === null) throw new VaultError('not-found', 'This generated password is no longer kept. Generate a new one.');
      return { password };
    },
  };
}
