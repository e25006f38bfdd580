import 'fake-indexeddb/auto';
import { benchChromium } from '../tests/bench/chromium-bench';
import { benchVault } from '../tests/bench/vault-bench';
import { benchArgon2 } from '../tests/bench/argon2-bench';
const which = process.argv[2] ?? 'all';
if (which === 'argon2' || which === 'all') console.log(JSON.stringify(await benchArgon2(), null, 1));
if (which === 'vault' || which === 'all') console.log(JSON.stringify(await benchVault(), null, 1));
if (which === 'chromium' || which === 'all') console.log(JSON.stringify(await benchChromium(), null, 1));
