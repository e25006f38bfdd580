/** "Rotate these N passwords: <person> could read them from … to …", with each site's change-password link. */
import type { ResponseOf } from '../../lib/protocol/protocol';
import { folderTime } from './folder-text';

type Notice = ResponseOf<'folderGet'>['rotate'][number];

export function RotateNotice({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }) {
  const n = notice.items.length;
  return (
    <div className="rotate-notice" role="status">
      <p>
        <strong>
          Rotate {n === 1 ? 'this password' : `these ${n} passwords`}: {notice.handle} could read {n === 1 ? 'it' : 'them'} from {folderTime(notice.from)} to{' '}
          {folderTime(notice.to)}.
        </strong>{' '}
        Anything added or changed since cannot be opened with their keys.
      </p>
      <ul aria-label={`Passwords to rotate after ${notice.handle}`}>
        {notice.items.map((item) => (
          <li key={item.itemId}>
            {item.title}
            {item.changePasswordUrl && (
              <>
                {' '}
                —{' '}
                <a href={item.changePasswordUrl} target="_blank" rel="noopener noreferrer">
                  change password
                </a>
              </>
            )}
          </li>
        ))}
      </ul>
      <button type="button" onClick={onDismiss}>
        Done, hide this
      </button>
    </div>
  );
}
