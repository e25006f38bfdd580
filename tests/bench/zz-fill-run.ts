import 'fake-indexeddb/auto';
import { benchAutofillFill } from './autofill-fill-bench';
console.log(JSON.stringify(await benchAutofillFill(), null, 2));
