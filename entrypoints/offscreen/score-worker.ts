/** The offscreen document's worker: runs zxcvbn-ts over a batch, where blocking delays no message (issue 15). */
import '../../lib/messaging/zod-jitless';
import { scorePasswords } from '../../lib/health/scoring/score-passwords';
import { scoreRequestSchema, type ScoreReply } from '../../lib/health/scoring/scorer-wire';

self.onmessage = (event: MessageEvent<unknown>) => {
  const request = scoreRequestSchema.safeParse(event.data);
  if (!request.success) return;
  let reply: ScoreReply;
  try {
    reply = { id: request.data.id, scores: scorePasswords(request.data.passwords) };
  } catch {
    reply = { id: request.data.id, failed: true };
  }
  self.postMessage(reply);
};
