/** Background service worker: the only context that holds keys. Wires features together. */
import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground({
  type: 'module',
  main() {},
});
