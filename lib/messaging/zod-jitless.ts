/**
 * Turns off zod's JIT for every schema in this bundle. The JIT compiles parsers with `new Function`,
 * which the extension CSP (no 'unsafe-eval') forbids; zod's probe for it is caught but still reported as
 * a CSP violation, and the interpreted path is what runs anyway. Imported for its side effect by the
 * modules that define our schemas, so it runs before any parse.
 */
import { z } from 'zod';

z.config({ jitless: true });
