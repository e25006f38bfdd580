/**
 * Dumps everything the extension has stored, as one searchable string (T07, T13, S1, S4): every IndexedDB
 * database, store and record, `chrome.storage` local/session/sync, `localStorage` and the origin-private file
 * system; plus a raw scan of the profile's on-disk files for this extension (the disk thief's view, L).
 * Bytes are written as hex, latin1, UTF-8 and UTF-16LE text so a plain substring search finds plaintext.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Worker } from 'playwright-core';

/** The chrome.storage areas an extension can write. */
export type StorageAreaName = 'local' | 'session' | 'sync';

/** The part of `chrome.storage` the dump uses, typed locally (this project has no @types/chrome). */
interface ChromeStorageLike {
  storage: Record<StorageAreaName, { get(keys: null): Promise<Record<string, unknown>> }>;
}

/**
 * Reads one `chrome.storage` area. `session` is read in the service worker when it is running (session storage
 * is for trusted contexts), otherwise from an inert extension page, which is also trusted.
 */
export async function readStorageArea(
  context: BrowserContext,
  extensionId: string,
  area: StorageAreaName,
): Promise<Record<string, unknown>> {
  const worker = findServiceWorker(context, extensionId);
  if (worker) {
    try {
      return await worker.evaluate(
        (name) => (globalThis as unknown as { chrome: ChromeStorageLike }).chrome.storage[name].get(null),
        area,
      );
    } catch {
      // The worker stopped between lookup and evaluate; the page below reads the same area.
    }
  }
  const page = await context.newPage();
  try {
    await page.goto(inertPageUrl(extensionId));
    return await page.evaluate(
      (name) => (globalThis as unknown as { chrome: ChromeStorageLike }).chrome.storage[name].get(null),
      area,
    );
  } finally {
    await page.close();
  }
}

/** The running service worker of this extension, if any. */
function findServiceWorker(context: BrowserContext, extensionId: string): Worker | undefined {
  return context.serviceWorkers().find((worker) => new URL(worker.url()).host === extensionId);
}

/**
 * An extension-origin document that runs none of our code (the manifest shown as text): the dump reads storage
 * from there without the popup's React app touching anything.
 */
function inertPageUrl(extensionId: string): string {
  return `chrome-extension://${extensionId}/manifest.json`;
}

/**
 * Everything the extension stores, as one big string: section headers, then every record. Search it for
 * plaintext with `findLeaks` (tests/e2e/leak-checks.ts).
 */
export async function dumpExtensionStorage(context: BrowserContext, extensionId: string): Promise<string> {
  const sections: string[] = [];
  for (const area of ['local', 'session', 'sync'] as const) {
    const values = await readStorageArea(context, extensionId, area);
    sections.push(`=== chrome.storage.${area} (${Object.keys(values).length} keys)\n${describeJson(values, '')}`);
  }
  const page = await context.newPage();
  try {
    await page.goto(inertPageUrl(extensionId));
    sections.push(await page.evaluate(dumpOriginStorageInPage));
  } finally {
    await page.close();
  }
  return sections.join('\n');
}

/** Writes a JSON value (what chrome.storage holds) with strings unescaped, one leaf per line. */
function describeJson(value: unknown, indent: string): string {
  if (value === null || typeof value !== 'object') {
    return typeof value === 'string' ? `${indent}string(${value.length}) ${value}` : `${indent}${String(value)}`;
  }
  const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value);
  return entries
    .map(([key, item]) => `${indent}${key}:\n${describeJson(item, `${indent}  `)}`)
    .join('\n');
}

/**
 * Runs inside an extension page (serialised by Playwright, so it must be self-contained): every IndexedDB
 * database/store/record with its key, `localStorage`, and every file of the origin-private file system.
 */
