import { benchChromium } from '../tests/bench/chromium-bench';
const r = await benchChromium(10_000, 3);
console.log(JSON.stringify(r, null, 1));
