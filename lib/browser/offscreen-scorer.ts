/**
 * The background's end of the offscreen strength scorer (issue 15): passwords go over a port to the offscreen
 * document, whose worker runs zxcvbn-ts, so scoring an import never blocks the service worker's messages.
 * Any failure (no offscreen API, the document not connecting, a dropped port, a malformed reply) rejects, and
 * the scoring queue then scores in place (lib/health/background/score-queue). The port itself (T21, reconnecting
 * after a service-worker stop) is lib/browser/offscreen-channel.
 */
import type { PasswordScorer } from '../health/scoring/password-scorer';
import { SCORER_CONNECT_MESSAGE, SCORER_PORT, scoreReplySchema } from '../health/scoring/scorer-wire';
import { createOffscreenChannel } from './offscreen-channel';

/** How long one batch may take, in ms: 64 passwords at up to 30 ms each, with room for a busy machine. */
const BATCH_TIMEOUT_MS = 30_000;

/**
 * Listens for the offscreen document's port (from now on: call once, at service-worker start).
 * @returns a scorer that creates the document on first use
 */
export function createOffscreenScorer(): PasswordScorer {
  const channel = createOffscreenChannel({ portName: SCORER_PORT, connectMessage: SCORER_CONNECT_MESSAGE, replySchema: scoreReplySchema, label: 'offscreen scorer' });
  return {
    async score(passwords) {
      const reply = await channel.request({ passwords: [...passwords] }, BATCH_TIMEOUT_MS);
      if (!reply) throw new Error('no offscreen documents here');
      if ('failed' in reply || reply.scores.length !== passwords.length) throw new Error('offscreen scorer failed');
      return reply.scores;
    },
  };
}
