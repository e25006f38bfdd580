/**
 * What every feature's message handlers share: the platform parts, the one vault session, and the
 * "use the unlocked vault" step that also counts as activity for auto-lock.
 */
import type { Handlers } from '../../protocol/dispatch-message';
import type { MessageType } from '../../protocol/protocol';
import type { UnlockedVault } from '../../vault/keys/unlocked-vault';
import type { ServiceDeps } from '../service-deps';
import type { VaultSession } from './vault-session';

export interface HandlerContext {
  deps: ServiceDeps;
  session: VaultSession;
  /** The unlocked vault, re-arming auto-lock. @throws VaultError `locked` */
  unlocked: () => Promise<UnlockedVault>;
  /** Re-arms auto-lock (activity). */
  touch: () => Promise<void>;
}

/** The handlers of one feature: the message types of its `*-messages.ts`. */
export type FeatureHandlers<K extends MessageType> = Pick<Handlers, K>;
