/** `npm run bench`: every benchmark in one run, printed as one JSON object on stdout. */
import 'fake-indexeddb/auto';
import { benchArgon2 } from './argon2-bench';
import { benchVault } from './vault-bench';

const argon2 = await benchArgon2();
const vault = await benchVault();
const peakRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(`${JSON.stringify({ node: process.version, argon2, vault, peakRssMiB }, null, 2)}\n`);
