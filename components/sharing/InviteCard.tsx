/**
 * "Invite a colleague" (issue 17): the invite link (the relay and this vault's contact code in one link) to
 * send however is at hand, copied at once, and as a QR code. Opened in the colleague's Sealpass it sets up
 * sharing on the same relay and pins these keys, as trustworthy as the way the link travels: the safety
 * number, compared in person or by voice, is what makes it certain.
 */
import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../lib/protocol/protocol';
import { sharingErrorText } from './sharing-text';
import { useVaultCall } from '../kit/use-vault-call';
import { useVaultTools } from '../kit/vault-context';

type Identity = NonNullable<ResponseOf<'sharingStatus'>['identity']>;

export interface InviteCardProps {
  /** Copy the link as soon as it is shown (the user just asked for it). */
  copyAtOnce?: boolean;
}

export function InviteCard({ copyAtOnce = false }: InviteCardProps) {
  const call = useVaultCall();
  const { showToast } = useVaultTools();
  const [identity, setIdentity] = useState<Identity | null>(null);
  const [error, setError] = useState<string | null>(null);

  const copy = async (link: string) => {
    try {
      await navigator.clipboard.writeText(link);
      showToast({ text: 'Invite link copied. Send it to your colleague.' });
    } catch {
      showToast({ text: 'Could not copy the invite link: the clipboard is not available here. Select it and copy it by hand.' });
    }
  };

  useEffect(() => {
    let live = true;
    void call('sharingStatus', {}).then((result) => {
      if (!live) return;
      if (!result.ok) return setError(sharingErrorText(result.error));
      setIdentity(result.identity);
      if (copyAtOnce && result.identity !== null) void copy(result.identity.inviteLink);
    });
    return () => {
      live = false;
    };
    // Asked once, when the card appears: the copy belongs to that moment, not to later renders.
  }, [call]);

  if (error !== null) return <p className="form-error" role="alert">{error}</p>;
  if (identity === null) return null;
  return (
    <div className="invite-card" data-testid="invite-card">
      <p>
        Send this link to a colleague. When they open it in Sealpass (paste it into Contacts or the Inbox), they are set up on your
        relay with you as a contact.
      </p>
      <code className="contact-code" data-testid="invite-link">
        {identity.inviteLink}
      </code>
      <div className="actions">
        <button type="button" className="small" onClick={() => void copy(identity.inviteLink)}>
          Copy invite link
        </button>
      </div>
      <img className="qr" alt="Your invite link as a QR code" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(identity.qrSvg)}`} />
      <p className="hint">
        The link is as trustworthy as the way it reaches them. Afterwards, compare the safety number together in person or on a call.
      </p>
    </div>
  );
}
