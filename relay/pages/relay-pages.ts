/**
 * The two static pages the relay serves to the public (issue 14): `/l/` opens a one-time link, `/r/`
 * answers a secret request. Each is one HTML document with its script and style inline, so the CSP can
 * name them by hash; nothing else may run, connect anywhere but the relay, or leak the address.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One page, ready to send. */
export interface RelayPage {
  html: string;
  /** The Content-Security-Policy header value, naming the inline script and style by SHA-256. */
  csp: string;
}

export interface RelayPages {
  link: RelayPage;
  request: RelayPage;
}

/** The built assets of one page (scripts/build-relay-pages.mjs): its script, the shared style, title and heading. */
export interface PageAssets {
  title: string;
  script: string;
  style: string;
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * Assembles one page: the script and style inline, the CSP built from their hashes.
 * `wasm-unsafe-eval` lets hash-wasm's Argon2id compile (a passphrase link); it allows WebAssembly only,
 * not `eval`. Trusted Types are required for scripts, so no HTML is ever parsed from a string.
 * @throws Error when the script or style could end its element early
 */
export function assemblePage(assets: PageAssets): RelayPage {
  if (/<\/script/i.test(assets.script) || /<\/style/i.test(assets.style)) throw new Error('relay pages: a built asset contains a closing tag');
  const html =
    '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="referrer" content="no-referrer">\n' +
    `<title>${assets.title}</title>\n<style>${assets.style}</style>\n</head>\n<body>\n` +
    '<main id="app" aria-live="polite"><h1>Sealpass</h1><p>Loading…</p><noscript><p>This page decrypts in your browser and needs JavaScript.</p></noscript></main>\n' +
    `<script>${assets.script}</script>\n</body>\n</html>\n`;
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(assets.script)} 'wasm-unsafe-eval'`,
    `style-src ${sha256(assets.style)}`,
    "connect-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types none',
  ].join('; ');
  return { html, csp };
}

/**
 * Reads the built pages from `dir` (link.js, request.js, page.css).
 * @throws Error naming the missing file and how to build it
 */
export function loadRelayPages(dir: string): RelayPages {
  const read = (name: string) => {
    try {
      return readFileSync(join(dir, name), 'utf8');
    } catch {
      throw new Error(`the link pages are not built (${join(dir, name)} is missing): run "node scripts/build-relay-pages.mjs"`);
    }
  };
  const style = read('page.css');
  return {
    link: assemblePage({ title: 'A secret for you · Sealpass', script: read('link.js'), style }),
    request: assemblePage({ title: 'Send a secret · Sealpass', script: read('request.js'), style }),
  };
}
