/** The one type the content-script side of saving shares: how it sends a save-flow message (bar, generator menu, submission reports). */
import type { RequestIn } from '../../../messaging/define-message';
import type { autofillSaveMessages } from '../../autofill-save-messages';

type SaveMessageType = keyof typeof autofillSaveMessages;

/**
 * Sends one save-flow message to the background and resolves with the raw reply (checked afterwards by
 * `parseSaveReply`); rejects when the background cannot be reached. The content script passes the content
 * channel's `sendToBackground` (lib/messaging), tests pass a fake.
 */
export type SendSaveMessage = <T extends SaveMessageType>(type: T, payload: RequestIn<typeof autofillSaveMessages, T>) => Promise<unknown>;
