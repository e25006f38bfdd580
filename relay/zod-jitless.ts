/**
 * The relay runs zod as the extension does, without its `new Function` JIT, so one schema behaves the same
 * on both ends of the wire. Imported first by relay/server.ts, before any module that defines a schema
 * (zod reads the setting when a schema is built).
 */
import { z } from 'zod';

z.config({ jitless: true });
