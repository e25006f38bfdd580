/** Every bundle that defines our schemas runs zod without its `new Function` JIT (extension CSP has no 'unsafe-eval'). */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import '../../lib/vault/model/item-schema';

describe('zod-jitless', () => {
  it('importing the item schema (imported by the protocol and every page) turns the JIT off', () => {
    expect(z.config().jitless).toBe(true);
  });
});
