/**
 * Receives the background's fill requests (shortcut, context menu, popup) in the content script, through
 * the content channel, which lets only our own background in (T21).
 */
import { answerBackground } from '../../../messaging/runtime-channel';
import { parseFillRequest, type FillOutcome, type FillRequest } from '../../fill-request';

/**
 * Listens for the frame's lifetime.
 * @param handle - does the fill; returns null when this frame is not the one to act (it then stays silent,
 *   so the frame that does act answers the request)
 */
export function listenForFillRequests(handle: (request: FillRequest) => FillOutcome | null | Promise<FillOutcome>): void {
  answerBackground<FillOutcome>((raw) => {
    const request = parseFillRequest(raw);
    return request === null ? null : handle(request);
  }, 'failed');
}
