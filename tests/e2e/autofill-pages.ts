/**
 * Test pages for the autofill suites, served by a small static server on 127.0.0.1 at random ports: two
 * servers with the same pages, so `origin` and `otherOrigin` differ only by port (a cross-origin frame, a form
 * posting elsewhere). Pages are plain HTML strings; the hostile ones carry their attack as inline script.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A page's HTML, given both origins so pages can point at each other. */
export type PageSource = (origins: { origin: string; otherOrigin: string }) => string;

/** The running servers. */
export interface PageServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Another port: another origin with the same pages. */
  otherOrigin: string;
  /** Every form post received, oldest first: which server, which path, and the body as sent. */
  posts: { origin: string; path: string; body: string }[];
  /** Adds or replaces pages at run time (e.g. a built bundle). */
  add(path: string, body: string, contentType?: string): void;
  close(): Promise<void>;
}

export const head = (title: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
  '<style>body{font:16px system-ui;margin:40px} input{display:block;width:280px;height:32px;margin:8px 0 16px;font-size:16px}</style></head><body>';

/** A login form: username and password, posting to `action`. */
export const loginForm = (action = '/done', extra = '') =>
  `<form id="login" action="${action}" method="post">` +
  '<label>Email <input id="user" name="username" autocomplete="username"></label>' +
  '<label>Password <input id="pass" name="password" type="password" autocomplete="current-password"></label>' +
  `${extra}<button type="submit">Sign in</button></form>`;

const PAGES: Record<string, PageSource> = {
  '/login': () => `${head('Sign in')}${loginForm()}`,
  '/done': () => `${head('Signed in')}<p id="done">Signed in.</p>`,
  // Multi-step: the username page posts (GET) to the password page, as many identity providers do.
  '/two-step': () =>
    `${head('Sign in: step 1')}<form id="step1" action="/two-step/password" method="get">` +
    '<label>Email <input id="user" name="username" autocomplete="username"></label><button type="submit">Next</button></form>',
  '/two-step/password': () =>
    `${head('Sign in: step 2')}<form id="step2" action="/done" method="post">` +
    '<label>Password <input id="pass" name="password" type="password" autocomplete="current-password"></label>' +
    '<button type="submit">Sign in</button></form>',
  '/otp': () =>
    `${head('Verification code')}<form id="otp-form" action="/done" method="post">` +
    '<label>Code <input id="otp" name="otp" inputmode="numeric" autocomplete="one-time-code"></label><button type="submit">Verify</button></form>',
  '/shadow': () =>
    `${head('Shadow login')}<login-box></login-box><script>` +
    "customElements.define('login-box', class extends HTMLElement { connectedCallback() {" +
    "  const root = this.attachShadow({ mode: 'open' });" +
    `  root.innerHTML = '<style>input{display:block;width:280px;height:32px;margin:8px 0 16px}</style>${loginForm()}';` +
    '} });</script>',
  '/frame-host': () => `${head('Frame host')}<p>Same-origin frame:</p><iframe id="frame" src="/login" width="520" height="320"></iframe>`,
  '/cross-frame-host': ({ otherOrigin }) =>
    `${head('Cross-origin frame host')}<p>Frame from another origin:</p><iframe id="frame" src="${otherOrigin}/login" width="520" height="320"></iframe>`,
  // React-controlled inputs, rendered by the real react-dom bundle the suite builds (see react-login-page.ts).
  '/react': () => `${head('React login')}<div id="root"></div><script type="module" src="/react-login.js"></script>`,
};

/**
 * Starts both servers.
 * @param extra - more pages (path → source), e.g. the malicious suite's
 */
export async function startPageServer(extra: Record<string, PageSource> = {}): Promise<PageServer> {
  const pages: Record<string, PageSource> = { ...PAGES, ...extra };
  const assets = new Map<string, { body: string; contentType: string }>();
  const origins = { origin: '', otherOrigin: '' };
  const posts: PageServer['posts'] = [];
  const handler = (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method === 'POST') posts.push({ origin: `http://${request.headers.host ?? ''}`, path, body: Buffer.concat(chunks).toString('utf8') });
      const asset = assets.get(path);
      if (asset) return void response.writeHead(200, { 'content-type': asset.contentType }).end(asset.body);
      const page = pages[path];
      // Any other path answers a plain page too, so a form may post anywhere.
      response.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(page ? page(origins) : `${head('Not found')}<p>Not found.</p>`);
    });
  };
  const listen = async (): Promise<Server> => {
    const server = createServer(handler);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    return server;
  };
  const servers = [await listen(), await listen()];
  const [main, other] = servers.map((s) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`);
  origins.origin = main ?? '';
  origins.otherOrigin = other ?? '';
  return {
    ...origins,
    posts,
    add(path, body, contentType = 'text/javascript; charset=utf-8') {
      assets.set(path, { body, contentType });
    },
    async close() {
      for (const server of servers) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    },
  };
}

