/**
 * The content script's sender for the save flow's messages, as ask-background is for filling: one
 * `runtime.sendMessage`, its reply checked afterwards by `parseSaveReply` (no zod in the content script).
 */
import { browser } from 'wxt/browser';
import type { SendSaveMessage } from './save-flow-types';

/**
 * Sends `{ type, payload }` to the background.
 * @returns the raw reply; rejects when the background cannot be reached (callers treat that as a failure)
 * @example parseSaveReply(await sendSaveMessage('savePending', {}));
 */
export const sendSaveMessage: SendSaveMessage = (type, payload) => browser.runtime.sendMessage({ type, payload });