async function dumpOriginStorageInPage(): Promise<string> {
  const out: string[] = [];

  const describeBytes = (bytes: Uint8Array): string => {
    let hex = '';
    let latin1 = '';
    for (const byte of bytes) {
      hex += byte.toString(16).padStart(2, '0');
      latin1 += String.fromCharCode(byte);
    }
    const utf8 = new TextDecoder('utf-8').decode(bytes);
    const utf16 = new TextDecoder('utf-16le').decode(bytes.subarray(0, bytes.length - (bytes.length % 2)));
    return `bytes(${bytes.length}) hex=${hex}\n  latin1=${latin1}\n  utf8=${utf8}\n  utf16le=${utf16}`;
  };

  const describe = async (value: unknown, indent: string, seen: Set<object>): Promise<string> => {
    if (value === null || value === undefined || typeof value === 'boolean' || typeof value === 'number') {
      return `${indent}${String(value)}`;
    }
    if (typeof value === 'bigint') return `${indent}bigint ${value.toString()}`;
    if (typeof value === 'string') return `${indent}string(${value.length}) ${value}`;
    if (typeof value !== 'object') return `${indent}${typeof value}`;
    if (seen.has(value)) return `${indent}[cycle]`;
    seen.add(value);
    if (value instanceof ArrayBuffer) return indent + describeBytes(new Uint8Array(value));
    if (ArrayBuffer.isView(value)) {
      const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
      return `${indent}${value.constructor.name} ${describeBytes(bytes)}`;
    }
    if (value instanceof Blob) {
      return `${indent}Blob ${value.type} ${describeBytes(new Uint8Array(await value.arrayBuffer()))}`;
    }
    if (value instanceof Date) return `${indent}Date ${value.toISOString()}`;
    if (value instanceof RegExp) return `${indent}RegExp ${value.source}`;
    if (value instanceof CryptoKey) {
      return `${indent}CryptoKey type=${value.type} extractable=${value.extractable} algorithm=${JSON.stringify(value.algorithm)} usages=${value.usages.join(',')}`;
    }
    const entries: [string, unknown][] =
      value instanceof Map
        ? [...value.entries()].map(([key, item]: [unknown, unknown]) => [String(key), item])
        : value instanceof Set
          ? [...value].map((item: unknown, index) => [String(index), item])
          : Array.isArray(value)
            ? value.map((item: unknown, index) => [String(index), item])
            : Object.entries(value);
    const lines = [`${indent}${value.constructor?.name ?? 'Object'}(${entries.length})`];
    for (const [key, item] of entries) {
      lines.push(`${indent}  ${key}:`, await describe(item, `${indent}    `, seen));
    }
    return lines.join('\n');
  };

  const request = <T>(req: IDBRequest<T>): Promise<T> =>
    new Promise((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });

  const databases = await indexedDB.databases();
  out.push(`=== IndexedDB (${databases.length} databases)`);
  for (const info of databases) {
    if (!info.name) continue;
    const db = await request(indexedDB.open(info.name));
    try {
      out.push(`--- database ${info.name} v${db.version} (${db.objectStoreNames.length} stores)`);
      for (const storeName of Array.from(db.objectStoreNames)) {
        const store = db.transaction(storeName, 'readonly').objectStore(storeName);
        // Both requests are queued before awaiting, so they run in one live transaction.
        const [keys, values] = await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
        const indexes = Array.from(store.indexNames).join(', ');
        out.push(`--- store ${info.name}/${storeName} keyPath=${JSON.stringify(store.keyPath)} indexes=[${indexes}] records=${values.length}`);
        for (let index = 0; index < values.length; index += 1) {
          out.push(`record ${index} key:`, await describe(keys[index], '  ', new Set()));
          out.push(`record ${index} value:`, await describe(values[index], '  ', new Set()));
        }
      }
    } finally {
      db.close();
    }
  }

  out.push(`=== localStorage (${localStorage.length} keys)`);
  for (let index = 0; index < localStorage.length; index += 1) {
    const key = localStorage.key(index) ?? '';
    out.push(`${key}: ${localStorage.getItem(key) ?? ''}`);
  }

  out.push('=== origin-private file system');
  const walk = async (dir: FileSystemDirectoryHandle, path: string): Promise<void> => {
    const iterable = dir as unknown as AsyncIterable<[string, FileSystemHandle]>;
    for await (const [name, handle] of iterable) {
      if (handle.kind === 'directory') {
        await walk(handle as FileSystemDirectoryHandle, `${path}${name}/`);
      } else {
        const file = await (handle as FileSystemFileHandle).getFile();
        out.push(`file ${path}${name}: ${describeBytes(new Uint8Array(await file.arrayBuffer()))}`);
      }
    }
  };
  await walk(await navigator.storage.getDirectory(), '/');
  return out.join('\n');
}

/**
 * Reads every file of this extension's on-disk storage in a Chromium profile (IndexedDB, extension settings,
 * anything whose path names the extension id, and Local Storage), as latin1 and UTF-16 (LE and BE) text. Leveldb logs keep
 * overwritten values, so this also finds plaintext that was written once and replaced. Snappy-compressed blocks
 * can hide text from it: the logical dump above is the primary check, this one only adds to it.
 */
export async function scanProfileFiles(userDataDir: string, extensionId: string): Promise<string> {
  const profile = join(userDataDir, 'Default');
  const entries = await readdir(profile, { recursive: true, withFileTypes: true });
  const out: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const relative = path.slice(profile.length + 1);
    if (!relative.includes(extensionId) && !relative.startsWith(join('Local Storage', 'leveldb'))) continue;
    const bytes = await readFile(path).catch(() => undefined);
    if (!bytes) continue;
    out.push(`=== ${relative} (${bytes.length} bytes)`, bytes.toString('latin1'), ...utf16Readings(bytes));
  }
  return out.join('\n');
}

/**
 * The bytes read as UTF-16LE and UTF-16BE from both even and odd offsets: Chromium's IndexedDB encodes key
 * strings as UTF-16BE at whatever offset the length prefix leaves.
 */
function utf16Readings(bytes: Buffer): string[] {
  const readings: string[] = [];
  for (const offset of [0, 1]) {
    const slice = bytes.subarray(offset, offset + ((bytes.length - offset) & ~1));
    readings.push(slice.toString('utf16le'), Buffer.from(slice).swap16().toString('utf16le'));
  }
  return readings;
}
