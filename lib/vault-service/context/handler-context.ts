/**
 * What every feature's message handlers share: the platform parts, the one vault session, and the
 * "use the unlocked vault" step that also counts as activity for auto-lock. A feature that needs more of
 * the platform names it in `D` (its own deps type); the composition root passes them all.
 */
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import type { CoreDeps } from './core-deps';
import type { VaultSession } from './vault-session';

export interface HandlerContext<D extends CoreDeps = CoreDeps> {
  deps: D;
  session: VaultSession;
  /** The unlocked vault, re-arming auto-lock. @throws VaultError `locked` */
  unlocked: () => Promise<UnlockedVault>;
  /** Re-arms auto-lock (activity). */
  touch: () => Promise<void>;
}
