/**
 * The message the background sends to a frame after injecting the on-demand prompts script
 * (`entrypoints/autofill-prompts.ts`, with `scripting.executeScript`): which prompt to show there. The save bar,
 * the generator menu and the watching of submits are not in the always-present content script (its 30 KB
 * budget, issue 15) and are not web-accessible, so no page can load them. The script watches the frame's
 * submits from the moment it is installed: the background injects it when a credential field of the frame is
 * focused (menu query, generator) or a password is typed there, before any credential can be submitted.
 * Parsed by hand on the content side, like fill-request.
 */
import type { SaveOffer } from './autofill-save-messages';

/** Background → prompts script in one frame. */
export type PromptRequest =
  /** Show the save bar for this offer, replacing a bar already shown in the frame. */
  | { kind: 'sealpass-prompt'; prompt: 'save'; offer: SaveOffer }
  /** Show the generator menu under the frame's focused new-password field, if it still has the focus. */
  | { kind: 'sealpass-prompt'; prompt: 'generator' }
  /** Show nothing: only be installed, watching the frame's submits. */
  | { kind: 'sealpass-prompt'; prompt: 'watch' }
  /**
   * Copy this one-time code (at most 16 characters) to the clipboard: a password was just filled into a form of
   * the frame with no code field. Done here rather than in the content script, so the always-present script
   * never holds a code it does not fill, and carries no clipboard code (issue 15).
   */
  | { kind: 'sealpass-prompt'; prompt: 'copy'; text: string };

/** The file the background injects, as the build writes it (WXT unlisted script). */
export const PROMPTS_SCRIPT = '/autofill-prompts.js';
