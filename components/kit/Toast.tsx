/** The one toast: a short message and at most one action (Undo); the live region is always present so it is announced. */
import type { ToastContent } from './vault-context';

export interface ToastProps {
  toast: ToastContent | null;
  onDismiss: () => void;
}

export function Toast({ toast, onDismiss }: ToastProps) {
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast !== null && (
        <div className="toast" data-testid="toast">
          <span>
            {toast.text}
            {toast.action && ' — '}
          </span>
          {toast.action && (
            <button type="button" className="link" onClick={toast.action.run}>
              {toast.action.label}
            </button>
          )}
          <button type="button" className="close" aria-label="Dismiss message" onClick={onDismiss}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
