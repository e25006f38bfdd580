/** The one way components reach the background: `sendMessage`, plus a jump to Unlock when the vault locked underneath us (S4). */
import { createContext, useCallback, useContext } from 'react';
import { sendMessage } from '../../lib/protocol/send-message';
import type { MessageType, RequestOf, Result } from '../../lib/protocol/protocol';

/** Called when any reply says `locked` (auto-lock while a view was open); App provides it. */
export const VaultLockedContext = createContext<() => void>(() => {});

/**
 * @returns a typed `call(type, payload)` that never throws and reports a `locked` reply to App
 * @example const call = useVaultCall(); const r = await call('itemGet', { id });
 */
export function useVaultCall(): <T extends MessageType>(type: T, payload: RequestOf<T>) => Promise<Result<T>> {
  const onLocked = useContext(VaultLockedContext);
  return useCallback(
    async <T extends MessageType>(type: T, payload: RequestOf<T>): Promise<Result<T>> => {
      const result = await sendMessage(type, payload);
      if (!result.ok && result.error.code === 'locked') onLocked();
      return result;
    },
    [onLocked],
  );
}
