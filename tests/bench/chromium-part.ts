/**
 * The Chromium part of `npm run bench` in a process of its own (run.ts starts it through `benchChromiumApart`): by
 * then the bench's own process holds the earlier parts' heap (10,000-item vaults in fake-indexeddb, the relay's
 * pre-signed requests), and its garbage collection competed with the browser on the two cores. Prints the
 * result as one JSON object on stdout.
 */
import { benchChromium } from './chromium-bench';

process.stdout.write(`${JSON.stringify(await benchChromium())}\n`);
