/**
 * zod runs without its `new Function` JIT in every bundle (the extension CSP has no 'unsafe-eval'). zod reads
 * the setting when a schema is built, so each entrypoint that loads schemas must import the switch first.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const firstImport = (path: string) => readFileSync(path, 'utf8').match(/^import\s+(?:[^'"]*from\s+)?['"]([^'"]+)['"]/m)?.[1];

describe('zod-jitless', () => {
  it.each([
    ['entrypoints/background.ts', '../lib/messaging/zod-jitless'],
    ['entrypoints/popup/main.tsx', '../../lib/messaging/zod-jitless'],
    ['entrypoints/vault/main.tsx', '../../lib/messaging/zod-jitless'],
    ['entrypoints/offscreen/main.ts', '../../lib/messaging/zod-jitless'],
    ['relay/server.ts', './zod-jitless'],
  ])('%s imports the switch before anything else', (path, expected) => {
    expect(firstImport(path)).toBe(expected);
  });

  it('the unit tests run with it too (tests/setup.ts)', () => {
    expect(z.config().jitless).toBe(true);
  });
});
