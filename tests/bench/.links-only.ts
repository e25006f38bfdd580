import 'fake-indexeddb/auto';
import { benchLinks } from './links-bench';
console.log(JSON.stringify(await benchLinks(), null, 2));
