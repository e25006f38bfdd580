/**
 * Turns off zod's JIT. The JIT compiles parsers with `new Function`, which the extension CSP (no
 * 'unsafe-eval') forbids; zod's probe for it is caught but still reported as a CSP violation, and the
 * interpreted path is what runs anyway. zod reads the setting when a schema is built, so each entrypoint
 * imports this module first, before any module that defines a schema (tests/messaging/zod-jitless.test.ts
 * checks that every entrypoint does).
 */
import { z } from 'zod';

z.config({ jitless: true });
