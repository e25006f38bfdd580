/**
 * The on-demand prompts (unlisted script, never web-accessible): the save bar and the generator menu, injected
 * into one frame by the background with `scripting.executeScript` when that frame needs them, so the
 * always-present content script stays small (issue 15). No React, no zod, like the content script (S3).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startPrompts } from '../lib/autofill/content/prompts/start-prompts';

export default defineUnlistedScript(() => {
  startPrompts(document);
});
