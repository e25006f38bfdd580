/**
 * The relay's pages run zod without its `new Function` JIT: their CSP allows no eval, and zod would
 * otherwise probe for it (a CSP violation report each time). Imported first by each page's entry.
 */
import { z } from 'zod';

z.config({ jitless: true });
