/**
 * The autofill content script, in every http(s) frame: no React, no quirks data, no zod (S3, 30 KB budget).
 * It detects forms, shows the inline menu and fills after a user gesture; each feature starts here with one
 * call, and stops when the extension is updated or removed.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startAutofill } from '../lib/autofill/content/fill/start-autofill';
import { startSaveFlow } from '../lib/autofill/content/save/start-save-flow';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    ctx.onInvalidated(startAutofill(document));
    ctx.onInvalidated(startSaveFlow(document));
  },
});
