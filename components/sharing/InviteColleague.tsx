/**
 * "Invite a colleague" (issue 17): the invite link at once when sharing is set up; otherwise the set-up
 * form first (handle and relay, the relay checked before anything is created), then the link. One flow
 * from nothing to a link on the clipboard.
 */
import { useEffect, useState } from 'react';
import { InviteCard } from './InviteCard';
import { SharingSetupForm } from './SharingSetupForm';
import { sharingErrorText } from './sharing-text';
import { useVaultCall } from '../kit/use-vault-call';

export interface InviteColleagueProps {
  /** Sharing was set up here (callers reload what depends on it). */
  onSetUp?: () => void;
}

export function InviteColleague({ onSetUp }: InviteColleagueProps) {
  const call = useVaultCall();
  const [setUp, setSetUp] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void call('sharingStatus', {}).then((result) => {
      if (!live) return;
      if (result.ok) setSetUp(result.identity !== null);
      else setError(sharingErrorText(result.error));
    });
    return () => {
      live = false;
    };
  }, [call]);

  if (error !== null) return <p className="form-error" role="alert">{error}</p>;
  if (setUp === null) return null;
  if (!setUp) {
    return (
      <div className="invite-setup">
        <p>To invite a colleague, choose how they will find you first.</p>
        <SharingSetupForm
          action="Create invite link"
          onDone={() => {
            setSetUp(true);
            onSetUp?.();
          }}
        />
      </div>
    );
  }
  return <InviteCard copyAtOnce />;
}
