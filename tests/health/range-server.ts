/**
 * A local server speaking Have I Been Pwned's range API (GET /range/{5 hex} → `SUFFIX:COUNT` lines), as a
 * self-hosted mirror would, for the online breach check's tests: it knows the hashes it is given, pads
 * every answer with random count-0 suffixes when asked (`Add-Padding: true`), and records each request.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RangeServer {
  /** e.g. `http://127.0.0.1:41234/range/` */
  rangeUrl: string;
  /** Every request: its path and headers. */
  requests: { path: string; headers: IncomingHttpHeaders }[];
  /** What the next answers are, instead of the range (a broken mirror). */
  misbehave: { status?: number; body?: string } | null;
  close(): Promise<void>;
}

/**
 * @param known - upper-case 40-hex SHA-1 → count, the "breached" passwords
 */
export async function startRangeServer(known: ReadonlyMap<string, number>): Promise<RangeServer> {
  const requests: RangeServer['requests'] = [];
  const state: { misbehave: RangeServer['misbehave'] } = { misbehave: null };
  const server = createServer((request, response) => {
    const path = request.url ?? '';
    requests.push({ path, headers: request.headers });
    if (state.misbehave) {
      response.writeHead(state.misbehave.status ?? 200, { 'content-type': 'text/plain' });
      response.end(state.misbehave.body ?? '');
      return;
    }
    const match = /^\/range\/([0-9A-Fa-f]{5})$/.exec(path);
    if (!match?.[1]) {
      response.writeHead(400).end('The hash prefix was not in a valid format');
      return;
    }
    const prefix = match[1].toUpperCase();
    const lines = [...known].filter(([hash]) => hash.startsWith(prefix)).map(([hash, count]) => `${hash.slice(5)}:${count}`);
    if (request.headers['add-padding'] === 'true') {
      for (let i = 0; i < 800; i++) lines.push(`${randomBytes(18).toString('hex').slice(0, 35).toUpperCase()}:0`);
    }
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.end(lines.join('\r\n'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    rangeUrl: `http://127.0.0.1:${port}/range/`,
    requests,
    get misbehave() {
      return state.misbehave;
    },
    set misbehave(value) {
      state.misbehave = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
