/**
 * The autofill content script, in every http(s) frame: no React, no quirks data, no zod (S3, 30 KB budget).
 * It detects forms, shows the inline menu and fills after a user gesture; the save bar, the generator menu and
 * the watching of submits are injected by the background only where needed (entrypoints/autofill-prompts.ts).
 * Built as an unlisted script and declared in the manifest by wxt.config.ts rather than with
 * `defineContentScript`: WXT's content-script context posts a message naming the extension's id to every page
 * at start (fingerprinting) and stops the script on a document event any page can dispatch (T21).
 */
import type { UnlistedScriptDefinition } from 'wxt';
import { startAutofill } from '../lib/autofill/content/fill/start-autofill';
import { startSaveFlow } from '../lib/autofill/content/save/start-save-flow';

export default {
  main() {
    startAutofill(document, { onNewPassword: startSaveFlow(document) });
  },
} satisfies UnlistedScriptDefinition;
