/**
 * jsdom documents for the detection unit tests. jsdom 31 needs Node ≥ 22: its undici 8 binds
 * `zlib.createZstdDecompress` at load time and calls `worker_threads.markAsUncloneable`, and jsdom's tree
 * walkers extend the ES2025 global `Iterator` and call its `find` helper, and its style sheets use
 * `Promise.withResolvers`; Node 20 has none of these, so Vitest's `jsdom` environment cannot start here. These
 * helpers add them before importing jsdom (a zstd decoder that throws, which these tests never reach; a no-op
 * uncloneable marker, which only matters to structured cloning; a minimal `Iterator` base class; the
 * three-line `withResolvers`) and hand the tests a `Document` to pass to the detector. Remove
 * them once the project runs on Node ≥ 22.15, and switch the tests to `// @vitest-environment jsdom`.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import workerThreads from 'node:worker_threads';
import zlib from 'node:zlib';

/** tests/fixtures/forms, the authored detection fixtures. */
export const FORM_FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'forms');

/** The ES2025 `Iterator` base class, with the helpers jsdom calls. */
class IteratorBase<T> {
  [Symbol.iterator]() {
    return this as unknown as Iterator<T>;
  }

  find(match: (value: T) => boolean): T | undefined {
    for (const value of this as unknown as Iterable<T>) if (match(value)) return value;
    return undefined;
  }

  some(match: (value: T) => boolean): boolean {
    return this.find(match) !== undefined;
  }

  toArray(): T[] {
    return [...(this as unknown as Iterable<T>)];
  }
}

async function loadJsdom() {
  const global = globalThis as unknown as Record<string, unknown>;
  global.Iterator ??= IteratorBase;
  const promise = Promise as unknown as Record<string, unknown>;
  promise.withResolvers ??= <T>() => {
    let resolve!: (value: T) => void;
    let reject!: (reason: unknown) => void;
    return { promise: new Promise<T>((yes, no) => ((resolve = yes), (reject = no))), resolve, reject };
  };
  const z = zlib as unknown as Record<string, unknown>;
  z.createZstdDecompress ??= () => {
    throw new Error('zstd is not available on this Node version');
  };
  const threads = workerThreads as unknown as Record<string, unknown>;
  threads.markAsUncloneable ??= () => undefined;
  return (await import('jsdom')).JSDOM;
}

/** A jsdom document of `html` (scripts not run), with a 1024 × 768 window and no layout. */
export async function htmlDocument(html: string): Promise<Document> {
  const JSDOM = await loadJsdom();
  return new JSDOM(html, { pretendToBeVisual: true }).window.document;
}

/** A jsdom document of tests/fixtures/forms/`name`. */
export async function formFixture(name: string): Promise<Document> {
  return htmlDocument(await readFile(join(FORM_FIXTURES, name), 'utf8'));
}
