/** Types shared by the content-script side of the save flow (bar, generator button, submission reports). */
import type { AutofillSaveMessageType } from '../../autofill-save-messages';
import type { RequestOf } from '../../../protocol/protocol';

/**
 * Sends one save-flow message to the background and resolves with the raw reply (checked afterwards by
 * `parseSaveReply`); rejects when the background cannot be reached. The content script passes one built
 * on `runtime.sendMessage`, so lib/autofill itself calls no browser API.
 */
export type SendSaveMessage = <T extends AutofillSaveMessageType>(type: T, payload: RequestOf<T>) => Promise<unknown>;
