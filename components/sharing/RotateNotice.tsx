/**
 * "Rotate: <person> had access from … to …" on the owner's login after a share was revoked or expired and
 * the password has not changed since. One click generates a new password (honouring the site's rules),
 * opens the editor with it and the site's change-password page beside it; saving the new password ends
 * the notice. It can also be dismissed.
 */
import { generatePassword, DEFAULT_PASSWORD_OPTIONS } from '../../lib/generator/generate-password';
import { optionsFromRules } from '../../lib/generator/options-from-rules';
import { parsePasswordRules } from '../../lib/generator/parse-password-rules';
import type { ResponseOf } from '../../lib/protocol/protocol';
import { changePasswordUrl } from '../../lib/quirks/change-password-url';
import { passwordRulesFor } from '../../lib/quirks/password-rules-for';
import type { Item } from '../../lib/vault/model/item-schema';
import { formatTime } from './sharing-text';

type Notice = ResponseOf<'shareList'>['rotate'][number];

export interface RotateNoticeProps {
  item: Item;
  notices: Notice[];
  onEdit: (item: Item) => void;
  onDismiss: (shareId: string) => void;
}

/** A fresh password for the login's first site, under that site's password rules when Sealpass knows them. */
function newPasswordFor(url: string | undefined): string {
  const rules = url === undefined ? null : passwordRulesFor(url);
  try {
    return generatePassword(rules === null ? DEFAULT_PASSWORD_OPTIONS : optionsFromRules(parsePasswordRules(rules)));
  } catch {
    // Rules the generator cannot satisfy: the default, which the editor's strength check then judges.
    return generatePassword(DEFAULT_PASSWORD_OPTIONS);
  }
}

export function RotateNotice({ item, notices, onEdit, onDismiss }: RotateNoticeProps) {
  const content = item.content;
  if (notices.length === 0 || content.type !== 'login') return null;
  const site = content.urls[0];

  function rotate() {
    if (content.type !== 'login') return;
    const page = site === undefined ? null : changePasswordUrl(site);
    if (page !== null) window.open(page, '_blank', 'noopener');
    onEdit({ ...item, content: { ...content, password: newPasswordFor(site) } });
  }

  return (
    <div className="banner banner-warn rotate-notice" role="alert" data-testid="rotate-notice">
      {notices.map((n) => (
        <p key={n.shareId}>
          <strong>Rotate:</strong> {n.handle} had access from {formatTime(n.from)} to {formatTime(n.to)}.{' '}
          <button type="button" className="link" onClick={() => onDismiss(n.shareId)}>
            Dismiss
          </button>
        </p>
      ))}
      <button type="button" className="primary" onClick={rotate}>
        Change password now
      </button>
      <p className="hint">Opens the site’s change-password page and the editor with a new password; save it once the site accepted it.</p>
    </div>
  );
}
