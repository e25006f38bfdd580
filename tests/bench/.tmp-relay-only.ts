import { benchRelay } from './relay-bench';
console.log(JSON.stringify(await benchRelay(), null, 1));
